using Comity.Domain.Cooperation.Offences;
using Comity.Domain.Legal;

namespace Comity.Domain.Tests.Cooperation.Offences;

public sealed class ConventionOffencesTests
{
    [Fact]
    [Trait("Article", "7")]
    [Trait("Article", "17")]
    public void All_ElevenOffences_OnePerArticleSevenToSeventeenInOrder()
    {
        Assert.Equal(11, ConventionOffences.All.Count);
        Assert.Equal(Enumerable.Range(7, 11).Select(n => Convention.Art(n)), ConventionOffences.All.Select(o => o.Article));
    }

    [Fact]
    public void All_CodesAreUniqueAndCamelCase()
    {
        var codes = ConventionOffences.All.Select(o => o.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(codes, c => Assert.Matches("^[a-z]+([A-Z][a-z0-9]*)*$", c));
        Assert.Equal("illegalAccess", ConventionOffences.IllegalAccess.Code);
        Assert.Equal("launderingOfProceeds", ConventionOffences.LaunderingOfProceeds.Code);
    }

    [Fact]
    public void All_TitlesAreTheArticleTitles_AndEachHasADescription()
    {
        Assert.All(ConventionOffences.All, o =>
        {
            Assert.Equal(ArticleCatalogue.Get(o.Article.Article).Title, o.Title);
            Assert.False(string.IsNullOrWhiteSpace(o.Description));
            Assert.DoesNotContain('\n', o.Description);
            Assert.Null(o.Article.Paragraph);
        });
        Assert.Equal("Illegal access (Art. 7)", ConventionOffences.IllegalAccess.ToString());
    }

    [Fact]
    public void TryGet_EveryCode_FindsItsOffence()
    {
        Assert.All(ConventionOffences.All, o =>
        {
            Assert.True(ConventionOffences.TryGet(o.Code, out var found));
            Assert.Same(o, found);
        });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("IllegalAccess")]
    [InlineData(" illegalAccess")]
    [InlineData("computerFraud")]
    public void TryGet_UnknownOrDifferentlyWrittenCode_FindsNothing(string? code)
    {
        Assert.False(ConventionOffences.TryGet(code, out var found));
        Assert.Null(found);
    }
}
