using System.Text.RegularExpressions;
using Comity.Domain.Legal;

namespace Comity.Domain.Tests.Legal;

public sealed class ArticleSummaryTranslationTests
{
    private static readonly string[] Languages = ["fr", "es", "ru", "ar", "zh-Hans"];

    private static IEnumerable<int> SummarisedArticles =>
        Enumerable.Range(1, Convention.ArticleCount).Where(n => ArticleSummaries.For(n) is not null);

    public static TheoryData<string> TranslatedLanguages() => new(Languages);

    [Fact]
    public void TranslatedLanguages_AreTheFiveOtherUnLanguages() =>
        Assert.Equal(Languages, ArticleSummaries.TranslatedLanguages);

    [Fact]
    public void SummarisedArticles_AreAllSixtyEight() =>
        Assert.Equal(Enumerable.Range(1, 68), SummarisedArticles);

    [Theory]
    [MemberData(nameof(TranslatedLanguages))]
    public void EverySummarisedArticle_HasATranslationThatIsNotTheEnglish(string language) =>
        Assert.All(SummarisedArticles, n =>
        {
            var translated = ArticleSummaries.For(n, language);
            Assert.False(string.IsNullOrWhiteSpace(translated), $"{language} {n}");
            Assert.NotEqual(ArticleSummaries.For(n), translated);
        });

    [Theory]
    [MemberData(nameof(TranslatedLanguages))]
    public void EveryTranslation_KeepsTheNumbersOfTheEnglish(string language) =>
        Assert.All(SummarisedArticles, n =>
        {
            var translated = ArticleSummaries.For(n, language)!;
            foreach (Match number in Regex.Matches(ArticleSummaries.For(n)!, "[0-9]+"))
            {
                Assert.Matches($"(?<![0-9]){number.Value}(?![0-9])", translated);
            }
        });

    [Theory]
    [MemberData(nameof(TranslatedLanguages))]
    public void NoTranslation_KeepsAnEnglishCitation(string language) =>
        Assert.All(SummarisedArticles, n =>
        {
            var translated = ArticleSummaries.For(n, language)!;
            Assert.DoesNotContain("Art. ", translated, StringComparison.Ordinal);
            Assert.DoesNotContain("Arts. ", translated, StringComparison.Ordinal);
        });

    [Theory]
    [InlineData("fr", 11, "art. 7 à 10")]
    [InlineData("fr", 22, "art. 7 à 17")]
    [InlineData("fr", 44, "l'art. 42")]
    [InlineData("es", 11, "arts. 7 a 10")]
    [InlineData("es", 22, "arts. 7 a 17")]
    [InlineData("es", 44, "art. 42")]
    [InlineData("ru", 11, "ст. 7–10")]
    [InlineData("ru", 22, "ст. 7–17")]
    [InlineData("ru", 44, "ст. 42")]
    [InlineData("ar", 11, "المواد 7 إلى 10")]
    [InlineData("ar", 22, "المواد 7 إلى 17")]
    [InlineData("ar", 44, "المادة 42")]
    [InlineData("zh-Hans", 11, "第7至10条")]
    [InlineData("zh-Hans", 22, "第7至17条")]
    [InlineData("zh-Hans", 44, "第42条")]
    [InlineData("ar", 2, "(أ)–(س)")]
    [InlineData("fr", 64, "Hanoï les 25 et 26 octobre 2025")]
    [InlineData("es", 64, "Hanói los días 25 y 26 de octubre de 2025")]
    [InlineData("ru", 64, "Ханое 25–26 октября 2025 года")]
    [InlineData("ar", 64, "هانوي يومي 25 و26 تشرين الأول/أكتوبر 2025")]
    [InlineData("zh-Hans", 64, "河内于2025年10月25日至26日")]
    public void Citations_LettersAndDates_AreWrittenAsTheProductWritesThemInThatLanguage(string language, int article, string expected) =>
        Assert.Contains(expected, ArticleSummaries.For(article, language), StringComparison.Ordinal);

    [Theory]
    [InlineData("ar", "[\u0600-\u06FF]")]
    [InlineData("zh-Hans", "[\u4E00-\u9FFF]")]
    public void ArabicAndChinese_AreInTheirScript_WithNoLatinWord(string language, string script) =>
        Assert.All(SummarisedArticles, n =>
        {
            var translated = ArticleSummaries.For(n, language)!;
            Assert.Matches(script, translated);
            Assert.DoesNotMatch("[A-Za-z]{4,}", translated);
            Assert.DoesNotMatch("[\u0660-\u0669\u06F0-\u06F9]", translated);
        });

    [Fact]
    public void RegionalAndChineseTags_ReadAsTheirLanguage() =>
        Assert.All(SummarisedArticles, n =>
        {
            Assert.Equal(ArticleSummaries.For(n, "fr"), ArticleSummaries.For(n, "fr-FR"));
            Assert.Equal(ArticleSummaries.For(n, "fr"), ArticleSummaries.For(n, "FR_ca"));
            Assert.Equal(ArticleSummaries.For(n, "es"), ArticleSummaries.For(n, "es-419"));
            Assert.Equal(ArticleSummaries.For(n, "ar"), ArticleSummaries.For(n, "ar-EG"));
            Assert.Equal(ArticleSummaries.For(n, "zh-Hans"), ArticleSummaries.For(n, "zh-CN"));
            Assert.Equal(ArticleSummaries.For(n, "zh-Hans"), ArticleSummaries.For(n, "zh"));
            Assert.Equal(ArticleSummaries.For(n, "zh-Hans"), ArticleSummaries.For(n, "zh-Hans-CN"));
        });

    [Theory]
    [InlineData("en")]
    [InlineData("en-GB")]
    [InlineData("de")]
    [InlineData("fra")]
    [InlineData("frr")]
    [InlineData("")]
    public void EnglishAndUntranslatedLanguages_GetTheEnglish(string language) =>
        Assert.All(SummarisedArticles, n => Assert.Equal(ArticleSummaries.For(n), ArticleSummaries.For(n, language)));

    [Theory]
    [InlineData(0)]
    [InlineData(69)]
    public void AnArticleWithoutAnEnglishSummary_HasNoTranslation(int article)
    {
        Assert.Null(ArticleSummaries.For(article));
        Assert.All(Languages, language => Assert.Null(ArticleSummaries.For(article, language)));
    }
}
