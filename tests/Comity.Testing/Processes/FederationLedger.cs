using Comity.Node.Features.Federation.Ping;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Comity.Testing.Processes;

/// <summary>One envelope in the sender's outbox, as its database holds it.</summary>
public sealed record SentEnvelope(Guid Id, string Peer, string Conversation, long Seq, string Status, byte[] Bytes, string? Receipt, bool ReceiptVerified);

/// <summary>One application of a ping on the receiver (a row per apply: a double apply shows twice).</summary>
public sealed record AppliedPing(Guid Id, Guid EnvelopeId, string From, string Conversation, long Seq, string? Message, DateTimeOffset AppliedAt);

/// <summary>
/// Reads what a node's database holds, through the node's own EF model (so the harness follows the
/// schema wherever the migrations take it), read-only, while the node runs: the ground truth of a fault
/// run. The API lists at most 1,000 rows per call and has no cursor, so counting thousands of
/// envelopes goes to the database.
/// </summary>
public static class FederationLedger
{
    /// <summary>Every envelope in the outbox of the node whose data folder is <paramref name="dataFolder"/>.</summary>
    public static async Task<IReadOnlyList<SentEnvelope>> OutboxAsync(string dataFolder, CancellationToken cancellationToken)
    {
        await using var db = Open(dataFolder);
        var rows = await db.Set<OutboxEnvelope>().AsNoTracking()
            .Select(o => new { o.Id, o.Peer, o.Conversation, o.Seq, o.Status, o.Bytes, o.Receipt, o.ReceiptVerified })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(o => new SentEnvelope(o.Id, o.Peer, o.Conversation, o.Seq, o.Status.ToString().ToLowerInvariant(), o.Bytes, o.Receipt, o.ReceiptVerified))];
    }

    /// <summary>Every ping application recorded by the node whose data folder is <paramref name="dataFolder"/>.</summary>
    public static async Task<IReadOnlyList<AppliedPing>> AppliedPingsAsync(string dataFolder, CancellationToken cancellationToken)
    {
        await using var db = Open(dataFolder);
        return await db.Set<ReceivedPing>().AsNoTracking()
            .Select(p => new AppliedPing(p.Id, p.EnvelopeId, p.From, p.Conversation, p.Seq, p.Message, p.AppliedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>How many received envelopes still wait for a predecessor on the node.</summary>
    public static async Task<int> InboxWaitingAsync(string dataFolder, CancellationToken cancellationToken)
    {
        await using var db = Open(dataFolder);
        return await db.Set<InboxEnvelope>().CountAsync(i => i.Status == InboxStatus.Waiting, cancellationToken);
    }

    /// <summary>The pragma values of the node's SQLite database that decide durability (journal mode, synchronous).</summary>
    public static async Task<(string JournalMode, string Synchronous)> DurabilityAsync(string dataFolder, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(ConnectionString(dataFolder));
        await connection.OpenAsync(cancellationToken);
        return (await PragmaAsync(connection, "journal_mode", cancellationToken), await PragmaAsync(connection, "synchronous", cancellationToken));
    }

    private static async Task<string> PragmaAsync(SqliteConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + name + ";";
        var value = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) ?? "";

        // PRAGMA synchronous answers a number: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA.
        return name == "synchronous" ? value switch { "0" => "OFF", "1" => "NORMAL", "2" => "FULL", "3" => "EXTRA", _ => value } : value;
    }

    private static string ConnectionString(string dataFolder) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(Path.GetFullPath(dataFolder), "comity.db"),
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = false,
    }.ToString();

    private static ComityDbContext Open(string dataFolder)
    {
        var options = new DbContextOptionsBuilder<ComityDbContext>();
        StorageRegistration.Configure(options, DatabaseProvider.Sqlite, ConnectionString(dataFolder));
        return new ComityDbContext(options.Options);
    }
}
