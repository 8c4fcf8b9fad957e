using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Storage;

/// <summary>
/// Applies pending migrations and runs the start-up seeders before the node accepts requests
/// (a hosted service's StartAsync completes before the server starts listening).
/// </summary>
internal sealed partial class DatabaseMigrator(
    IServiceProvider services,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComityDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers and the single writer work side by side.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
        LogMigrated(pending.Count);

        foreach (var seeder in scope.ServiceProvider.GetServices<IStartupSeeder>())
        {
            await seeder.SeedAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready; {Count} migration(s) applied")]
    private partial void LogMigrated(int count);
}

/// <summary>Seeds data at start-up, after migrations. Runs in registration order; must be idempotent.</summary>
public interface IStartupSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}
