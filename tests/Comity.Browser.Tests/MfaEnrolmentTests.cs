using System.Text.RegularExpressions;
using Comity.Node.Identity;
using Comity.Testing.Nodes;
using Microsoft.Playwright;
using OtpNet;

namespace Comity.Browser.Tests;

public sealed partial class MfaEnrolmentTests(BrowserFixture browser)
{
    [Fact]
    public async Task NewUser_SignsIn_IsSentToEnrolment_EnrolsTotp_AndReachesTheDashboard()
    {
        await using var node = await TestNode.StartAsync(new TestNodeOptions { Kestrel = true });
        await node.CreateUserAsync("pavel", new TestUser { DisplayName = "Pavel Prosecutor" }, Roles.Prosecutor);
        await using var context = await browser.NewContextAsync(node.BaseAddress);
        var page = await context.NewPageAsync();

        await BrowserSession.SignInAsync(page, "pavel");
        await page.GotoAsync("/");

        Assert.Contains("/account/mfa/enroll", page.Url, StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var key = Whitespace().Replace((await page.Locator("#authenticator-key").TextContentAsync())!, "");
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(node.Time.GetUtcNow().UtcDateTime);
        await page.Locator("#code").FillAsync(code);
        await page.Locator("main form[method=post] button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await page.GotoAsync("/");
        Assert.DoesNotContain("/account/", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "dashboard-en");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
