using Comity.Browser.Tests.Requests;
using Comity.Node.Identity;
using Microsoft.Playwright;

namespace Comity.Browser.Tests.Dashboard;

/// <summary>The keys page: this node's keys and whether the Register lists them, rotation for administrators, nothing for others.</summary>
public sealed class KeysPageTests(BrowserFixture browser, RequestsNetworkFixture nodes) : IClassFixture<RequestsNetworkFixture>
{
    [Fact]
    public async Task KeysPage_ListsKeysForTheAdministrator_RotatesThem_AndRefusesADutyOfficer()
    {
        var node = nodes["XA"];
        var admin = await node.CreateUserWithTokenAsync("keys-page-admin", Roles.NodeAdmin);
        await using var context = await browser.NewContextAsync(node.BaseAddress, admin);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/keys");
        var signing = page.Locator("#node-keys tr[data-use='sig'][data-status='current']");
        await Assertions.Expect(signing).ToHaveAttributeAsync("data-in-register", "listed", new() { Timeout = BrowserFixture.NavigationTimeout });
        await Assertions.Expect(signing).ToContainTextAsync("Listed in the Register");
        await Assertions.Expect(page.Locator("#node-keys tr[data-use='enc']")).ToHaveCountAsync(1);
        await Assertions.Expect(signing.Locator(".fingerprint")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^([0-9A-F]{2}:){31}[0-9A-F]{2}$"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "keys-en");

        await page.Locator("#rotate-keys button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#keys-rotated")).ToBeVisibleAsync(new() { Timeout = BrowserFixture.NavigationTimeout });
        await Assertions.Expect(page.Locator("#node-keys tr[data-use='sig'][data-status='current']")).ToHaveAttributeAsync("data-in-register", "missing");
        await Assertions.Expect(page.Locator("#node-keys tr[data-use='sig'][data-status='overlap']")).ToHaveAttributeAsync("data-in-register", "listed");

        await using var duty = await browser.NewContextAsync(node.BaseAddress, nodes.DutyTokens["XA"]);
        var dutyPage = await duty.NewPageAsync();
        var refused = await dutyPage.GotoAsync("/keys");
        Assert.Equal(403, refused?.Status);
        await Assertions.Expect(dutyPage.Locator("nav.nav a[href='/keys']")).ToHaveCountAsync(0);
    }
}
