namespace Comity.Node.Features.Requests.Validate;

/// <summary><c>POST /api/v1/requests/validate</c>: a draft checked by <see cref="RequestDraftChecker"/>, nothing stored or sent.</summary>
internal static class ValidateRequestEndpoint
{
    public static void MapValidateRequest(this RouteGroupBuilder group) =>
        group.MapPost("/validate", async (RequestDraftInput? draft, System.Security.Claims.ClaimsPrincipal user, RequestDraftChecker checker, CancellationToken ct) =>
                RequestRoles.OtherChannel(user, draft?.Kind) is { } refused
                    ? Comity.Node.Api.Problems.From(refused)
                    : Results.Ok((await checker.CheckAsync(draft, ct)).Result))
            .WithName("ValidateRequest")
            .WithSummary("Checks a draft (every problem with its field, code and article; warnings; where it would go) without storing or sending anything.")
            .Produces<RequestValidationResult>()
            .RequireAuthorization(RequestRoles.Actors);
}
