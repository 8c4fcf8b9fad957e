using Comity.Domain.Legal;

namespace Comity.Domain.Tests.Legal;

public sealed class ArticleReferenceTests
{
    public static TheoryData<string, int, int?, string?> Citations() => new()
    {
        { "Art. 42", 42, null, null },
        { "Art. 65(1)", 65, 1, null },
        { "Art. 41(3)(e)", 41, 3, "e" },
        { "Art. 2(h)", 2, null, "h" },
        { "Art. 40(21)(a)", 40, 21, "a" },
        { "Art 36", 36, null, null },
        { "Article 68", 68, null, null },
    };

    [Theory]
    [MemberData(nameof(Citations))]
    public void TryParse_ACitationAsTheApiCarriesIt_ReadsArticleParagraphAndLetter(string text, int article, int? paragraph, string? sub)
    {
        Assert.True(ArticleReference.TryParse(text, out var reference));
        Assert.Equal(new ArticleReference(article, paragraph, sub), reference);
    }

    [Fact]
    public void TryParse_EveryReferenceTheDomainCites_RoundTrips()
    {
        var cited = RuleCatalogue.All.Select(r => r.Basis)
            .Concat(ConventionNumbers.All.Select(n => n.Basis))
            .Concat(ArticleCatalogue.KnownDoubts.Select(d => d.Reference))
            .Concat(Enumerable.Range(1, Convention.ArticleCount).Select(n => Convention.Art(n)));

        Assert.All(cited, reference =>
        {
            Assert.True(ArticleReference.TryParse(reference.ToString(), out var parsed), reference.ToString());
            Assert.Equal(reference, parsed);
        });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Art. 0")]
    [InlineData("Art. 69")]
    [InlineData("Art. 4200")]
    [InlineData("Arts. 41–43")]
    [InlineData("art. 42")]
    [InlineData("Illegal access (Art. 7)")]
    [InlineData("Art. 42 and more")]
    public void TryParse_NotExactlyOneCitation_IsRefused(string? text) =>
        Assert.False(ArticleReference.TryParse(text, out _));

    [Fact]
    public void TryParsePrefix_ACitationFollowedByARange_ReadsTheCitationAndSaysWhereItEnds()
    {
        Assert.True(ArticleReference.TryParsePrefix("Art. 40(21)–(23)", out var reference, out var length));

        Assert.Equal(Convention.Art(40, 21), reference);
        Assert.Equal("–(23)", "Art. 40(21)–(23)"[length..]);
    }

    [Fact]
    public void Summaries_EveryArticleHasOne_OneLineEach()
    {
        Assert.All(ArticleCatalogue.Articles, a =>
        {
            Assert.False(string.IsNullOrWhiteSpace(a.Summary), $"Art. {a.Number} has no summary.");
            Assert.DoesNotContain('\n', a.Summary!);
        });
    }
}
