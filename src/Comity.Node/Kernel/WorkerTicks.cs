namespace Comity.Node.Kernel;

/// <summary>
/// The wait between two runs of a background worker, on the injected clock. A one-shot delay rather than a
/// <see cref="PeriodicTimer"/>: when the clock jumps (a test advancing a fake clock by a year, a host
/// resuming from suspension) the worker runs once, instead of the timer replaying every period it missed.
/// </summary>
internal static class WorkerTicks
{
    /// <summary>Waits <paramref name="interval"/>; true when the next run is due (throws when stopping, as <see cref="PeriodicTimer"/> does).</summary>
    public static async Task<bool> NextAsync(TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        await Task.Delay(interval, time, cancellationToken);
        return true;
    }
}
