using System.Globalization;
using Comity.Node.Kernel;

namespace Comity.Node.Federation.Transparency;

/// <summary>An inclusion proof (<c>GET /federation/v1/log/proof/inclusion</c>): the audit path, leaf side first, base64.</summary>
public sealed record InclusionProofResponse(long Index, long TreeSize, IReadOnlyList<string> Hashes);

/// <summary>A consistency proof (<c>GET /federation/v1/log/proof/consistency</c>), base64 hashes.</summary>
public sealed record ConsistencyProofResponse(long First, long Second, IReadOnlyList<string> Hashes);

/// <summary>The log's query parameters: required decimal numbers in a range, each refusal naming the parameter.</summary>
internal static class LogParameters
{
    /// <summary>A required decimal query parameter in [min, max]; adds a validation error naming it otherwise.</summary>
    public static long? Number(string name, string? text, long min, long max, List<ProblemError> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(new ProblemError(name, "log.parameter-required", $"{name} is required."));
            return null;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add(new ProblemError(name, "log.parameter-not-a-number", $"{name} must be a non-negative decimal integer, not '{Shorten(text)}'."));
            return null;
        }

        if (value < min || value > max)
        {
            errors.Add(new ProblemError(name, "log.parameter-out-of-range", max < min
                ? $"{name} cannot be satisfied: the log has no leaf yet."
                : $"{name} must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}, not {value.ToString(CultureInfo.InvariantCulture)}."));
            return null;
        }

        return value;
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
