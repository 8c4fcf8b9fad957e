using System.Net;
using Comity.Node.Identity;
using Comity.Node.Tests.Federation.Transparency;
using Comity.Node.Tests.Ui;
using Comity.Testing.Nodes;

namespace Comity.Node.Tests.Features.Transparency;

public sealed class LogPageTests
{
    [Fact]
    public async Task AnAuditor_SeesTheLogSizeCheckpointAndEntries_InFrench()
    {
        await using var node = await TestNode.StartAsync(new TestNodeOptions { Demo = true });
        await TransparencyLogTests.RecordAsync(node, 2);
        var checkpoint = await TransparencyLogTests.CheckpointAsync(node);
        await node.CreateUserAsync("audrey", new TestUser { Demo = true }, Roles.Auditor);
        using var browser = new Browser(node);
        using var signIn = await browser.SignInAsync("audrey", TestNode.TestPassword);

        var page = await browser.GetDocumentAsync("/federation/log?culture=fr");

        Assert.Equal("Journal de transparence", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("comity.int/log/XA", page.QuerySelector("[data-origin]")?.TextContent.Trim());
        Assert.StartsWith("comity.int/log/XA\n" + checkpoint.TreeSize + "\n", page.QuerySelector("[data-checkpoint]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(Math.Min(25, checkpoint.TreeSize), page.QuerySelectorAll("tr[data-entry]").Length);
        Assert.NotNull(page.QuerySelector("[data-no-alerts]"));
        Assert.NotNull(page.QuerySelector("nav a[href='/federation/log']"));
    }

    [Fact]
    public async Task ADutyOfficer_IsNotShownTheLog()
    {
        await using var node = await TestNode.StartAsync(new TestNodeOptions { Demo = true });
        await node.CreateUserAsync("dora", new TestUser { Demo = true }, Roles.DutyOfficer);
        using var browser = new Browser(node);
        using var signIn = await browser.SignInAsync("dora", TestNode.TestPassword);

        using var response = await browser.GetAsync("/federation/log");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Null((await browser.GetDocumentAsync("/")).QuerySelector("nav a[href='/federation/log']"));
    }
}
