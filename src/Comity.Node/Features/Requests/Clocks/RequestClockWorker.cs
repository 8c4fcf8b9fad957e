using Comity.Node.Kernel;
using Microsoft.Extensions.Options;

namespace Comity.Node.Features.Requests.Clocks;

/// <summary>Runs <see cref="RequestClockSweep"/> every <see cref="RequestOptions.ClockSweepInterval"/>.</summary>
internal sealed partial class RequestClockWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<RequestOptions> options, ILogger<RequestClockWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ClockWorkerEnabled)
        {
            return;
        }

        try
        {
            while (await WorkerTicks.NextAsync(options.Value.ClockSweepInterval, time, stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var raised = await scope.ServiceProvider.GetRequiredService<RequestClockSweep>().SweepAsync(stoppingToken);
                    if (raised.Count > 0)
                    {
                        LogRaised(raised.Count);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Raised {Count} request reminders or escalations")]
    private partial void LogRaised(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The request clocks sweep failed; it runs again at the next tick")]
    private partial void LogFailed(Exception exception);
}
