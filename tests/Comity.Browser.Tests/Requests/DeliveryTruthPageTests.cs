using System.Net.Http.Json;
using Comity.Node.Identity;
using Microsoft.Playwright;

namespace Comity.Browser.Tests.Requests;

/// <summary>
/// XA's node took a new signing key that no Register lists yet, so XB's node refused XA's request (401
/// <c>federation.unknown-key</c>). What XA's duty officer sees: the refusal in red on the request page with the reason and
/// what to do, no clock waiting for XB, the row first in the inbox and on the dashboard, and the status bar naming the cause.
/// </summary>
public sealed class DeliveryTruthPageTests(BrowserFixture browser, DeliveryTruthPageTests.RefusedRequestFixture nodes)
    : IClassFixture<DeliveryTruthPageTests.RefusedRequestFixture>
{
    [Fact]
    [Trait("Article", "41")]
    public async Task RefusedRequest_IsShownAsNotDelivered_OnTheRequestPage_TheInbox_TheDashboard_AndTheStatusBar()
    {
        await using var xa = await browser.NewContextAsync(nodes.Requests["XA"].BaseAddress, nodes.Requests.DutyTokens["XA"]);
        var page = await xa.NewPageAsync();

        await page.GotoAsync($"/requests/{nodes.RefusedId}");
        var problem = page.Locator("#delivery-problem[data-delivery='undeliverable']");
        await Assertions.Expect(problem).ToBeVisibleAsync(new() { Timeout = BrowserFixture.NavigationTimeout });
        await Assertions.Expect(problem).ToHaveAttributeAsync("data-problem-code", "federation.unknown-key");
        await Assertions.Expect(problem.Locator("h2")).ToContainTextAsync("Not delivered: XB's node refused it");
        await Assertions.Expect(problem).ToContainTextAsync("does not find this node's signing key");
        await Assertions.Expect(problem).ToContainTextAsync("call XB's 24/7 point of contact");
        await Assertions.Expect(problem.Locator("#send-again button")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#clocks-not-started")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#request-clocks [data-clock='acknowledgement']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#sent-notice")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#request-timeline li[data-event='submitted'] .delivery[data-delivery='undeliverable']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#own-key-missing")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "requests-not-delivered-en");

        await page.GotoAsync("/requests");
        var row = page.Locator($"tr[data-request='{nodes.RefusedId}']");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-delivery", "undeliverable", new() { Timeout = BrowserFixture.NavigationTimeout });
        await Assertions.Expect(row.Locator("[data-delivery-chip='undeliverable']")).ToHaveTextAsync("Not delivered");
        await Assertions.Expect(page.Locator("table[data-box='outgoing'] tbody tr").First).ToHaveAttributeAsync("data-request", nodes.RefusedId.ToString());
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync("/");
        var item = page.Locator($".urgent-inbox li[data-request='{nodes.RefusedId}']");
        await Assertions.Expect(item.Locator("[data-delivery-chip='undeliverable']")).ToBeVisibleAsync(new() { Timeout = BrowserFixture.NavigationTimeout });
        await Assertions.Expect(page.Locator("#own-key-missing")).ToContainTextAsync("other nodes refuse what it sends");
    }

    /// <summary>The requests network, then XA's keys rotated without a Register that lists the new one, and a request XB refuses.</summary>
    public sealed class RefusedRequestFixture : IAsyncLifetime
    {
        public RequestsNetworkFixture Requests { get; } = new();

        public Guid RefusedId { get; private set; }

        public async ValueTask InitializeAsync()
        {
            await Requests.InitializeAsync();
            using (var admin = await Requests["XA"].CreateClientForAsync("keys-admin", Roles.NodeAdmin))
            using (var rotated = await admin.PostAsJsonAsync("/api/v1/keys/rotate", new { overlapDays = 7 }))
            {
                rotated.EnsureSuccessStatusCode();
            }

            RefusedId = await Requests.SubmitAsync("XA", RequestsNetworkFixture.Draft("expeditedPreservation", "XA-UI-REFUSED-1"));
            await Requests.DeliverAsync("XA");
        }

        public async ValueTask DisposeAsync() => await Requests.DisposeAsync();
    }
}
