using System.Globalization;

namespace Comity.Node.Features.Federation;

/// <summary>The federation page's strings: <c>FederationText.resx</c> beside this type, one file per UN language.</summary>
public sealed class FederationText;

internal static class FederationDisplay
{
    public static string Instant(DateTimeOffset? instant) =>
        instant is { } at ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "";

    /// <summary>Identifiers and codes kept left-to-right inside Arabic text.</summary>
    public static string Ltr(object? value) => "\u2066" + value + "\u2069";
}
