using Comity.Domain.Legal;

namespace Comity.Domain.Tests.Legal;

public sealed class ConventionNumbersTests
{
    [Fact]
    public void All_FixedNumbers_HaveValuesAndCitations()
    {
        Assert.Equal(40, ConventionNumbers.InstrumentsForEntryIntoForce.Value);
        Assert.Equal("Art. 65(1)", ConventionNumbers.InstrumentsForEntryIntoForce.Basis.ToString());
        Assert.Equal(90, ConventionNumbers.DaysAfterFortiethInstrument.Value);
        Assert.Equal(30, ConventionNumbers.DaysAfterLaterDeposit.Value);
        Assert.Equal("Art. 65(2)", ConventionNumbers.DaysAfterLaterDeposit.Basis.ToString());
        Assert.Equal(5, ConventionNumbers.AmendmentBarYears.Value);
        Assert.Equal(60, ConventionNumbers.PartiesForProtocols.Value);
        Assert.Equal(1, ConventionNumbers.DenunciationTakesEffectAfterYears.Value);
        Assert.Equal(60, ConventionNumbers.MinimumPreservationDays.Value);
        Assert.Equal(4, ConventionNumbers.SeriousCrimeYears.Value);
        Assert.Equal("Art. 2(h)", ConventionNumbers.SeriousCrimeYears.Basis.ToString());
        Assert.Equal(8, ConventionNumbers.All.Count);
    }

    [Fact]
    public void Art_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Convention.Art(69));
        Assert.Throws<ArgumentOutOfRangeException>(() => Convention.Art(0));
        Assert.Equal("Art. 41(3)(e)", Convention.Art(41, 3, "e").ToString());
    }
}

public sealed class ArticleCatalogueTests
{
    [Fact]
    public void Articles_CoverOneToSixtyEight_WithTitles()
    {
        Assert.Equal(Enumerable.Range(1, 68), ArticleCatalogue.Articles.Select(a => a.Number));
        Assert.All(ArticleCatalogue.Articles, a => Assert.False(string.IsNullOrWhiteSpace(a.Title)));
        Assert.Equal("Entry into force", ArticleCatalogue.Get(65).Title);
    }

    [Fact]
    public void IsVerified_OnlyArticle64AndParagraph65_1()
    {
        Assert.True(ArticleCatalogue.IsVerified(Convention.Art(64, 2)));
        Assert.True(ArticleCatalogue.IsVerified(Convention.Art(65, 1)));
        Assert.False(ArticleCatalogue.IsVerified(Convention.Art(65, 2)));
        Assert.False(ArticleCatalogue.IsVerified(Convention.Art(63, 2)));
        Assert.Equal(["Art. 64"], ArticleCatalogue.Articles.Where(a => a.ParagraphNumberingVerified).Select(a => Convention.Art(a.Number).ToString()));
    }
}

public sealed class RuleCatalogueTests
{
    [Fact]
    public void All_CodesAreUniqueAndKebabCase()
    {
        var codes = RuleCatalogue.All.Select(r => r.Code).ToArray();
        Assert.Equal(codes.Length, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.Matches("^[a-z]+\\.[a-z0-9]+(-[a-z0-9]+)*$", c));
        Assert.Contains(RuleCatalogue.All, r => r.Implementation == "SignatureOnlyWhileOpen" && r.Basis == Convention.Art(64, 1));
    }

    [Fact]
    public void TraitValue_StripsPrefix() => Assert.Equal("65(1)", RuleCatalogue.TraitValue(Convention.Art(65, 1)));
}
