using Comity.Browser.Tests.Requests;
using Microsoft.Playwright;

namespace Comity.Browser.Tests.Law;

/// <summary>
/// The law one click away (UX principle 3): every citation on the request page and in the inbox links to its article's
/// page and shows the team's summary on hover and keyboard focus; the article page lists the rules that cite it; in
/// Arabic a citation reads "(المادة 42)" with its parentheses balanced.
/// </summary>
public sealed class LawPagesTests(BrowserFixture browser, RequestsNetworkFixture nodes) : IClassFixture<RequestsNetworkFixture>
{
    [Fact]
    public async Task RequestPageAndInbox_EveryCitationLinksToItsArticle_SummaryOnFocus_ArticlePageListsItsRules()
    {
        var id = await nodes.SubmitAsync("XA", RequestsNetworkFixture.Draft("expeditedPreservation", "XA-UI-LAW-1"));
        await nodes.DeliverAsync("XA");
        await using var xb = await browser.NewContextAsync(nodes["XB"].BaseAddress, nodes.DutyTokens["XB"]);
        var page = await xb.NewPageAsync();

        await page.GotoAsync($"/requests/{id}");
        await Assertions.Expect(page.Locator("h1 [data-article-ref='42'] a")).ToHaveAttributeAsync("href", "/law/articles/42", new() { Timeout = BrowserFixture.NavigationTimeout });
        await AssertEveryCitationLinksToItsArticleAsync(page);

        await page.GotoAsync("/requests");
        var row = page.Locator($"tr[data-request='{id}']");
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = BrowserFixture.NavigationTimeout });
        await AssertEveryCitationLinksToItsArticleAsync(page);

        var link = row.Locator(".article-ref__link");
        var tip = row.Locator(".article-ref__tip");
        await Assertions.Expect(tip).ToBeHiddenAsync();
        await link.FocusAsync();
        await Assertions.Expect(tip).ToBeVisibleAsync();
        await Assertions.Expect(tip).ToContainTextAsync("at least 60 days");
        await Assertions.Expect(link).ToHaveAttributeAsync("aria-describedby", (await tip.GetAttributeAsync("id"))!);

        await link.ClickAsync();
        await page.WaitForURLAsync("**/law/articles/42");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Art. 42");
        await Assertions.Expect(page.Locator("tr[data-rule='preservation.expiry-reminders']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-summary]")).ToContainTextAsync("at least 60 days");
        await Assertions.Expect(page.Locator("[data-kinds] [data-kind='expeditedPreservation']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-grounds] [data-ground='dualCriminalityReservation']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-authority]").First).ToContainTextAsync("A/RES/79/243");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "law-article-42-en");

        await page.GotoAsync("/law");
        await Assertions.Expect(page.Locator("tr[data-article]")).ToHaveCountAsync(68, new() { Timeout = BrowserFixture.NavigationTimeout });
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task Arabic_CitationsReadInArabicWithBalancedParentheses_AndTheArticlePagePassesAxe()
    {
        var id = await nodes.SubmitAsync("XA", RequestsNetworkFixture.Draft("locateSuspect", "XA-UI-LAW-AR"));
        await nodes.DeliverAsync("XA");
        await using var xb = await browser.NewContextAsync(nodes["XB"].BaseAddress, nodes.DutyTokens["XB"], "ar");
        var page = await xb.NewPageAsync();

        await page.GotoAsync($"/requests/{id}");
        var heading = page.Locator("h1 [data-article-ref='41']");
        await Assertions.Expect(heading).ToBeVisibleAsync(new() { Timeout = BrowserFixture.NavigationTimeout });
        // Locating a suspect rests on Art. 41(3)(d): (d) is the fourth letter, (د) in the UN's Arabic texts.
        Assert.Equal("(المادة 41(3)(د))", (await heading.InnerTextAsync()).Trim());
        await AssertEveryCitationLinksToItsArticleAsync(page);
        foreach (var citation in await page.Locator("[data-article-ref]").AllAsync())
        {
            var text = (await citation.InnerTextAsync()).Trim();
            Assert.True(Balanced(text), $"Unbalanced parentheses in \"{text}\".");
            Assert.DoesNotContain("Art.", text, StringComparison.Ordinal);
        }

        await page.GotoAsync("/law/articles/42");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("المادة 42", new() { Timeout = BrowserFixture.NavigationTimeout });
        await Assertions.Expect(page.Locator("[data-summary]")).ToContainTextAsync("60 يوما");
        await Assertions.Expect(page.Locator("[data-summary]")).Not.ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator("tr[data-rule='preservation.expiry-reminders']")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "law-article-42-ar");
    }

    /// <summary>Every citation on the page is a link to /law/articles/N, N being the article it cites; none is left as plain text.</summary>
    private static async Task AssertEveryCitationLinksToItsArticleAsync(IPage page)
    {
        var citations = await page.Locator("[data-article-ref]").AllAsync();
        Assert.NotEmpty(citations);
        foreach (var citation in citations)
        {
            var article = await citation.GetAttributeAsync("data-article-ref");
            Assert.Equal("/law/articles/" + article, await citation.Locator("a").GetAttributeAsync("href"));
        }

        Assert.Equal(0, await page.Locator("main .article:not([data-article-ref])").CountAsync());
    }

    private static bool Balanced(string text)
    {
        var depth = 0;
        foreach (var c in text)
        {
            depth += c switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth < 0)
            {
                return false;
            }
        }

        return depth == 0;
    }
}
