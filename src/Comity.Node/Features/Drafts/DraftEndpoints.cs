using System.Security.Claims;
using Comity.Node.Api;
using Comity.Node.Features.Drafts.Contracts;
using Comity.Node.Identity;

namespace Comity.Node.Features.Drafts;

/// <summary><c>GET</c>, <c>PUT</c> and <c>DELETE /api/v1/drafts/{key}</c>, and <c>GET /api/v1/drafts</c>: the caller's own drafts only.</summary>
internal static class DraftEndpoints
{
    /// <summary>A body this large is refused before it is read: the draft's own limit plus room for JSON escapes.</summary>
    private const long MaxBody = (DraftLimits.Characters * 6L) + 65_536;

    public static void MapDrafts(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/drafts").WithTags("Drafts").RequireAuthorization(Policies.SignedIn);

        group.MapGet("/", async (string? prefix, ClaimsPrincipal user, IUserDrafts drafts, CancellationToken ct) =>
                Results.Ok(new DraftsResponse(await drafts.ListAsync(user, prefix, ct))))
            .WithName("ListDrafts")
            .WithSummary("Your drafts, latest first (names and pages, no content).")
            .Produces<DraftsResponse>();

        group.MapGet("/{key}", async (string key, ClaimsPrincipal user, IUserDrafts drafts, CancellationToken ct) =>
                (await drafts.GetAsync(user, key, ct)).ToHttp())
            .WithName("GetDraft")
            .WithSummary("One of your drafts with its fields.")
            .Produces<DraftDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{key}", async (string key, DraftInput? input, ClaimsPrincipal user, IUserDrafts drafts, CancellationToken ct) =>
                (await drafts.SaveAsync(user, key, input, ct)).ToHttp())
            .WithName("SaveDraft")
            .WithSummary("Saves one of your drafts, replacing what it held.")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBody))
            .Produces<DraftSummary>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        group.MapDelete("/{key}", async (string key, ClaimsPrincipal user, IUserDrafts drafts, CancellationToken ct) =>
                await drafts.DeleteAsync(user, key, ct) ? Results.NoContent() : Problems.NotFound(UserDrafts.NotFound, $"You have no draft '{key}'."))
            .WithName("DeleteDraft")
            .WithSummary("Discards one of your drafts.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
