using Comity.Node.Ui.Localization;

namespace Comity.Node.Features.Transparency;

/// <summary>The transparency-log page's strings: <c>TransparencyText.resx</c> beside this type, one file per UN language.</summary>
public sealed class TransparencyText;

/// <summary>Formatting for the transparency-log page.</summary>
internal static class LogDisplay
{
    public static string Instant(DateTimeOffset instant) => UiNames.Utc(instant, seconds: true);

    /// <summary>Hashes, origins and other Latin-script codes kept left-to-right inside Arabic text.</summary>
    public static string Ltr(object value) => "\u2066" + value + "\u2069";
}
