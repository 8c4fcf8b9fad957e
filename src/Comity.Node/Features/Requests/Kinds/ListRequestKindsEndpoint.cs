using Comity.Node.Identity;

namespace Comity.Node.Features.Requests.Kinds;

/// <summary><c>GET /api/v1/requests/kinds</c>: open to every signed-in user (it holds no case content).</summary>
internal static class ListRequestKindsEndpoint
{
    public static void MapListRequestKinds(this RouteGroupBuilder group) =>
        group.MapGet("/kinds", (ListRequestKindsHandler handler, CancellationToken ct) => handler.HandleAsync(ct))
            .WithName("ListRequestKinds")
            .WithSummary("The 24/7 request kinds: required contents with their articles, refusal grounds, clocks and workflows; the legal bases and condition values.")
            .RequireAuthorization(Policies.SignedIn);
}
