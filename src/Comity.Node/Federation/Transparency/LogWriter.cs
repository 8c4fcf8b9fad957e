using System.Data;
using System.Text;
using Comity.Domain.Transparency;
using Comity.Node.Federation.Keys;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Comity.Protocol.Transparency;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace Comity.Node.Federation.Transparency;

/// <summary>What one run of the log writer did.</summary>
/// <param name="Appended">Leaves appended.</param>
/// <param name="Size">The log's size afterwards.</param>
/// <param name="Checkpoint">The checkpoint signed in this run, if one was.</param>
public sealed record LogRun(int Appended, long Size, LogCheckpoint? Checkpoint);

/// <summary>
/// The single writer of the log: appends recorded events as leaves (sequencing) and signs checkpoints.
/// Each batch is one database transaction that reads the size, appends leaves at the next dense
/// indexes, stores the interior nodes they complete and marks the events sequenced: a crash at any
/// point leaves either the whole batch or none of it. Leaf indexes are a primary key and each event
/// can have one leaf (unique), so even two writers racing on one database cannot duplicate or skip
/// an index: the loser's transaction fails and it tries again on its next run.
/// </summary>
internal sealed partial class LogWriter(
    IServiceScopeFactory scopes,
    IOptions<LogOptions> options,
    IOptions<NodeOptions> node,
    StoredCheckpointSource checkpoints,
    SqliteWriteGate writeGate,
    TimeProvider time,
    ILogger<LogWriter> logger) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public void Dispose() => gate.Dispose();

    /// <summary>Appends every recorded event not yet in the log, then signs a checkpoint if the log grew or the latest is older than the checkpoint interval.</summary>
    public async Task<LogRun> RunOnceAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var appended = 0;
            while (true)
            {
                var batch = await AppendBatchAsync(cancellationToken);
                appended += batch;
                if (batch < options.Value.BatchSize)
                {
                    break;
                }
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ComityDbContext>();
            var size = await StoredMerkleTree.SizeAsync(db, cancellationToken);
            var checkpoint = await CheckpointIfDueAsync(scope.ServiceProvider, db, size, cancellationToken);
            return new LogRun(appended, size, checkpoint);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<int> AppendBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComityDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();

        // Behind the node's SQLite writer, one batch at a time: envelope writes queue for a batch's
        // duration and go on the moment it commits, instead of polling SQLite's busy handler.
        using var writing = await writeGate.EnterAsync(db, cancellationToken);
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            var events = await db.AuditEvents()
                .Where(e => e.LeafIndex == null)
                .OrderBy(e => e.RecordedAt).ThenBy(e => e.Id)
                .Take(options.Value.BatchSize)
                .ToListAsync(cancellationToken);
            if (events.Count == 0)
            {
                return 0;
            }

            var size = await StoredMerkleTree.SizeAsync(db, cancellationToken);
            var known = await StoredMerkleTree.LoadAsync(db, StoredMerkleTree.Frontier(size), cancellationToken);
            var now = time.GetUtcNow();
            foreach (var e in events)
            {
                var index = size++;
                var hash = AuditLeaf.Hash(e);
                e.LeafIndex = index;
                db.LogLeaves().Add(new LogLeaf { Index = index, LeafHash = hash, EventId = e.Id, SequencedAt = now });
                known[(0, index)] = hash;

                // The interior nodes this leaf completes: one per trailing 1 bit of its index (as MerkleTree.AppendLeafHash).
                var position = index;
                for (var level = 0; (position & 1) == 1; level++)
                {
                    hash = MerkleHash.Node(known[(level, position - 1)], hash);
                    position >>= 1;
                    known[(level + 1, position)] = hash;
                    db.LogNodes().Add(new LogNode { Level = level + 1, Index = position, Hash = hash });
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogAppended(events.Count, size);
            return events.Count;
        });
    }

    private async Task<LogCheckpoint?> CheckpointIfDueAsync(IServiceProvider services, ComityDbContext db, long size, CancellationToken cancellationToken)
    {
        var latest = await LatestCheckpointAsync(db, cancellationToken);
        var now = time.GetUtcNow();
        if (latest is not null && latest.TreeSize == size && now - latest.CreatedAt < options.Value.CheckpointInterval)
        {
            return null;
        }

        var origin = LogNames.Origin(LogNames.OwnState(node));
        var root = await StoredMerkleTree.RootAsync(db, size, cancellationToken);
        var body = new Checkpoint(origin, size, root).ToBody();
        var signature = await services.GetRequiredService<INodeKeys>().SignAsync(Encoding.UTF8.GetBytes(body), cancellationToken);
        var publicKey = PublicKey.Import(SignatureAlgorithm.Ed25519, signature.PublicKey, KeyBlobFormat.RawPublicKey);
        var note = body + "\n" + SignedNote.FormatSignatureLine(origin, SignedNote.KeyHash(origin, SignedNote.Ed25519Algorithm, publicKey), signature.Signature);
        var checkpoint = new LogCheckpoint
        {
            Id = services.GetRequiredService<IIdGenerator>().NewId(),
            TreeSize = size,
            RootHash = root,
            Note = note,
            Kid = signature.Kid,
            CreatedAt = now,
        };
        db.LogCheckpoints().Add(checkpoint);
        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        checkpoints.Invalidate();
        LogCheckpointSigned(size);
        return checkpoint;
    }

    /// <summary>The checkpoint of the largest tree, the last signed among equals (a log never shrinks; ids made in the same millisecond do not sort by time).</summary>
    public static async Task<LogCheckpoint?> LatestCheckpointAsync(ComityDbContext db, CancellationToken cancellationToken) =>
        await db.LogCheckpoints().AsNoTracking().OrderByDescending(c => c.TreeSize).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Transparency log: appended {Count} leaves, size {Size}")]
    private partial void LogAppended(int count, long size);

    [LoggerMessage(Level = LogLevel.Information, Message = "Transparency log: signed checkpoint of size {Size}")]
    private partial void LogCheckpointSigned(long size);
}

/// <summary>Runs the log writer every <c>Comity:Transparency:SequenceInterval</c> (on the injected clock).</summary>
internal sealed partial class LogWriterWorker(
    LogWriter writer,
    IOptions<LogOptions> options,
    TimeProvider time,
    ILogger<LogWriterWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        do
        {
            try
            {
                await writer.RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again: nothing of a failed batch was committed.
                LogRunFailed(e);
            }
        }
        while (await WorkerTicks.NextAsync(options.Value.SequenceInterval, time, stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Transparency log: appending or checkpointing failed; the next run tries again")]
    private partial void LogRunFailed(Exception exception);
}

/// <summary>
/// The latest checkpoint note with the cosignatures collected for its tree, for receipts and the API.
/// Every receipt carries it, so it is kept in memory: this process's log writer and witness client
/// invalidate it when they store a checkpoint or a cosignature, and it is read again at least every
/// <see cref="MaxAge"/> (a checkpoint signed by another process on the same database).
/// </summary>
internal sealed class StoredCheckpointSource(IServiceScopeFactory scopes, TimeProvider time) : ICheckpointSource
{
    /// <summary>How long a note read from the database is served without reading it again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private long generation;
    private volatile CachedNote? cached;

    public async Task<string?> LatestAsync(CancellationToken cancellationToken)
    {
        var current = Interlocked.Read(ref generation);
        if (cached is { } known && known.Generation == current && time.GetElapsedTime(known.ReadAt) < MaxAge)
        {
            return known.Note;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComityDbContext>();
        var readAt = time.GetTimestamp();
        var latest = await LogWriter.LatestCheckpointAsync(db, cancellationToken);
        var note = latest is null ? null : await WithCosignaturesAsync(db, latest, cancellationToken);

        // Stored with the generation seen before reading: an invalidation during the read makes the next call read again.
        cached = new CachedNote(note, current, readAt);
        return note;
    }

    /// <summary>A checkpoint or cosignature was stored: the next call reads the database.</summary>
    public void Invalidate() => Interlocked.Increment(ref generation);

    private sealed record CachedNote(string? Note, long Generation, long ReadAt);

    /// <summary>The note followed by the latest cosignature of each witness on the same tree (same size and root: the same body).</summary>
    public static async Task<string> WithCosignaturesAsync(ComityDbContext db, LogCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var lines = (await CosignaturesAsync(db, checkpoint, cancellationToken)).Select(c => c.Line);
        return checkpoint.Note + string.Concat(lines);
    }

    public static async Task<IReadOnlyList<LogCosignature>> CosignaturesAsync(ComityDbContext db, LogCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var size = checkpoint.TreeSize;
        var all = await db.LogCosignatures().AsNoTracking().Where(c => c.TreeSize == size).ToListAsync(cancellationToken);
        return [.. all.Where(c => c.RootHash.AsSpan().SequenceEqual(checkpoint.RootHash)).OrderBy(c => c.Witness, StringComparer.Ordinal)];
    }
}
