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

        foreach (var seeder in scope.ServiceProvider.GetServices<IStartupSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready; {Count} migration(s) applied")]
    private partial void LogMigrated(int count);
}

/// <summary>Seeds data at start-up, after migrations. Must be idempotent.</summary>
public interface IStartupSeeder
{
    /// <summary>Seeders run by ascending order, then in registration order. The areas' data seed at 0 (the default); what is built from them, such as the first Register, later.</summary>
    int Order => 0;

    Task SeedAsync(CancellationToken cancellationToken);
}
