using System.Globalization;

namespace Comity.Domain.Legal;

/// <summary>
/// A reference to an article of the Convention, optionally to one of its paragraphs and
/// subparagraphs: <c>Art. 65(2)</c>, <c>Art. 41(3)(e)</c>, <c>Art. 2(h)</c>.
/// </summary>
public readonly record struct ArticleReference(int Article, int? Paragraph = null, string? Subparagraph = null)
{
    public override string ToString() => (Paragraph, Subparagraph) switch
    {
        (null, null) => string.Create(CultureInfo.InvariantCulture, $"Art. {Article}"),
        // Art. 2 has lettered subparagraphs without a numbered paragraph: "Art. 2(h)".
        (null, string s) => string.Create(CultureInfo.InvariantCulture, $"Art. {Article}({s})"),
        (int p, null) => string.Create(CultureInfo.InvariantCulture, $"Art. {Article}({p})"),
        (int p, string s) => string.Create(CultureInfo.InvariantCulture, $"Art. {Article}({p})({s})"),
    };

    /// <summary>
    /// Reads a citation as <see cref="ToString"/> writes it (<c>Art. 41(3)(e)</c>, <c>Art. 2(h)</c>, <c>Art. 42</c>), the
    /// form the API's DTOs carry. The whole text must be the citation; see <see cref="TryParsePrefix"/> for a citation
    /// followed by more text (<c>Art. 40(21)–(23)</c>).
    /// </summary>
    public static bool TryParse(string? text, out ArticleReference reference) =>
        TryParsePrefix(text, out reference, out var length) && length == text!.Length;

    /// <summary>
    /// Reads the citation at the start of <paramref name="text"/>: <c>Art.</c> (or <c>Art</c>, <c>Article</c>), an article
    /// number of the Convention (1–68), then at most one numbered paragraph and one lettered subparagraph in
    /// parentheses. <paramref name="length"/> is how many characters the citation took.
    /// </summary>
    public static bool TryParsePrefix(string? text, out ArticleReference reference, out int length)
    {
        reference = default;
        length = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var at = 0;
        if (text.StartsWith("Article ", StringComparison.Ordinal))
        {
            at = "Article ".Length;
        }
        else if (text.StartsWith("Art.", StringComparison.Ordinal))
        {
            at = "Art.".Length;
        }
        else if (text.StartsWith("Art ", StringComparison.Ordinal))
        {
            at = "Art".Length;
        }
        else
        {
            return false;
        }

        while (at < text.Length && text[at] == ' ')
        {
            at++;
        }

        if (!TryNumber(text, ref at, out var article) || article is < 1 or > Convention.ArticleCount)
        {
            return false;
        }

        int? paragraph = null;
        string? subparagraph = null;
        var mark = at;
        if (TryGroup(text, ref mark, out var first))
        {
            if (int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1)
            {
                paragraph = p;
                at = mark;
                if (TryGroup(text, ref mark, out var second) && IsLetters(second))
                {
                    subparagraph = second;
                    at = mark;
                }
            }
            else if (IsLetters(first))
            {
                subparagraph = first;
                at = mark;
            }
        }

        reference = new ArticleReference(article, paragraph, subparagraph);
        length = at;
        return true;
    }

    private static bool TryNumber(string text, ref int at, out int value)
    {
        var start = at;
        while (at < text.Length && char.IsAsciiDigit(text[at]) && at - start < 3)
        {
            at++;
        }

        if (at == start || (at < text.Length && char.IsAsciiDigit(text[at])))
        {
            value = 0;
            at = start;
            return false;
        }

        value = int.Parse(text.AsSpan(start, at - start), NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }

    private static bool TryGroup(string text, ref int at, out string content)
    {
        content = "";
        if (at >= text.Length || text[at] != '(')
        {
            return false;
        }

        var close = text.IndexOf(')', at + 1);
        if (close < 0 || close == at + 1 || close - at > 5)
        {
            return false;
        }

        content = text[(at + 1)..close];
        at = close + 1;
        return true;
    }

    private static bool IsLetters(string value) => value.Length is >= 1 and <= 3 && value.All(char.IsAsciiLetterLower);
}
