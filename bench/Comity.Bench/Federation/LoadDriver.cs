using System.Diagnostics;

namespace Comity.Bench.Federation;

/// <summary>Throughput and latency of one closed-loop phase.</summary>
public sealed record LoadResult(int Concurrency, int Count, TimeSpan Elapsed, double[] LatenciesMs, int Failures, string? FirstFailure)
{
    public double PerSecond => Count / Elapsed.TotalSeconds;

    /// <summary>Several chunks of one phase as one result: counts, times and latencies added up.</summary>
    public static LoadResult Combine(IReadOnlyList<LoadResult> chunks) => new(
        chunks[0].Concurrency,
        chunks.Sum(c => c.Count),
        TimeSpan.FromTicks(chunks.Sum(c => c.Elapsed.Ticks)),
        [.. chunks.SelectMany(c => c.LatenciesMs)],
        chunks.Sum(c => c.Failures),
        chunks.Select(c => c.FirstFailure).FirstOrDefault(f => f is not null));

    public double P50 => Percentile(0.50);

    public double P99 => Percentile(0.99);

    public double Mean => LatenciesMs.Length == 0 ? double.NaN : LatenciesMs.Average();

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        var sorted = LatenciesMs.Order().ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}

/// <summary>
/// A closed loop: <c>concurrency</c> workers, each sending one operation and waiting for its answer before
/// the next, until <c>count</c> operations are done. So "in flight" is exactly the concurrency.
/// </summary>
public static class LoadDriver
{
    /// <param name="operation">One operation; returns null on success or a failure description.</param>
    public static async Task<LoadResult> RunAsync(int concurrency, int count, Func<int, CancellationToken, Task<string?>> operation, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var latencies = new double[count];
        var next = -1;
        var failures = 0;
        string? firstFailure = null;
        var done = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                var failure = await operation(index, cancellationToken);
                latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (failure is not null)
                {
                    Interlocked.Increment(ref failures);
                    Interlocked.CompareExchange(ref firstFailure, failure, null);
                }

                progress?.Report(Interlocked.Increment(ref done));
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers);
        return new LoadResult(concurrency, count, clock.Elapsed, latencies, failures, firstFailure);
    }
}
