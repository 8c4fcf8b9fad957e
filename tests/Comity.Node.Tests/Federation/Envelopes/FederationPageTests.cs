using Comity.Node.Identity;
using Comity.Node.Tests.Ui;
using Comity.Testing.Nodes;

namespace Comity.Node.Tests.Federation.Envelopes;

/// <summary>The /federation page: peers with their health, the ping form and its receipt, outbox, inbox.</summary>
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
        Assert.NotNull(page.QuerySelector("meta[http-equiv=refresh]"));

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
}
