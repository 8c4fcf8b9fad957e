using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Comity.Node.Storage;

/// <summary>
/// Work that may run only once a context's current transaction has committed (waking the delivery worker for
/// envelopes saved inside it, for instance). Whoever opened the transaction need not know: the interceptor,
/// registered on every context, runs the actions after any commit of that context and drops them on rollback.
/// Actions must be cheap and must not throw (they signal; they do not do the work): they run on the committing
/// thread, after the data are stored.
/// </summary>
internal sealed class AfterCommit : DbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, List<Action>> Pending = new();

    public static AfterCommit Instance { get; } = new();

    /// <summary>
    /// Runs <paramref name="action"/> when <paramref name="db"/>'s current transaction commits; at once if there is
    /// none. An equal action (same method, same target) already waiting for that commit is not added twice.
    /// </summary>
    public static void Run(DbContext db, Action action)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(action);
        if (db.Database.CurrentTransaction is null)
        {
            action();
            return;
        }

        // The same action (same method on the same target) registered again in one transaction runs once:
        // every save of a batch asks to wake the worker, one wake is enough.
        var actions = Pending.GetOrCreateValue(db);
        lock (actions)
        {
            if (!actions.Contains(action))
            {
                actions.Add(action);
            }
        }
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Drain(eventData.Context, run: true);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Drain(eventData.Context, run: true);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Drain(eventData.Context, run: false);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Drain(eventData.Context, run: false);
        return Task.CompletedTask;
    }

    private static void Drain(DbContext? context, bool run)
    {
        if (context is null || !Pending.TryGetValue(context, out var actions))
        {
            return;
        }

        Action[] due;
        lock (actions)
        {
            due = [.. actions];
            actions.Clear();
        }

        if (!run)
        {
            return;
        }

        foreach (var action in due)
        {
            action();
        }
    }
}
