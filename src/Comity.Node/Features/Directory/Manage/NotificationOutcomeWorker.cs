using Comity.Node.Kernel;
using Microsoft.Extensions.Options;

namespace Comity.Node.Features.Directory.Manage;

/// <summary>
/// On a State node: while its last directory notification is pending at the Secretariat, asks for the
/// review outcome every <see cref="DirectoryOptions.NotificationPollInterval"/> and records it, so the
/// node administrator sees "approved" or "rejected: reason" without pressing refresh.
/// </summary>
internal sealed partial class NotificationOutcomeWorker(
    IServiceScopeFactory scopes,
    IOptions<NodeOptions> node,
    IOptions<DirectoryOptions> options,
    TimeProvider time,
    ILogger<NotificationOutcomeWorker> logger) : BackgroundService
{
    /// <summary>One round: the outcome recorded, or null when nothing was pending or the Secretariat could not answer.</summary>
    public async Task<string?> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (node.Value.Role != NodeRole.State || options.Value.SecretariatUrl is null)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<SubmitDirectoryHandler>();
        if (!await handler.HasPendingSubmissionAsync(cancellationToken))
        {
            return null;
        }

        var outcome = await handler.RefreshAsync(cancellationToken);
        if (outcome.Error is { } error)
        {
            LogRefreshFailed(error.Code, error.Detail);
            return null;
        }

        var submission = outcome.Value;

        if (submission.Status != "pending")
        {
            LogReviewed(submission.Id, submission.Status, submission.Reason ?? "");
        }

        return submission.Status;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (node.Value.Role != NodeRole.State || options.Value.SecretariatUrl is null)
        {
            return;
        }

        while (await WorkerTicks.NextAsync(options.Value.NotificationPollInterval, time, stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The worker outlives one failed round (e.g. the database restarting); the next tick tries again.
                LogRoundFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Directory notification {Id} was {Status} by the Secretariat {Reason}")]
    private partial void LogReviewed(Guid id, string status, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Directory notification outcome: the Secretariat did not answer ({Code}): {Detail}")]
    private partial void LogRefreshFailed(string code, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Directory notification outcome: the round failed")]
    private partial void LogRoundFailed(Exception exception);
}
