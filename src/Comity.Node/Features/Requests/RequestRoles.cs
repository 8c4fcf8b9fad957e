using System.Security.Claims;
using Comity.Domain.Cooperation;
using Comity.Domain.Directory;
using Comity.Node.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Comity.Node.Features.Requests;

/// <summary>
/// Who reads and who works the requests, in the API and on the pages (docs/cooperation/requests-api.md, "Who may do what").
/// Case content is need-to-know by channel: duty officers work the 24/7 network's requests, central-authority officers
/// the central authorities'; neither sees the other's (a request of the other channel is "not found"). Supervisors and
/// auditors see both.
/// </summary>
internal static class RequestRoles
{
    /// <summary>Read requests, alerts and handover notes (each only for the channels of <see cref="ChannelsOf"/>).</summary>
    public const string Read = Roles.DutyOfficer + "," + Roles.CentralAuthorityOfficer + "," + Roles.Supervisor + "," + Roles.Auditor;

    /// <summary>Draft, submit, record transitions and write handover notes (each only for the channels of <see cref="ChannelsOf"/>).</summary>
    public const string Act = Roles.DutyOfficer + "," + Roles.CentralAuthorityOfficer + "," + Roles.Supervisor;

    /// <summary>
    /// Who uses the guided form, which drafts the 24/7 network's kinds: duty officers and supervisors. Central-authority
    /// officers send their kinds through the API and the CLI until the guided form for mutual legal assistance exists.
    /// </summary>
    public const string Draft247 = Roles.DutyOfficer + "," + Roles.Supervisor;

    public static bool CanDraft247(ClaimsPrincipal user) => user.IsInRole(Roles.DutyOfficer) || user.IsInRole(Roles.Supervisor);

    /// <summary>Who acts on requests: duty officers (24/7), central-authority officers (central authority) and their supervisors.</summary>
    public static readonly AuthorizeAttribute Actors = new() { Roles = Act };

    /// <summary>Who reads requests: the actors and auditors. Case content is sensitive: nobody else.</summary>
    public static readonly AuthorizeAttribute Readers = new() { Roles = Read };

    public static bool CanRead(ClaimsPrincipal user) => CanAct(user) || user.IsInRole(Roles.Auditor);

    public static bool CanAct(ClaimsPrincipal user) =>
        user.IsInRole(Roles.DutyOfficer) || user.IsInRole(Roles.CentralAuthorityOfficer) || user.IsInRole(Roles.Supervisor);

    /// <summary>The channels whose requests the user may see: a duty officer the 24/7 network's, a central-authority officer the central authorities', supervisors and auditors both.</summary>
    public static IReadOnlyList<DesignationRole> ChannelsOf(ClaimsPrincipal user)
    {
        var all = user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Auditor);
        return [.. RequestChannels.All.Where(c => all
            || (c == DesignationRole.PointOfContact247 && user.IsInRole(Roles.DutyOfficer))
            || (c == DesignationRole.CentralAuthority && user.IsInRole(Roles.CentralAuthorityOfficer)))];
    }

    /// <summary>The wire names of the kinds the user may see.</summary>
    public static IReadOnlyList<string> KindsOf(ClaimsPrincipal user)
    {
        var channels = ChannelsOf(user);
        return [.. RequestKindProfiles.All.Where(p => channels.Contains(p.Channel)).Select(p => p.Kind.Wire())];
    }

    /// <summary>Whether the user may see a request of this kind (its channel is one of theirs).</summary>
    public static bool CanRead(ClaimsPrincipal user, RequestKind kind) => CanRead(user) && ChannelsOf(user).Contains(kind.Profile().Channel);

    /// <summary>Whether the user may submit or record transitions on a request of this kind.</summary>
    public static bool CanAct(ClaimsPrincipal user, RequestKind kind) => CanAct(user) && ChannelsOf(user).Contains(kind.Profile().Channel);

    /// <summary>
    /// The refusal (403) of a draft of a kind the user does not work: a duty officer does not send mutual legal assistance,
    /// a central-authority officer does not send 24/7 requests. Null when the kind is theirs, or unknown (the draft's checks report that).
    /// </summary>
    public static Kernel.Error? OtherChannel(ClaimsPrincipal user, string? kind)
    {
        if (!RequestKinds.TryParse(kind, out var k) || CanAct(user, k))
        {
            return null;
        }

        var channel = k.Profile().Channel;
        return RequestErrors.Refused(Kernel.ErrorKind.Forbidden, StatusCodes.Status403Forbidden, $"A {k.Wire()} request goes to the {channel.Describe()}: your role does not send it.",
            [RequestWire.Problem("kind", RequestCodes.WrongChannel, $"A {k.Wire()} request is sent by the {channel.Describe()}'s officers; your role works the other channel.", channel.Basis())]);
    }

    /// <summary>Whether the user may see the request whose kind has this wire name (an unknown kind: no).</summary>
    public static bool CanRead(ClaimsPrincipal user, string kind) => RequestKinds.TryParse(kind, out var k) && CanRead(user, k);

    /// <summary>The alert audience the viewer works for: supervisors see escalations, duty and central-authority officers their reminders; an auditor sees both.</summary>
    public static string? Audience(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Supervisor) ? (user.IsInRole(Roles.DutyOfficer) ? null : Roles.Supervisor)
        : user.IsInRole(Roles.DutyOfficer) ? Roles.DutyOfficer
        : user.IsInRole(Roles.CentralAuthorityOfficer) ? Roles.CentralAuthorityOfficer
        : null;
}

/// <summary>Who did it, as events, notes and audit records name them.</summary>
internal static class RequestActors
{
    /// <summary>The signed-in user's display name, or the user name when there is none.</summary>
    public static string? Name(ClaimsPrincipal user) =>
        user.FindFirst(ComityClaimsPrincipalFactory.DisplayNameClaim)?.Value is { Length: > 0 } name ? name : user.Identity?.Name;
}
