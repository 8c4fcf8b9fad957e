using Comity.Testing.Nodes;
using Microsoft.Playwright;

namespace Comity.Browser.Tests;

public sealed class LanguageSwitcherTests(BrowserFixture browser)
{
    [Fact]
    public async Task Switcher_ChoosingArabic_TurnsThePageRightToLeftAndKeepsTheChoice()
    {
        await using var node = await TestNode.StartAsync(new TestNodeOptions { Kestrel = true });
        await using var context = await browser.NewContextAsync(node.BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");

        await page.Locator("select[name=culture]").SelectOptionAsync("ar");
        await page.Locator("form[action='/culture'] button").ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await page.GotoAsync("/account/sign-in");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "sign-in-ar");
    }
}
