using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Comity.Node.Federation.Envelopes;

/// <summary>
/// In-process signals between the outbox, the delivery worker and callers waiting for a receipt: newly
/// committed envelopes go straight to the worker, a sweep can be requested, and a caller can await the
/// moment an envelope is delivered or refused. Nothing here is durable; the outbox rows are.
/// </summary>
internal sealed class DeliverySignals : IDisposable
{
    private readonly Channel<DeliveryItem> ready = Channel.CreateUnbounded<DeliveryItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim sweep = new(0, 1);
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<OutboxEnvelope>> waiters = new();

    public ChannelReader<DeliveryItem> ReadyEnvelopes => ready.Reader;

    /// <summary>An envelope is committed to the outbox: deliver it now.</summary>
    public void Ready(DeliveryItem item) => ready.Writer.TryWrite(item);

    /// <summary>Asks the worker to look at the outbox now instead of at its next tick.</summary>
    public void WakeSweep()
    {
        try
        {
            if (sweep.CurrentCount == 0)
            {
                sweep.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    /// <summary>Waits for a sweep request or <paramref name="interval"/> of the node's clock, whichever comes first.</summary>
    public async Task WaitForSweepAsync(TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var woken = sweep.WaitAsync(linked.Token);
        var tick = Task.Delay(interval, time, linked.Token);
        await Task.WhenAny(woken, tick);
        await linked.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Starts waiting for <paramref name="id"/> to be delivered or refused (the row as saved then); register before saving the envelope.</summary>
    public Task<OutboxEnvelope> WhenSettled(Guid id) =>
        waiters.GetOrAdd(id, static _ => new TaskCompletionSource<OutboxEnvelope>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Stops waiting for <paramref name="id"/> (the caller gave up).</summary>
    public void Forget(Guid id) => waiters.TryRemove(id, out _);

    public void Dispose() => sweep.Dispose();

    /// <summary>The envelope is delivered or refused, and that is saved (<paramref name="row"/> as saved; no longer tracked).</summary>
    public void Settled(OutboxEnvelope row)
    {
        if (waiters.TryRemove(row.Id, out var waiter))
        {
            waiter.TrySetResult(row);
        }
    }
}
