using System.Text.Json;
using Comity.Node.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Comity.Node.Features.Requests.List;

/// <summary>
/// <c>GET /requests/live</c>: Server-Sent Events for the duty officer's pages. Each committed change on
/// <see cref="RequestChangeFeed"/> becomes one <c>changed</c> event; requests.js then re-reads the page's
/// lists. The event carries ids and states only, never case content, and only of the requests the viewer may
/// read (need-to-know by channel, <see cref="RequestRoles.ChannelsOf"/>): the page is re-read with the viewer's own rights.
/// </summary>
internal static class RequestLiveEndpoint
{
    public const string Path = "/requests/live";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void MapRequestLive(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, StreamAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor, Roles.Auditor))
            .ExcludeFromDescription();

    private static async Task StreamAsync(HttpContext context, [FromServices] RequestChangeFeed feed, [FromServices] IHostApplicationLifetime lifetime)
    {
        // A long-lived response must not hold up the node's shutdown.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache, no-store";
        context.Response.Headers["X-Accel-Buffering"] = "no";

        // Subscribe before saying hello, so that nothing committed after "connected" is missed.
        await using var changes = feed.SubscribeAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var next = changes.MoveNextAsync();
        try
        {
            await context.Response.WriteAsync("retry: 3000\n: connected\n\n", stop.Token);
            await context.Response.Body.FlushAsync(stop.Token);
            var visible = RequestRoles.KindsOf(context.User).ToHashSet(StringComparer.Ordinal);
            while (await next)
            {
                var c = changes.Current;
                if (!visible.Contains(c.Kind))
                {
                    next = changes.MoveNextAsync();
                    continue;
                }

                var data = JsonSerializer.Serialize(new { c.RequestId, c.What, c.Box, c.State, c.At }, Json);
                await context.Response.WriteAsync("event: changed\ndata: " + data + "\n\n", stop.Token);
                await context.Response.Body.FlushAsync(stop.Token);
                next = changes.MoveNextAsync();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The viewer left or the node is stopping: the stream simply ends.
        }
    }
}
