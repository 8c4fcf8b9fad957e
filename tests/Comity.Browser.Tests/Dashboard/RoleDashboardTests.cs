using Comity.Browser.Tests.Requests;
using Comity.Browser.Tests.Walk;
using Comity.Node.Identity;
using Microsoft.Playwright;

namespace Comity.Browser.Tests.Dashboard;

/// <summary>
/// What each role finds on its dashboard and in its navigation: only what it can open (no link answers "Access denied"),
/// its roles by their names, and, for the requesting side, the other side's overdue acknowledgement with whom to call.
/// </summary>
public sealed class RoleDashboardTests(BrowserFixture browser, RequestsNetworkFixture nodes) : IClassFixture<RequestsNetworkFixture>
{
    public static TheoryData<string, string, string> RolesByNode => new()
    {
        { "XA", Roles.DutyOfficer, "duty-officer" },
        { "XA", Roles.Supervisor, "supervisor" },
        { "XA", Roles.Prosecutor, "prosecutor" },
        { "XA", Roles.CentralAuthorityOfficer, "central-authority" },
        { "XA", Roles.Auditor, "auditor" },
        { "XA", Roles.NodeAdmin, "node-admin" },
        { "UN", Roles.SecretariatOfficer, "secretariat" },
    };

    [Theory]
    [MemberData(nameof(RolesByNode))]
    public async Task EveryNavigationAndDashboardLink_OpensWithoutAccessDenied(string state, string role, string name)
    {
        var node = state == "UN" ? nodes.Network.Secretariat : nodes[state];
        var token = await node.CreateUserWithTokenAsync("walk-" + name, role);
        await using var context = await browser.NewContextAsync(node.BaseAddress, token);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        var roleChip = page.Locator($".role-list [data-role='{role}']");
        await Assertions.Expect(roleChip).ToBeVisibleAsync(new() { Timeout = BrowserFixture.NavigationTimeout });
        Assert.NotEqual(role, (await roleChip.InnerTextAsync()).Trim());

        var links = (await page.Locator("nav.nav a[href], main a[href^='/']").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))"))
            .Where(h => h.StartsWith('/') && !h.StartsWith("/api/", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        Assert.Contains("/", links);
        switch (role)
        {
            case Roles.Supervisor or Roles.DutyOfficer:
                Assert.Contains("/federation", links);
                await Assertions.Expect(page.Locator("#federation-health")).ToBeVisibleAsync();
                await Assertions.Expect(page.Locator("[data-roster-gaps] [data-on-duty-now]")).ToContainTextAsync("Officer XA");
                break;
            case Roles.Prosecutor or Roles.CentralAuthorityOfficer:
                Assert.DoesNotContain("/federation", links);

                // The central authority works its own channel's requests (Art. 40); the guided 24/7 form is not its.
                Assert.Equal(role == Roles.CentralAuthorityOfficer, links.Contains("/requests"));
                Assert.DoesNotContain("/requests/new", links);
                await Assertions.Expect(page.Locator("[data-roster-gaps]")).ToHaveCountAsync(0);
                await Assertions.Expect(page.Locator("#follow-up-due")).ToHaveCountAsync(role == Roles.CentralAuthorityOfficer ? 1 : 0);
                break;
            case Roles.NodeAdmin:
                Assert.Contains("/keys", links);
                Assert.Contains("/directory/manage", links);
                await Assertions.Expect(page.Locator("#keys-card")).ToHaveAttributeAsync("data-in-register", "listed");
                break;
            case Roles.SecretariatOfficer:
                await Assertions.Expect(page.Locator("#register-publication")).ToBeVisibleAsync();
                await Assertions.Expect(page.Locator("#pending-notifications")).ToBeVisibleAsync();
                Assert.Contains("/directory/notifications", links);
                break;
        }

        // The role's own dashboard against every rule and at every width; every page it links to with the role's
        // actions on it against the rules that depend on words (ConsoleWalkTests holds the same pages to every rule).
        var problems = new List<string>();
        await PageChecks.CheckAsync(page, $"{role} /", AxeScope.Full, problems);
        await Screenshots.SaveAsync(page, $"dashboard-{name}-en");

        foreach (var href in links.Where(h => h != "/"))
        {
            var response = await page.GotoAsync(href);
            Assert.True(response is { Status: < 400 }, $"{role}: {href} answered {response?.Status}");
            Assert.DoesNotContain("Access denied", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
            await PageChecks.CheckAsync(page, $"{role} {href}", AxeScope.TextRules, problems);
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problem(s):\n" + string.Join("\n", problems));
    }

    [Fact]
    [Trait("Article", "41")]
    public async Task OtherSidesOverdueAcknowledgement_ShowsInTheInbox_OnTheDashboard_AndOnTheRequest_WithWhomToCall()
    {
        var id = await nodes.SubmitAsync("XA", RequestsNetworkFixture.Draft("emergencyDisclosure", "XA-UI-LATE-ACK"));
        await nodes.DeliverAsync("XA");
        await nodes.DeliverAsync("XB");

        // An emergency disclosure is acknowledged within 15 minutes; 20 have passed.
        nodes.Network.Advance(TimeSpan.FromMinutes(20));
        await using var xa = await browser.NewContextAsync(nodes["XA"].BaseAddress, nodes.DutyTokens["XA"]);
        var page = await xa.NewPageAsync();

        await page.GotoAsync("/requests");
        var row = page.Locator($"tr[data-request='{id}']");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-their-overdue", "acknowledgement", new() { Timeout = BrowserFixture.NavigationTimeout });
        await Assertions.Expect(row).ToHaveAttributeAsync("data-urgency", "overdue");
        await Assertions.Expect(row.Locator("[data-their-overdue]")).ToContainTextAsync("XB has not acknowledged: overdue by 5 min");
        await Assertions.Expect(row.Locator("[data-their-contact='XB'] a[data-channel='phone']").First).ToHaveTextAsync("+1 555 0100");
        await Assertions.Expect(row.Locator("[data-on-duty-now]")).ToContainTextAsync("Officer XB");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync("/");
        var item = page.Locator($".urgent-inbox li[data-request='{id}']");
        await Assertions.Expect(item.Locator("[data-their-overdue]")).ToContainTextAsync("XB has not acknowledged", new() { Timeout = BrowserFixture.NavigationTimeout });
        await Assertions.Expect(item.Locator("a[data-channel='phone']").First).ToHaveTextAsync("+1 555 0100");
        await Screenshots.SaveAsync(page, "dashboard-their-overdue-en");

        await page.GotoAsync($"/requests/{id}");
        var notice = page.Locator("#their-overdue");
        await Assertions.Expect(notice).ToContainTextAsync("Call XB's 24/7 point of contact", new() { Timeout = BrowserFixture.NavigationTimeout });
        await Assertions.Expect(notice).ToContainTextAsync("XB Cybercrime 24/7 desk");
        await Assertions.Expect(notice.Locator("[data-on-duty-now]")).ToContainTextAsync("Officer XB");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
