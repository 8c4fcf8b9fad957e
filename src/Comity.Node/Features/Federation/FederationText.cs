using Comity.Node.Ui.Localization;

namespace Comity.Node.Features.Federation;

/// <summary>The federation page's strings: <c>FederationText.resx</c> beside this type, one file per UN language.</summary>
public sealed class FederationText;

internal static class FederationDisplay
{
    public static string Instant(DateTimeOffset? instant) =>
        instant is { } at ? UiNames.Utc(at, seconds: true) : "";

    /// <summary>Identifiers and codes kept left-to-right inside Arabic text.</summary>
    public static string Ltr(object? value) => "\u2066" + value + "\u2069";
}
