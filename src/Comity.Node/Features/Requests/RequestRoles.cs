using System.Security.Claims;
using Comity.Node.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Comity.Node.Features.Requests;

/// <summary>Who reads and who works the 24/7 requests, in the API and on the pages (docs/cooperation/requests-api.md, "Who may do what").</summary>
internal static class RequestRoles
{
    /// <summary>Read requests, alerts and handover notes.</summary>
    public const string Read = Roles.DutyOfficer + "," + Roles.Supervisor + "," + Roles.Auditor;

    /// <summary>Draft, submit, record transitions and write handover notes.</summary>
    public const string Act = Roles.DutyOfficer + "," + Roles.Supervisor;

    /// <summary>Who acts on 24/7 requests: duty officers and their supervisors.</summary>
    public static readonly AuthorizeAttribute Actors = new() { Roles = Act };

    /// <summary>Who reads 24/7 requests: the actors and auditors. Case content is sensitive: nobody else.</summary>
    public static readonly AuthorizeAttribute Readers = new() { Roles = Read };

    public static bool CanRead(ClaimsPrincipal user) => CanAct(user) || user.IsInRole(Roles.Auditor);

    public static bool CanAct(ClaimsPrincipal user) => user.IsInRole(Roles.DutyOfficer) || user.IsInRole(Roles.Supervisor);

    /// <summary>The alert audience the viewer works for: supervisors see escalations, duty officers reminders; an auditor sees both.</summary>
    public static string? Audience(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Supervisor) ? (user.IsInRole(Roles.DutyOfficer) ? null : Roles.Supervisor)
        : user.IsInRole(Roles.DutyOfficer) ? Roles.DutyOfficer
        : null;
}

/// <summary>Who did it, as events, notes and audit records name them.</summary>
internal static class RequestActors
{
    /// <summary>The signed-in user's display name, or the user name when there is none.</summary>
    public static string? Name(ClaimsPrincipal user) =>
        user.FindFirst(ComityClaimsPrincipalFactory.DisplayNameClaim)?.Value is { Length: > 0 } name ? name : user.Identity?.Name;
}
