using Comity.Node.Kernel;
using Comity.Node.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comity.Node.Federation.Register;

/// <summary>On a State node: polls the Secretariat at start and then every <c>Comity:Federation:PollInterval</c>.</summary>
internal sealed partial class RegisterSyncWorker(
    RegisterSync sync,
    IOptions<NodeOptions> node,
    IOptions<FederationOptions> federation,
    TimeProvider time,
    ILogger<RegisterSyncWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (node.Value.Role != NodeRole.State)
        {
            return;
        }

        if (!sync.IsConfigured)
        {
            LogNotConfigured();
            return;
        }

        do
        {
            try
            {
                await sync.PollOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The worker outlives one failed poll (e.g. the database restarting); the next tick tries again.
                LogPollFailed(e);
            }
        }
        while (await WorkerTicks.NextAsync(federation.Value.PollInterval, time, stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Register: not configured. Set Comity:Federation:SecretariatUrl and Comity:Federation:SecretariatKey so that this node can verify the Register (see docs/operations/keys-and-register.md).")]
    private partial void LogNotConfigured();

    [LoggerMessage(Level = LogLevel.Error, Message = "Polling the Register failed")]
    private partial void LogPollFailed(Exception exception);
}

/// <summary>
/// On the Secretariat: publishes a new Register when half of the current one's validity has passed,
/// so that nodes always find one well before its <c>nextUpdate</c>, and when a stored change is still
/// marked for publication because publishing right after it failed.
/// </summary>
internal sealed partial class RegisterPublicationWorker(
    IServiceScopeFactory scopes,
    IOptions<NodeOptions> node,
    IOptions<FederationOptions> federation,
    TimeProvider time,
    ILogger<RegisterPublicationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (node.Value.Role != NodeRole.Secretariat)
        {
            return;
        }

        var check = TimeSpan.FromTicks(Math.Min(federation.Value.RegisterValidity.Ticks / 8, DueCheckInterval.Ticks));
        while (await WorkerTicks.NextAsync(check, time, stoppingToken))
        {
            try
            {
                await RepublishIfDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPublishFailed(e);
            }
        }
    }

    /// <summary>How often the worker looks for changes whose publication failed (<see cref="RegisterPublicationDue"/>), at most.</summary>
    public static readonly TimeSpan DueCheckInterval = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Publishes when there is no Register yet, when a stored change is still marked for publication, or
    /// when half of the latest one's validity has passed; returns the new serial or null.
    /// </summary>
    public async Task<long?> RepublishIfDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComityDbContext>();
        var latest = await CurrentRegister.LatestPublicationAsync(db, cancellationToken);
        if (latest is not null && time.GetUtcNow() < latest.IssuedAt + ((latest.NextUpdate - latest.IssuedAt) / 2)
            && !await db.Set<RegisterPublicationDue>().AnyAsync(cancellationToken))
        {
            return null;
        }

        return await scope.ServiceProvider.GetRequiredService<IRegisterPublisher>().PublishAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing the Register failed; the next check tries again")]
    private partial void LogPublishFailed(Exception exception);
}

/// <summary>On the Secretariat: publishes the first Register at first start (after the treaty seed and the keys).</summary>
internal sealed class RegisterPublicationSeeder(IOptions<NodeOptions> node, ComityDbContext db, IServiceProvider services) : IStartupSeeder
{
    /// <summary>After the areas have seeded what the first Register carries (the treaty registry's instruments).</summary>
    public int Order => 100;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (node.Value.Role == NodeRole.Secretariat && await CurrentRegister.LatestPublicationAsync(db, cancellationToken) is null)
        {
            await services.GetRequiredService<IRegisterPublisher>().PublishAsync(cancellationToken);
        }
    }
}
