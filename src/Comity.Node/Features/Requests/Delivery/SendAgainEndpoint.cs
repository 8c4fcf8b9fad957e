using System.Security.Claims;
using Comity.Node.Api;

namespace Comity.Node.Features.Requests.Delivery;

/// <summary><c>POST /api/v1/requests/{id}/send-again</c>.</summary>
internal static class SendAgainEndpoint
{
    public static void MapSendAgain(this RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/send-again", async (Guid id, ClaimsPrincipal user, SendAgainHandler handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, user, ct)).ToHttp())
            .WithName("SendRequestAgain")
            .WithSummary("Sends the request's events that the other node refused again, byte for byte, once the cause is fixed.")
            .Produces<SendAgainResponse>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(RequestRoles.Actors);
}
