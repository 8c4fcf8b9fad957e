using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Storage;

/// <summary>
/// On SQLite, one envelope write transaction at a time in this process. SQLite has a single writer; when
/// writers collide, the driver sleeps and retries, which at 64 deliveries in flight costs far more than
/// queueing here. On PostgreSQL this is a no-op: its row locks and the inbox's concurrency checks suffice.
/// (A provider test outside storage registration, on purpose: it is a throughput measure, not behaviour.)
/// </summary>
internal sealed class SqliteWriteGate : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<Releaser> EnterAsync(ComityDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return default;
        }

        return await EnterAsync(cancellationToken);
    }

    /// <summary>Enters the gate whatever the provider (the caller already knows it writes to SQLite).</summary>
    public async Task<Releaser> EnterAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        return new Releaser(gate);
    }

    public void Dispose() => gate.Dispose();

    internal readonly struct Releaser(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}

/// <summary>What a batch writer decided for one item: its result, or the exception its submitter gets.</summary>
internal readonly record struct GroupCommitOutcome<TResult>(TResult? Result, Exception? Error)
{
    public static GroupCommitOutcome<TResult> Success(TResult result) => new(result, null);

    public static GroupCommitOutcome<TResult> Failure(Exception error) => new(default, error);
}

/// <summary>
/// Group commit behind the SQLite writer (leader/follower): every submitter queues its item and waits for
/// the write gate; whoever holds the gate writes everything queued so far (its own item among them, up to
/// <see cref="MaxBatch"/>) in one transaction, so one fsync covers the lot. A submitter whose item a
/// previous holder already wrote just passes the gate. At one item in flight a batch is that one item: no
/// extra thread hop, no waiting for company. The batch writer decides each item's outcome on its own (an
/// item that fails is rolled back to its savepoint; the others are kept) and returns the outcomes once the
/// transaction is committed; only then does any submitter see its result, so nobody is told "stored" for a
/// transaction that did not commit. On PostgreSQL each submitter writes its own item at once (the server
/// flushes concurrent commits together by itself).
/// </summary>
internal sealed class GroupCommit<TItem, TResult>(SqliteWriteGate gate, Func<IReadOnlyList<TItem>, Task<IReadOnlyList<GroupCommitOutcome<TResult>>>> writeBatch)
{
    /// <summary>At most this many items per transaction.</summary>
    public const int MaxBatch = 128;

    private readonly ConcurrentQueue<Entry> queue = new();

    /// <summary>Writes <paramref name="item"/>, with others if <paramref name="sqlite"/>. A batch, once started, is not cancelled.</summary>
    public async Task<TResult> SubmitAsync(TItem item, bool sqlite, CancellationToken cancellationToken)
    {
        var entry = new Entry(item);
        if (!sqlite)
        {
            await WriteAsync([entry]);
            return await entry.Outcome.Task;
        }

        queue.Enqueue(entry);
        using (await gate.EnterAsync(CancellationToken.None))
        {
            if (!entry.Outcome.Task.IsCompleted)
            {
                var batch = new List<Entry>();
                while (batch.Count < MaxBatch && queue.TryDequeue(out var next))
                {
                    batch.Add(next);
                }

                await WriteAsync(batch);
            }
        }

        // Items beyond MaxBatch stay queued; their submitters are still waiting for the gate and write them.
        return await entry.Outcome.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteAsync(List<Entry> batch)
    {
        IReadOnlyList<GroupCommitOutcome<TResult>> outcomes;
        try
        {
            outcomes = await writeBatch([.. batch.Select(e => e.Item)]);
        }
        catch (Exception e)
        {
            // The transaction as a whole failed (the commit, or the writer itself): nothing of the batch is stored.
            foreach (var entry in batch)
            {
                entry.Outcome.TrySetException(e);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            var outcome = i < outcomes.Count ? outcomes[i] : GroupCommitOutcome<TResult>.Failure(new InvalidOperationException("The batch writer returned no outcome for an item."));
            if (outcome.Error is { } error)
            {
                batch[i].Outcome.TrySetException(error);
            }
            else
            {
                batch[i].Outcome.TrySetResult(outcome.Result!);
            }
        }
    }

    private sealed class Entry(TItem item)
    {
        public TItem Item { get; } = item;

        public TaskCompletionSource<TResult> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
