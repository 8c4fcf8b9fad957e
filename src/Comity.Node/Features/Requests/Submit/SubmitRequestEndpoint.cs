using System.Security.Claims;
using Comity.Node.Features.Requests.Show;
using Comity.Node.Features.Requests.Validate;
using Comity.Node.Api;

namespace Comity.Node.Features.Requests.Submit;

/// <summary><c>POST /api/v1/requests</c>.</summary>
internal static class SubmitRequestEndpoint
{
    public static void MapSubmitRequest(this RouteGroupBuilder group) =>
        group.MapPost("/", async (RequestDraftInput? draft, ClaimsPrincipal user, SubmitRequestHandler handler, CancellationToken ct) =>
                (await handler.HandleAsync(draft, user, ct)).ToHttp(detail => Results.Created($"/api/v1/requests/{detail.Header.Id:D}", detail)))
            .WithName("SubmitRequest")
            .WithSummary("Submits a 24/7 request to the requested State's point of contact (201), or 422 listing every problem (nothing stored, nothing sent).")
            .Produces<RequestDetail>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireAuthorization(RequestRoles.Actors);
}
