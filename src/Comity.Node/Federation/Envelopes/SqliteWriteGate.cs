using Comity.Node.Storage;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Federation.Envelopes;

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

        await gate.WaitAsync(cancellationToken);
        return new Releaser(gate);
    }

    public void Dispose() => gate.Dispose();

    internal readonly struct Releaser(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
