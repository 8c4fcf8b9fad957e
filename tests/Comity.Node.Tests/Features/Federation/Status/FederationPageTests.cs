using System.Net;
using Comity.Node.Identity;
using Comity.Node.Kernel;
using Comity.Node.Tests.Federation.Envelopes;
using Comity.Node.Tests.Ui;
using Comity.Testing.Databases;
using Comity.Testing.Nodes;

namespace Comity.Node.Tests.Features.Federation.Status;

/// <summary>The /federation page: peers with their health, the ping form and its receipt, outbox, inbox, and the retry of a refused envelope.</summary>
public sealed class FederationPageTests
{
    [Fact]
    public async Task DutyOfficer_SendsAPingFromThePage_AndSeesTheReceipt()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = EnvelopeTestKit.Settings();
        settings["Comity:Demo"] = "true";
        await using var network = await EnvelopeTestKit.StartAsync(settings, ct, "XA", "XB");
        var xa = network["XA"];
        await xa.CreateUserAsync("amal", new TestUser { Demo = true }, Roles.DutyOfficer);
        using var browser = new Browser(xa);
        using var signIn = await browser.SignInAsync("amal", TestNode.TestPassword);

        var page = await browser.GetDocumentAsync("/federation");
        Assert.Equal(["UN", "XB"], page.QuerySelectorAll("tr[data-peer]").Select(r => r.GetAttribute("data-peer")));
        // No reload of its own (it would wipe a half-typed ping): a script replaces the read-only regions it names.
        Assert.Null(page.QuerySelector("meta[http-equiv=refresh]"));
        Assert.Equal("federation-peers federation-outbox federation-inbox federation-alerts", page.QuerySelector("[data-refresh-regions]")?.GetAttribute("data-refresh-regions"));
        Assert.NotNull(page.QuerySelector("script[src*='js/federation']"));

        using var sent = await browser.SubmitAsync("/federation", "ping", new Dictionary<string, string> { ["Ping.To"] = "XB", ["Ping.Message"] = "from the page" });
        var result = await Browser.ParseAsync(sent);

        Assert.Equal("delivered", result.QuerySelector("[data-ping-result]")?.GetAttribute("data-ping-result"));
        Assert.Equal("true", result.QuerySelector("[data-checkpoint]")?.GetAttribute("data-checkpoint"));
        Assert.Equal("delivered", result.QuerySelector("tr[data-envelope]")?.GetAttribute("data-status"));

        await network["XB"].CreateUserAsync("bo", new TestUser { Demo = true }, Roles.Auditor);
        using var xbBrowser = new Browser(network["XB"]);
        using var xbSignIn = await xbBrowser.SignInAsync("bo", TestNode.TestPassword);
        var inbox = await xbBrowser.GetDocumentAsync("/federation?culture=fr");
        Assert.Equal("applied", inbox.QuerySelector("table[data-inbox] tr[data-envelope]")?.GetAttribute("data-status"));
        Assert.Null(inbox.QuerySelector("form input[name=_handler][value=ping]"));
        Assert.Equal("Fédération", inbox.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task FederationPage_OffersTheRetryToAdministratorsOnly_AndShowsItsOutcome()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, ct);
        await using var network = await EnvelopeTestKit.StartAsync(EnvelopeTestKit.Settings(worker: false), ct, "XA");
        await using var xb = await InboxOrderingTests.JoinAsync(network, "XB", database, ct, demo: true);
        var xa = network["XA"];
        var now = xb.Time.GetUtcNow();
        var first = EnvelopeTestKit.Envelope("XA", "XB", "page-retry", 1, ProbeEnvelope.TypeName, now);
        var second = EnvelopeTestKit.Envelope("XA", "XB", "page-retry", 2, ProbeEnvelope.TypeName, now);
        using (var early = await xb.PostEnvelopeAsync(await xa.SignAsync(second, ct), ct))
        {
            Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        }

        xb.Order().FailConversation = "page-retry";
        xb.Order().FailSeq = 2;
        using (var arrived = await xb.PostEnvelopeAsync(await xa.SignAsync(first, ct), ct))
        {
            Assert.Equal(HttpStatusCode.OK, arrived.StatusCode);
        }

        await xb.CreateUserAsync("ines", new TestUser { Demo = true }, Roles.NodeAdmin);
        await xb.CreateUserAsync("bo", new TestUser { Demo = true }, Roles.Auditor);
        using var auditor = new Browser(xb);
        using (await auditor.SignInAsync("bo", TestNode.TestPassword))
        {
            var seen = await auditor.GetDocumentAsync("/federation");
            Assert.NotNull(seen.QuerySelector("tr[data-alert='successor-refused']"));
            Assert.Null(seen.QuerySelector("[data-retry]"));

            // A post the page never offered to an auditor changes nothing, even once the cause is gone.
            xb.Order().FailConversation = null;
            using var forged = await auditor.SubmitAsync("/federation", "retry", new Dictionary<string, string> { ["Retry.Envelope"] = second.Id });
            Assert.Null((await Browser.ParseAsync(forged)).QuerySelector("[data-retry-result]"));
            Assert.Equal([1L], xb.Order().Applied.Where(a => a.Conversation == "page-retry").Select(a => a.Seq));
        }

        using var admin = new Browser(xb);
        using var signIn = await admin.SignInAsync("ines", TestNode.TestPassword);
        var page = await admin.GetDocumentAsync("/federation");
        Assert.Equal(second.Id, page.QuerySelector("tr[data-alert='successor-refused'] [data-retry]")?.GetAttribute("data-retry"));

        using var posted = await admin.SubmitAsync("/federation", "retry", new Dictionary<string, string> { ["Retry.Envelope"] = second.Id });
        var result = await Browser.ParseAsync(posted);

        Assert.Equal("Applied", result.QuerySelector("[data-retry-result]")?.GetAttribute("data-retry-result"));
        Assert.Null(result.QuerySelector("[data-retry]"));
        Assert.Equal([1L, 2L], xb.Order().Applied.Where(a => a.Conversation == "page-retry").Select(a => a.Seq));
    }
}
