using System.Globalization;
using System.Text;
using Comity.Domain.Legal;
using Microsoft.Extensions.Localization;

namespace Comity.Node.Ui.Localization;

/// <summary>
/// Marker for <c>IStringLocalizer&lt;ConventionText&gt;</c>: the Convention's article titles as the pages word them
/// (<c>Title_42</c>) in <c>ConventionText.resx</c> and one file per official language. The shell's citations
/// (<c>ArticleRef</c>) and the law pages share them.
/// </summary>
public sealed class ConventionText
{
    private ConventionText()
    {
    }
}

/// <summary>
/// How a citation reads in each of the six languages: "Art. 41(3)(e)", "art. 41(3)(e)", "ст. 41(3)(e)",
/// "المادة 41(3)(هـ)", "第41条第3款(e)项". Stored and exchanged citations stay invariant (<see cref="ArticleReference.ToString"/>).
/// </summary>
public static class ArticleText
{
    // The UN's Arabic texts letter subparagraphs in abjad order: (a) → (أ), (b) → (ب), …, (o) → (س).
    private const string AbjadLetters = "أبجدهوزحطيكلمنس";

    /// <summary>The citation in the culture's language, without isolation marks (put it in a <c>&lt;bdi&gt;</c> with <see cref="Direction"/>).</summary>
    public static string Format(ArticleReference reference, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var article = reference.Article.ToString(CultureInfo.InvariantCulture);
        var paragraph = reference.Paragraph?.ToString(CultureInfo.InvariantCulture);
        var sub = reference.Subparagraph;
        return Language(culture) switch
        {
            "fr" or "es" => "art. " + article + Tail(paragraph, sub),
            "ru" => "ст. " + article + Tail(paragraph, sub),
            "ar" => "المادة " + article + Tail(paragraph, sub is null ? null : Abjad(sub)),
            "zh" => "第" + article + "条" + (paragraph is null ? "" : "第" + paragraph + "款") + (sub is null ? "" : "(" + sub + ")项"),
            _ => reference.ToString(),
        };
    }

    /// <summary>The direction a citation is written in: right to left in Arabic, left to right elsewhere.</summary>
    public static string Direction(CultureInfo culture) => Language(culture) == "ar" ? "rtl" : "ltr";

    /// <summary>
    /// The citation as plain text isolated with Unicode marks (U+2066/U+2067 … U+2069), for places that take no markup:
    /// an <c>&lt;option&gt;</c>, a title, a message. Text that is no citation is isolated as it is.
    /// </summary>
    public static string Isolated(string? citation, CultureInfo culture)
    {
        if (string.IsNullOrEmpty(citation))
        {
            return "";
        }

        var (text, direction) = ArticleReference.TryParsePrefix(citation, out var reference, out var length)
            ? (Format(reference, culture) + citation[length..], Direction(culture))
            : (citation, "ltr");
        return (direction == "rtl" ? "\u2067" : "\u2066") + text + "\u2069";
    }

    /// <summary>
    /// The article's title in the page's language, or the catalogue's English one where the resource has none; <c>Lang</c>
    /// is <c>en</c> when the title is English on a page in another language (for a <c>lang</c> attribute), else null.
    /// </summary>
    public static (string Text, string? Lang) Title(IStringLocalizer<ConventionText> text, int article)
    {
        ArgumentNullException.ThrowIfNull(text);
        var title = text["Title_" + article.ToString(CultureInfo.InvariantCulture)];
        return title.ResourceNotFound || string.IsNullOrEmpty(title.Value)
            ? (ArticleCatalogue.Get(article).Title, EnglishLang(CultureInfo.CurrentUICulture))
            : (title.Value, null);
    }

    /// <summary>
    /// The summary in the page's language (<see cref="ArticleSummaries.For(int, string)"/>), and <c>en</c> for a
    /// <c>lang</c> attribute when only the English one exists for it.
    /// </summary>
    public static (string? Text, string? Lang) Summary(int article)
    {
        var culture = CultureInfo.CurrentUICulture;
        var english = ArticleCatalogue.Get(article).Summary;
        var text = ArticleSummaries.For(article, culture.Name);
        return (text, text == english ? EnglishLang(culture) : null);
    }

    /// <summary><c>en</c> when English text needs marking on a page in <paramref name="culture"/>, else null.</summary>
    public static string? EnglishLang(CultureInfo culture) => IsEnglish(culture) ? null : "en";

    /// <summary>Whether the culture reads English, so that English text needs no <c>lang="en"</c>.</summary>
    public static bool IsEnglish(CultureInfo culture) => Language(culture) == "en";

    private static string Tail(string? paragraph, string? sub) =>
        (paragraph is null ? "" : "(" + paragraph + ")") + (sub is null ? "" : "(" + sub + ")");

    private static string Abjad(string letters)
    {
        var text = new StringBuilder();
        foreach (var letter in letters)
        {
            var index = letter - 'a';
            // هـ is written with a tatweel when it stands alone, as UN texts print it: (هـ).
            text.Append(index is >= 0 and < 15 ? (index == 4 ? "هـ" : AbjadLetters[index].ToString()) : letter.ToString());
        }

        return text.ToString();
    }

    private static string Language(CultureInfo culture) => culture.TwoLetterISOLanguageName;
}
