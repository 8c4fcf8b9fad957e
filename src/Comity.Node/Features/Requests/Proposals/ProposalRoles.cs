using System.Security.Claims;
using Comity.Node.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Comity.Node.Features.Requests.Proposals;

/// <summary>
/// Four eyes on the central authorities' requests: a prosecutor drafts (proposes), a central-authority officer or a
/// supervisor reviews and sends, or returns it with reasons. The drafter never sends their own draft unless the node
/// allows one officer to do both (<c>Comity:Requests:OneOfficerMayDraftAndSend</c>).
/// </summary>
internal static class ProposalRoles
{
    public const string Draft = Roles.Prosecutor + "," + Roles.CentralAuthorityOfficer + "," + Roles.Supervisor;

    public const string Review = Roles.CentralAuthorityOfficer + "," + Roles.Supervisor;

    /// <summary>Drafters see their own proposals; reviewers and auditors see every one.</summary>
    public const string Read = Draft + "," + Roles.Auditor;

    public static readonly AuthorizeAttribute Drafters = new() { Roles = Draft };

    public static readonly AuthorizeAttribute Reviewers = new() { Roles = Review };

    public static readonly AuthorizeAttribute Readers = new() { Roles = Read };

    public static bool SeesAll(ClaimsPrincipal user) =>
        user.IsInRole(Roles.CentralAuthorityOfficer) || user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Auditor);

    public static bool CanReview(ClaimsPrincipal user) => user.IsInRole(Roles.CentralAuthorityOfficer) || user.IsInRole(Roles.Supervisor);
}
