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
}
