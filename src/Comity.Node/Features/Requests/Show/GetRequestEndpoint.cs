using Comity.Node.Api;

namespace Comity.Node.Features.Requests.Show;

/// <summary><c>GET /api/v1/requests/{id}</c>.</summary>
internal static class GetRequestEndpoint
{
    public static void MapGetRequest(this RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async (Guid id, System.Security.Claims.ClaimsPrincipal user, GetRequestHandler handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct, user)).ToHttp())
            .WithName("GetRequest")
            .WithSummary("One request: header, texts, contents, conditions, clocks, the signed history (each event with its verified signature), alerts and the actions open to this node.")
            .Produces<RequestDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(RequestRoles.Readers);
}
