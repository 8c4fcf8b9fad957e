using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Comity.Node.Storage;

/// <summary>
/// Sets SQLite's own busy handler on every connection the node opens. Without it, a writer that meets
/// another writer gets <c>SQLITE_BUSY</c> at once and Microsoft.Data.Sqlite sleeps a fixed 150 ms before
/// retrying; with it, SQLite waits in short steps (1, 2, 5, 10 … ms) for the lock and proceeds as soon as
/// it is free. Write transactions start with <c>BEGIN IMMEDIATE</c> (the driver's default), so they wait
/// for the lock up front instead of failing on upgrade. Durability is unchanged (<c>synchronous</c> stays FULL).
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    /// <summary>How long SQLite waits for the write lock before giving up with <c>SQLITE_BUSY</c>.</summary>
    public const int Milliseconds = 10_000;

    private const string Pragma = "PRAGMA busy_timeout=10000;";

    public static SqliteBusyTimeout Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }
}
