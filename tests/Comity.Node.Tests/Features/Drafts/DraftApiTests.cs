using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comity.Node.Features.Drafts.Contracts;
using Comity.Node.Identity;
using Comity.Node.Kernel;
using Comity.Node.Tests.Features.Treaty;
using Comity.Testing.Databases;
using Comity.Testing.Nodes;

namespace Comity.Node.Tests.Features.Drafts;

/// <summary>A State node per provider, started on first use and shared by the draft tests (each test uses users of its own).</summary>
public sealed class DraftNodes : IAsyncDisposable
{
    private readonly Dictionary<DatabaseProvider, TreatyNode> nodes = [];
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<TestNode> GetAsync(DatabaseProvider provider)
    {
        await gate.WaitAsync();
        try
        {
            if (!nodes.TryGetValue(provider, out var node))
            {
                node = await TreatyNode.StartAsync(provider, NodeRole.State);
                nodes[provider] = node;
            }

            return node.Node;
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in nodes.Values)
        {
            await node.DisposeAsync();
        }

        gate.Dispose();
    }
}

/// <summary><c>/api/v1/drafts</c>: a user's drafts hold case content, so only their owner reads, lists or deletes them; on SQLite and PostgreSQL.</summary>
public sealed class DraftApiTests(DraftNodes nodes) : IClassFixture<DraftNodes>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DraftInput Draft(string text) => new(
        "New request · Expedited preservation · XB",
        "/requests/new",
        new Dictionary<string, string?> { ["Draft.Step"] = "3", ["Draft.Kind"] = "expeditedPreservation", ["Draft.SummaryOfFacts"] = text });

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task SaveDraft_ThenReadBack_GivesTheOwnerTheFields_AndAnotherUserNothing(DatabaseProvider provider)
    {
        var node = await nodes.GetAsync(provider);
        using var owner = await node.CreateClientForAsync("draft-owner-" + provider, Roles.DutyOfficer);
        using var other = await node.CreateClientForAsync("draft-other-" + provider, Roles.DutyOfficer);

        using var first = await owner.PutAsJsonAsync("/api/v1/drafts/request-new", Draft("First words."), Ct);
        using var second = await owner.PutAsJsonAsync("/api/v1/drafts/request-new", Draft("Intrusion into a hospital's network."), Ct);
        var mine = await owner.GetFromJsonAsync<JsonElement>("/api/v1/drafts/request-new", Ct);
        var listed = await owner.GetFromJsonAsync<JsonElement>("/api/v1/drafts", Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("Intrusion into a hospital's network.", mine.GetProperty("fields").GetProperty("Draft.SummaryOfFacts").GetString());
        Assert.Equal("/requests/new", mine.GetProperty("href").GetString());
        var item = Assert.Single(listed.GetProperty("items").EnumerateArray());
        Assert.Equal("request-new", item.GetProperty("key").GetString());
        Assert.False(item.TryGetProperty("fields", out _));

        // Another officer of the same node: the same key is simply not theirs.
        using var read = await other.GetAsync("/api/v1/drafts/request-new", Ct);
        using var deleted = await other.DeleteAsync("/api/v1/drafts/request-new", Ct);
        var theirs = await other.GetFromJsonAsync<JsonElement>("/api/v1/drafts", Ct);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal("draft.not-found", (await read.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
        Assert.Equal(0, theirs.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/v1/drafts/request-new", Ct)).StatusCode);

        using var discarded = await owner.DeleteAsync("/api/v1/drafts/request-new", Ct);
        using var gone = await owner.GetAsync("/api/v1/drafts/request-new", Ct);
        Assert.Equal(HttpStatusCode.NoContent, discarded.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task SaveDraft_Anonymous_Returns401(DatabaseProvider provider)
    {
        var node = await nodes.GetAsync(provider);
        using var anonymous = node.CreateClient();

        using var put = await anonymous.PutAsJsonAsync("/api/v1/drafts/request-new", Draft("x"), Ct);
        using var get = await anonymous.GetAsync("/api/v1/drafts/request-new", Ct);
        using var delete = await anonymous.DeleteAsync("/api/v1/drafts/request-new", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, put.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, delete.StatusCode);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task SaveDraft_LargerThanTheLimit_Returns413ProblemNamingTheFieldAndLimit_AndKeepsThePreviousDraft(DatabaseProvider provider)
    {
        var node = await nodes.GetAsync(provider);
        using var owner = await node.CreateClientForAsync("draft-large-" + provider, Roles.DutyOfficer);
        using var kept = await owner.PutAsJsonAsync("/api/v1/drafts/request-new", Draft("Kept."), Ct);

        using var large = await owner.PutAsJsonAsync("/api/v1/drafts/request-new", Draft(new string('x', DraftLimits.Characters + 1)), Ct);
        var problem = await large.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var still = await owner.GetFromJsonAsync<JsonElement>("/api/v1/drafts/request-new", Ct);

        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal("application/problem+json", large.Content.Headers.ContentType?.MediaType);
        Assert.Equal("draft.too-large", problem.GetProperty("code").GetString());
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("fields", error.GetProperty("field").GetString());
        Assert.Equal(DraftLimits.Characters, error.GetProperty("limit").GetInt32());
        Assert.Equal("Kept.", still.GetProperty("fields").GetProperty("Draft.SummaryOfFacts").GetString());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task SaveDraft_WithABadKeyOrAnotherSitesPage_Returns400NamingEachField(DatabaseProvider provider)
    {
        var node = await nodes.GetAsync(provider);
        using var owner = await node.CreateClientForAsync("draft-bad-" + provider, Roles.DutyOfficer);

        using var response = await owner.PutAsJsonAsync("/api/v1/drafts/Request_New", new DraftInput("", "//evil.example/phish", null), Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["draft.key-invalid", "draft.title-invalid", "draft.href-invalid", "draft.fields-missing"],
            problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToArray());
        Assert.Equal(["key", "title", "href", "fields"], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToArray());
    }
}
