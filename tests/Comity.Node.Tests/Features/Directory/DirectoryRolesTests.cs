using System.Net;
using AngleSharp.Html.Parser;
using Comity.Node.Identity;
using Comity.Node.Kernel;
using Comity.Testing.Nodes;

namespace Comity.Node.Tests.Features.Directory;

/// <summary>
/// Each node offers its part of the directory: a State node keeps and submits its own entries, the Secretariat receives
/// and reviews them. Elsewhere the API answers with a problem document that says so, and the pages say it in words.
/// </summary>
public sealed class DirectoryRolesTests
{
    private const string NotStateNode = "Directory entries are kept by each State's node and notified to the Secretariat; the Secretariat node has none of its own to edit.";
    private const string NotReviewingNode = "Directory notifications are reviewed on the Secretariat node.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Secretariat_DoesNotOfferOwnEntriesOrTheirSubmission()
    {
        await using var node = await TestNode.StartAsync(new TestNodeOptions { Role = NodeRole.Secretariat, StateCode = null }, Ct);
        using var admin = await node.CreateClientForAsync("admin", Roles.NodeAdmin);

        await AssertProblemAsync(admin, HttpMethod.Post, "/api/v1/directory/own/designations", HttpStatusCode.Conflict, "directory.not-a-state-node", NotStateNode, DirectoryBodies.CentralAuthority());
        await AssertProblemAsync(admin, HttpMethod.Delete, $"/api/v1/directory/own/providers/{Guid.Empty}", HttpStatusCode.Conflict, "directory.not-a-state-node", NotStateNode);
        await AssertProblemAsync(admin, HttpMethod.Post, "/api/v1/directory/own/submit", HttpStatusCode.Conflict, "directory.not-a-state-node", NotStateNode);
        await AssertProblemAsync(admin, HttpMethod.Post, "/api/v1/directory/own/submission/refresh", HttpStatusCode.Conflict, "directory.not-a-state-node", "Only a State node submits directory notifications.");

        var page = await new HtmlParser().ParseDocumentAsync(await admin.GetStringAsync("/directory/manage", Ct), Ct);
        Assert.Equal([NotStateNode], page.QuerySelectorAll(".problem li").Select(li => li.TextContent));
        Assert.Null(page.QuerySelector("input[name='_handler'][value='submit']"));
    }

    [Fact]
    public async Task StateNode_DoesNotOfferTheReviewQueueOrReceiveNotifications()
    {
        await using var node = await TestNode.StartAsync(cancellationToken: Ct);
        using var officer = await node.CreateClientForAsync("officer", Roles.SecretariatOfficer);
        using var anonymous = node.CreateClient();

        await AssertProblemAsync(officer, HttpMethod.Get, "/api/v1/directory/notifications", HttpStatusCode.Conflict, "directory.not-secretariat", NotReviewingNode);
        await AssertProblemAsync(officer, HttpMethod.Post, $"/api/v1/directory/notifications/{Guid.Empty}/approve", HttpStatusCode.Conflict, "directory.not-secretariat", NotReviewingNode);
        await AssertProblemAsync(anonymous, HttpMethod.Post, "/federation/v1/notifications", HttpStatusCode.NotFound, "directory.not-secretariat", "Directory notifications are received by the Secretariat node only.", new { });
        await AssertProblemAsync(anonymous, HttpMethod.Get, $"/federation/v1/notifications/{Guid.Empty}", HttpStatusCode.NotFound, "directory.unknown-notification", "There is no notification with this id.");

        var page = await new HtmlParser().ParseDocumentAsync(await officer.GetStringAsync("/directory/notifications", Ct), Ct);
        Assert.Equal([NotReviewingNode], page.QuerySelectorAll(".problem li").Select(li => li.TextContent));
    }

    private static async Task AssertProblemAsync(HttpClient client, HttpMethod method, string path, HttpStatusCode status, string code, string detail, object? body = null)
    {
        var (response, problem) = await client.SendJsonAsync(method, path, body);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
        Assert.Equal(status == HttpStatusCode.NotFound ? "Not found." : "Conflict.", problem.GetProperty("title").GetString());
        Assert.Equal("https://comity.invalid/problems/" + code, problem.GetProperty("type").GetString());
    }
}
