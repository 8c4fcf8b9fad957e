using System.Collections.Concurrent;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Comity.Node.Features.Requests.Document;

/// <summary>
/// The fonts of the formal document, embedded in this assembly (Fonts/README.md: files and licences), and which one
/// draws a run of text: Noto Sans for Latin, Cyrillic and Greek, Noto Sans Arabic for Arabic, Droid Sans Fallback for
/// Chinese. PDFsharp embeds the subset of each that the document uses.
/// </summary>
internal sealed class DocumentFonts : IFontResolver
{
    public const string Latin = "Comity Sans";
    public const string Arabic = "Comity Sans Arabic";
    public const string Chinese = "Comity Sans CJK";

    private static readonly Lock Gate = new();
    private static readonly ConcurrentDictionary<string, byte[]> Loaded = new(StringComparer.Ordinal);
    private static readonly XPdfFontOptions Subset = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);

    /// <summary>
    /// Noto Sans Arabic draws many presentation forms as composites of composite glyphs, which PDFsharp's subsets leave
    /// out (the isolated teh marbuta came out as its two dots): the Arabic font is embedded whole (about 240 KB).
    /// </summary>
    private static readonly XPdfFontOptions Whole = new(PdfFontEncoding.Unicode, PdfFontEmbedding.EmbedCompleteFontFile);

    /// <summary>PDFsharp's font resolver is process-wide: this one is installed once, before the first document is drawn.</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not DocumentFonts)
            {
                GlobalFontSettings.FontResolver = new DocumentFonts();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => familyName switch
    {
        Latin => new FontResolverInfo(bold ? "NotoSans-Bold" : "NotoSans-Regular"),
        Arabic => new FontResolverInfo(bold ? "NotoSansArabic-Bold" : "NotoSansArabic-Regular"),

        // No bold face is shipped for Chinese (it would double the repository's fonts): PDFsharp emboldens the regular one.
        Chinese => new FontResolverInfo("DroidSansFallbackFull", mustSimulateBold: bold, mustSimulateItalic: false),
        _ => null,
    };

    public byte[]? GetFont(string faceName) => Loaded.GetOrAdd(faceName, static name =>
    {
        using var stream = typeof(DocumentFonts).Assembly.GetManifestResourceStream($"Comity.Node.Features.Requests.Document.Fonts.{name}.ttf")
            ?? throw new InvalidOperationException($"The font {name} is not embedded in Comity.Node.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    /// <summary>The family that has glyphs for <paramref name="c"/>.</summary>
    public static string FamilyOf(char c) =>
        ArabicText.IsArabic(c) ? Arabic
        : c is (>= '\u2E80' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFF00' and <= '\uFFEF') ? Chinese
        : Latin;

    public static XFont Font(string family, double size, bool bold) =>
        new(family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, family == Arabic ? Whole : Subset);

    /// <summary>
    /// The text cut into runs that one font draws: a character stays in the current run when that run's font has it
    /// (spaces and the punctuation Noto Sans Arabic has stay in Arabic runs, so a line of Arabic is not cut at every
    /// space), else it starts a run in the family made for it.
    /// </summary>
    public static IReadOnlyList<(string Text, string Family)> Runs(string text)
    {
        var runs = new List<(string, string)>();
        var start = 0;
        string? family = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (family is not null && Covers(family, c))
            {
                continue;
            }

            var f = FamilyOf(c);
            if (family is not null && f != family)
            {
                runs.Add((text[start..i], family));
                start = i;
            }

            family = f;
        }

        if (start < text.Length)
        {
            runs.Add((text[start..], family ?? Latin));
        }

        return runs;
    }

    /// <summary>Whether the family has a glyph for <paramref name="c"/> (what fc-query lists for the shipped files, for the characters that matter here).</summary>
    private static bool Covers(string family, char c) => family switch
    {
        Arabic => ArabicText.IsArabic(c) || c is ' ' or '!' or ',' or '-' or '.' or (>= '0' and <= ':') or '\u00A0' or '«' or '»',
        Chinese => FamilyOf(c) == Chinese || c == ' ',
        _ => FamilyOf(c) == Latin,
    };
}
