using System.Globalization;
using Comity.Domain.Legal;
using Comity.Node.Ui.Localization;

namespace Comity.Node.Tests.Ui;

public sealed class ArticleTextTests
{
    [Theory]
    [InlineData("en", "Art. 41(3)(e)")]
    [InlineData("fr", "art. 41(3)(e)")]
    [InlineData("es", "art. 41(3)(e)")]
    [InlineData("ru", "ст. 41(3)(e)")]
    [InlineData("ar", "المادة 41(3)(هـ)")]
    [InlineData("zh-Hans", "第41条第3款(e)项")]
    public void Format_Art41Para3LetterE_ReadsInEachLanguage(string culture, string expected) =>
        Assert.Equal(expected, ArticleText.Format(Convention.Art(41, 3, "e"), CultureInfo.GetCultureInfo(culture)));

    [Theory]
    [InlineData("ar", "المادة 42")]
    [InlineData("zh-Hans", "第42条")]
    [InlineData("ar", "المادة 2(ح)", 2, null, "h")]
    [InlineData("zh-Hans", "第2条(h)项", 2, null, "h")]
    public void Format_WithoutParagraph_ReadsInEachLanguage(string culture, string expected, int article = 42, int? paragraph = null, string? sub = null) =>
        Assert.Equal(expected, ArticleText.Format(new ArticleReference(article, paragraph, sub), CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void Isolated_InArabic_IsARightToLeftIsolate_ElsewhereLeftToRight()
    {
        Assert.Equal("\u2067المادة 42\u2069", ArticleText.Isolated("Art. 42", CultureInfo.GetCultureInfo("ar")));
        Assert.Equal("\u2066Art. 40(21)–(23)\u2069", ArticleText.Isolated("Art. 40(21)–(23)", CultureInfo.GetCultureInfo("en")));
        Assert.Equal("\u2066Arts. 41–43\u2069", ArticleText.Isolated("Arts. 41–43", CultureInfo.GetCultureInfo("ar")));
    }
}
