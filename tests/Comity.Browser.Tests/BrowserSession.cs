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
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
    }
}
