using Comity.Node.Api;

namespace Comity.Node.Features.Requests.List;

/// <summary><c>GET /api/v1/requests</c>.</summary>
internal static class ListRequestsEndpoint
{
    public static void MapListRequests(this RouteGroupBuilder group) =>
        group.MapGet("/", async (string? box, string? state, string? kind, bool? open, int? limit, System.Security.Claims.ClaimsPrincipal user, ListRequestsHandler handler, CancellationToken ct) =>
                (await handler.HandleAsync(new RequestListFilter(box, state, kind, open, limit, RequestRoles.KindsOf(user)), ct)).ToHttp())
            .WithName("ListRequests")
            .WithSummary("Incoming and/or outgoing requests, most urgent first.")
            .Produces<RequestListResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization(RequestRoles.Readers);
}
