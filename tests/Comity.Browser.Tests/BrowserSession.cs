using Comity.Testing.Nodes;
using Microsoft.Playwright;

namespace Comity.Browser.Tests;

/// <summary>Drives the sign-in page as a person would.</summary>
internal static class BrowserSession
{
    public static async Task SignInAsync(IPage page, string userName, string password = TestNode.TestPassword)
    {
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#username").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("main form button[type=submit]").ClickAsync();

        // Signed in when the page the node sends us on to (the one asked for, or second-factor enrolment) shows
        // the header's sign-out button, which the sign-in page never has: a wait for that element, not for a URL
        // and a load event.
        await Assertions.Expect(page.Locator("header form[action='/account/sign-out'] button"))
            .ToBeVisibleAsync(new() { Timeout = BrowserFixture.NavigationTimeout });
        Assert.DoesNotContain("/account/sign-in", page.Url, StringComparison.Ordinal);
    }
}
