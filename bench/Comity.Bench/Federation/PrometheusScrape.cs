using System.Globalization;
using Comity.Testing.Processes;

namespace Comity.Bench.Federation;

/// <summary>
/// The sums and counts of a node's request-duration histograms from its <c>/metrics</c> (Prometheus text),
/// so that two scrapes around a phase give the mean time a node spent on one kind of request.
/// </summary>
public sealed class PrometheusScrape
{
    private readonly Dictionary<string, double> values;

    private PrometheusScrape(Dictionary<string, double> values) => this.values = values;

    public static async Task<PrometheusScrape> TakeAsync(NodeApi api, CancellationToken cancellationToken)
    {
        var answer = await api.GetAsync("metrics", cancellationToken);
        if (!answer.IsSuccess)
        {
            throw new InvalidOperationException("GET /metrics failed: " + answer);
        }

        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in answer.Body.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            if (space > 0 && double.TryParse(line.AsSpan(space + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                values[line[..space]] = value;
            }
        }

        return new PrometheusScrape(values);
    }

    /// <summary>Sum and count, over every series of <paramref name="histogram"/> whose labels contain all of <paramref name="labels"/>.</summary>
    public (double Sum, double Count) Histogram(string histogram, params string[] labels)
    {
        double sum = 0, count = 0;
        foreach (var (key, value) in values)
        {
            if (!labels.All(l => key.Contains(l, StringComparison.Ordinal)))
            {
                continue;
            }

            if (key.StartsWith(histogram + "_sum", StringComparison.Ordinal))
            {
                sum += value;
            }
            else if (key.StartsWith(histogram + "_count", StringComparison.Ordinal))
            {
                count += value;
            }
        }

        return (sum, count);
    }

    /// <summary>Mean milliseconds of the requests between <paramref name="before"/> and <paramref name="after"/>, and how many there were.</summary>
    public static (double MeanMs, double Count) MeanBetween(PrometheusScrape before, PrometheusScrape after, string histogram, params string[] labels)
    {
        var (s0, c0) = before.Histogram(histogram, labels);
        var (s1, c1) = after.Histogram(histogram, labels);
        var count = c1 - c0;
        return (count > 0 ? (s1 - s0) / count * 1000 : double.NaN, count);
    }
}
