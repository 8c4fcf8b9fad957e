namespace Comity.Domain.Legal;

/// <summary>
/// Entry point for citing the Convention: <c>Convention.Art(65, 1)</c> reads as "Art. 65(1)".
/// </summary>
public static class Convention
{
    public const int ArticleCount = 68;

    /// <summary>Cites an article, optionally a paragraph and a subparagraph.</summary>
    public static ArticleReference Art(int article, int? paragraph = null, string? sub = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(article, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(article, ArticleCount);
        if (paragraph is int p)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(p, 1, nameof(paragraph));
        }

        return new ArticleReference(article, paragraph, sub);
    }
}
