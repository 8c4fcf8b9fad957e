using System.Net;
using Comity.Domain.Legal;
using Comity.Node.Identity;
using Comity.Node.Tests.Ui;
using Comity.Testing.Nodes;

namespace Comity.Node.Tests.Features.Law;

public sealed class LawPagesTests : IAsyncLifetime
{
    private TestNode node = null!;
    private Browser browser = null!;
    private IDisposable signIn = null!;

    public async ValueTask InitializeAsync()
    {
        node = await TestNode.StartAsync(new TestNodeOptions { Demo = true });
        await node.CreateUserAsync("paula", new TestUser { Demo = true }, Roles.Prosecutor);
        browser = new Browser(node);
        signIn = await browser.SignInAsync("paula", TestNode.TestPassword);
    }

    public async ValueTask DisposeAsync()
    {
        signIn.Dispose();
        browser.Dispose();
        await node.DisposeAsync();
    }

    [Fact]
    public async Task ArticlePage_EveryArticleOfTheConvention_AnswersWithItsTitleSummaryAndVerification()
    {
        for (var n = 1; n <= Convention.ArticleCount; n++)
        {
            var page = await browser.GetDocumentAsync($"/law/articles/{n}");
            var entry = ArticleCatalogue.Get(n);
            Assert.Equal(n.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("h1")?.GetAttribute("data-article"));
            Assert.Contains(entry.Title, page.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
            Assert.Equal(entry.Summary, page.QuerySelector("[data-summary]")?.TextContent.Trim());
            Assert.NotNull(page.QuerySelector(entry.ParagraphNumberingVerified ? "[data-verified]" : "[data-unverified]"));
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("69")]
    [InlineData("forty-two")]
    [InlineData("-1")]
    public async Task ArticlePage_NoSuchArticle_Answers404PageWithAWayBack(string number)
    {
        using var response = await browser.GetAsync($"/law/articles/{number}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.True(page.QuerySelector("h1[data-not-found]") is not null, page.DocumentElement.OuterHtml);
        Assert.NotNull(page.QuerySelector("main a[href='/']"));
    }

    [Fact]
    public async Task ArticlePage_Art42_ListsEveryRuleCitingIt_TheKindGroundsAndClocksThatRestOnIt()
    {
        var page = await browser.GetDocumentAsync("/law/articles/42");

        var expected = RuleCatalogue.All.Where(r => r.Basis.Article == 42).Select(r => r.Code).Order(StringComparer.Ordinal).ToList();
        var listed = page.QuerySelectorAll("tr[data-rule]").Select(r => r.GetAttribute("data-rule")!).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("preservation.expiry-reminders", expected);
        Assert.Equal(expected, listed);
        Assert.NotNull(page.QuerySelector("[data-kind='expeditedPreservation'] [data-article-ref='42'] a[href='/law/articles/42']"));
        Assert.NotNull(page.QuerySelector("[data-ground='dualCriminalityReservation']"));
        Assert.NotNull(page.QuerySelector("[data-clock='PreservationExpiry']"));
        Assert.Contains("60", page.QuerySelector("[data-numbers]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("A/RES/79/243", page.QuerySelector("[data-authority]")?.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelectorAll("[data-doubts] li"));
    }

    [Fact]
    public async Task ArticlePage_Art40_ShowsTheInadmissibleGroundsAsRuledOut()
    {
        var page = await browser.GetDocumentAsync("/law/articles/40");

        Assert.NotNull(page.QuerySelector("[data-ground='bankSecrecy'] .chip"));
        Assert.NotNull(page.QuerySelector("[data-ground='essentialInterests']"));
        Assert.Null(page.QuerySelector("[data-ground='essentialInterests'] .chip"));
    }

    [Fact]
    public async Task LawPage_InFrench_ListsAllArticlesInTheNavigationForAnyRole_WithSummariesInFrench()
    {
        var page = await browser.GetDocumentAsync("/law?culture=fr");

        Assert.Equal("La Convention, article par article", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(Convention.ArticleCount, page.QuerySelectorAll("tr[data-article]").Length);
        Assert.Equal("art. 41", page.QuerySelector("tr[data-article='41'] td a")?.TextContent.Trim());
        Assert.Equal("Réseau 24/7", page.QuerySelector("tr[data-article='41'] th a")?.TextContent.Trim());
        // The summaries are the team's, translated: in French, with no lang="en" marking them as English.
        Assert.Empty(page.QuerySelectorAll("tr[data-article] td[lang]"));
        Assert.Contains(ArticleSummaries.For(41, "fr")!, page.QuerySelector("tr[data-article='41']")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("traduits", page.QuerySelector("[data-authority]")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("nav a[href='/law']"));
    }

    [Fact]
    public async Task ArticlePage_InArabic_CarriesItsTextAsUtf8_NotAsCharacterReferences()
    {
        using var response = await browser.GetAsync("/law/articles/42?culture=ar");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains(ArticleSummaries.For(42, "ar")!, html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x6", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("es")]
    [InlineData("ru")]
    [InlineData("ar")]
    [InlineData("zh-Hans")]
    public async Task ArticlePage_InEachOtherLanguage_ShowsTheTranslatedSummary_NotTheEnglish(string language)
    {
        var page = await browser.GetDocumentAsync($"/law/articles/42?culture={language}");

        var summary = page.QuerySelector("[data-summary]");
        Assert.Equal(ArticleSummaries.For(42, language), summary?.TextContent.Trim());
        Assert.NotEqual(ArticleSummaries.For(42), summary?.TextContent.Trim());
        Assert.Null(summary?.GetAttribute("lang"));
    }
}
