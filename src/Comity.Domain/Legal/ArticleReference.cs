using System.Globalization;

namespace Comity.Domain.Legal;

/// <summary>
/// A reference to an article of the Convention, optionally to one of its paragraphs and
/// subparagraphs: <c>Art. 65(2)</c>, <c>Art. 41(3)(e)</c>.
/// </summary>
public readonly record struct ArticleReference(int Article, int? Paragraph = null, string? Subparagraph = null)
{
    public override string ToString() => (Paragraph, Subparagraph) switch
    {
        (null, _) => string.Create(CultureInfo.InvariantCulture, $"Art. {Article}"),
        (int p, null) => string.Create(CultureInfo.InvariantCulture, $"Art. {Article}({p})"),
        (int p, string s) => string.Create(CultureInfo.InvariantCulture, $"Art. {Article}({p})({s})"),
    };
}
