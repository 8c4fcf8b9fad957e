namespace Comity.Node.Features.Requests.Alerts;

/// <summary><c>GET /api/v1/requests/alerts</c>.</summary>
internal static class ListRequestAlertsEndpoint
{
    public static void MapListRequestAlerts(this RouteGroupBuilder group) =>
        group.MapGet("/alerts", async (string? audience, int? limit, System.Security.Claims.ClaimsPrincipal user, ListRequestAlertsHandler handler, CancellationToken ct) =>
                Results.Ok(await handler.HandleAsync(audience, limit, ct, RequestRoles.KindsOf(user))))
            .WithName("ListRequestAlerts")
            .WithSummary("Reminders and escalations raised by the clocks worker, newest first.")
            .Produces<RequestAlertsResponse>()
            .RequireAuthorization(RequestRoles.Readers);
}
