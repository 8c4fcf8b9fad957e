using Comity.Node.Api;
using Comity.Node.Kernel;
using Comity.Node.Federation.Transparency;
using Comity.Node.Identity;
using Comity.Node.Ui.Shell;

namespace Comity.Node.Features.Transparency;

/// <summary>The transparency log for node administrators and auditors: the events behind the hashes (<c>/api/v1/log</c>).</summary>
internal static class LogEndpoints
{
    /// <summary>For node administrators and auditors: the events behind the hashes.</summary>
    public static IServiceCollection AddTransparencyFeature(this IServiceCollection services)
    {
        services.AddScoped<LogQueries>();
        services.AddNavigationLink(new NavigationLink("/federation/log", typeof(TransparencyText), "NavLog", 50) { Policy = Policies.Operations });
        return services;
    }

    public static void MapLog(this RouteGroupBuilder api)
    {
        var log = api.MapGroup("/log").WithTags("Transparency log").RequireAuthorization(Policies.Operations);

        api.MapGet("/log", async (LogQueries queries, CancellationToken cancellationToken) => Results.Ok(await queries.SummaryAsync(cancellationToken)))
            .WithTags("Transparency log")
            .RequireAuthorization(Policies.Operations)
            .WithName("GetLogSummary")
            .WithSummary("The log's origin, size, latest checkpoint with cosignatures, who cosigned it and when, the peer witnesses' state, split-view alerts, and the keys that verify it all (this node's signing keys; the witnesses' keys from the Register this node holds).")
            .Produces<LogSummaryResponse>();

        log.MapGet("/entries", async (string? from, string? count, LogQueries queries, CancellationToken cancellationToken) =>
        {
            var errors = new List<ProblemError>();
            var start = from is null ? 0 : LogParameters.Number("from", from, 0, long.MaxValue - LogQueries.MaxEntries, errors);
            var take = count is null ? 100 : LogParameters.Number("count", count, 1, LogQueries.MaxEntries, errors);
            return errors.Count > 0
                ? Problems.Validation(errors)
                : Results.Ok(await queries.EntriesAsync(start!.Value, (int)take!.Value, cancellationToken));
        })
        .WithName("GetLogEntries")
        .WithSummary("Log entries from leaf `from` (default 0), at most `count` (1–1000, default 100): each leaf's index, hash, canonical leaf data (base64) and the event it records.")
        .Produces<LogEntriesResponse>()
        .ProducesProblem(StatusCodes.Status400BadRequest);

        log.MapGet("/checkpoints", async (string? limit, LogQueries queries, CancellationToken cancellationToken) =>
        {
            var errors = new List<ProblemError>();
            var take = limit is null ? 100 : LogParameters.Number("limit", limit, 1, LogQueries.MaxCheckpoints, errors);
            return errors.Count > 0
                ? Problems.Validation(errors)
                : Results.Ok(await queries.CheckpointsAsync((int)take!.Value, cancellationToken));
        })
        .WithName("GetLogCheckpoints")
        .WithSummary("The checkpoints this node signed, newest first, at most `limit` (1–10000, default 100), each note exactly as signed.")
        .Produces<IReadOnlyList<LogCheckpointResponse>>()
        .ProducesProblem(StatusCodes.Status400BadRequest);
    }
}
