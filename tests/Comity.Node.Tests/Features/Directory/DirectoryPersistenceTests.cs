using System.Net;
using System.Text.Json;
using Comity.Node.Kernel;
using Comity.Node.Identity;
using Comity.Testing.Databases;
using Comity.Testing.Nodes;

namespace Comity.Node.Tests.Features.Directory;

/// <summary>Own entries and roster gaps on SQLite and PostgreSQL, with fake time.</summary>
public sealed class DirectoryPersistenceTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    [Trait("Article", "41(1)")]
    public async Task OwnEntries_RoundTrip_AndRosterGapsMoveWithTime(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var now = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        await using var node = await TestNode.StartAsync(new TestNodeOptions
        {
            Provider = provider,
            ConnectionString = database.ConnectionString,
            Now = now,
            Settings = new Dictionary<string, string?> { ["Comity:Federation:PublicUrl"] = "https://node.xa.example/" },
        });
        using var admin = await node.CreateClientForAsync("admin", Roles.NodeAdmin);

        await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/directory/own/designations", DirectoryBodies.CentralAuthority());
        var (_, poc) = await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/directory/own/designations", DirectoryBodies.PointOfContact());
        var pocId = poc.GetProperty("id").GetString();
        var (_, before) = await admin.SendJsonAsync(HttpMethod.Get, "/api/v1/directory/own");
        var gap = Assert.Single(before.GetProperty("rosterGaps").EnumerateArray());
        Assert.Equal(now, gap.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(now.AddDays(14), gap.GetProperty("end").GetDateTimeOffset());

        // Ten days of 12-hour shifts: a gap from day 10 to day 14.
        var (set, saved) = await admin.SendJsonAsync(HttpMethod.Put, $"/api/v1/directory/own/designations/{pocId}/roster", DirectoryBodies.Roster(now, 10));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/directory/own/providers", DirectoryBodies.Provider());

        var (_, own) = await admin.SendJsonAsync(HttpMethod.Get, "/api/v1/directory/own");
        gap = Assert.Single(own.GetProperty("rosterGaps").EnumerateArray());
        Assert.Equal(now.AddDays(10), gap.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(now.AddDays(14), gap.GetProperty("end").GetDateTimeOffset());
        Assert.True(own.GetProperty("changedSinceSubmission").GetBoolean());
        Assert.Equal("https://node.xa.example/", own.GetProperty("node").GetProperty("endpoint").GetString());
        var stored = own.GetProperty("designations").EnumerateArray().Single(d => d.GetProperty("id").GetString() == pocId);
        Assert.Equal(JsonSerializer.Serialize(saved), JsonSerializer.Serialize(stored));
        Assert.Equal(20, stored.GetProperty("roster").GetArrayLength());
        var providerJson = own.GetProperty("serviceProviders")[0];
        Assert.Equal(["preservation", "emergencyDisclosure"], providerJson.GetProperty("acceptsDirectly").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("https://le.nimbus.example/", providerJson.GetProperty("lawEnforcementContact").GetProperty("value").GetString());

        // Five days later the window reaches day 19: the gap now runs to its end.
        node.Time.Advance(TimeSpan.FromDays(5));
        var (_, later) = await admin.SendJsonAsync(HttpMethod.Get, "/api/v1/directory/own");
        gap = Assert.Single(later.GetProperty("rosterGaps").EnumerateArray());
        Assert.Equal(now.AddDays(10), gap.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(now.AddDays(19), gap.GetProperty("end").GetDateTimeOffset());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task SecretariatNode_HasNoOwnEntries_Returns409(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = await TestNode.StartAsync(new TestNodeOptions { Role = NodeRole.Secretariat, StateCode = null, Provider = provider, ConnectionString = database.ConnectionString });
        using var admin = await node.CreateClientForAsync("admin", Roles.NodeAdmin);
        var (response, problem) = await admin.SendJsonAsync(HttpMethod.Get, "/api/v1/directory/own");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("directory.not-a-state-node", problem.GetProperty("code").GetString());
    }
}
