using System.Net;
using Comity.Node.Features.Directory.Manage;
using Comity.Node.Kernel;
using Comity.Node.Identity;
using Comity.Protocol.V1;
using Comity.Testing.Nodes;

namespace Comity.Node.Tests.Features.Directory;

/// <summary>Search over the Register a State node holds after a real sync, with the node's fake clock.</summary>
public sealed class DirectorySearchTests
{
    // Sunday 29 March 2026, 00:00 UTC: Paris springs forward at 01:00 UTC (02:00 CET → 03:00 CEST).
    private static readonly DateTimeOffset BeforeSpringForward = new(2026, 3, 27, 7, 30, 0, TimeSpan.Zero);

    /// <summary>
    /// A real Register holding XA's and XB's directories: each State node enters its offices, submits
    /// them signed, the Secretariat approves both (serials 2 and 3), and XA's node syncs. Searches run
    /// on XA's node.
    /// </summary>
    private sealed class SearchFederation(DirectoryFederation federation, HttpClient client, Dictionary<string, string> ids, long serial) : IAsyncDisposable
    {
        public TestNode Node => federation.State;

        public HttpClient Client => client;

        /// <summary>The Register serial XA's node holds: the Secretariat's latest.</summary>
        public long Serial => serial;

        /// <summary>The id the node gave each designation, by a short name.</summary>
        public string Id(string name) => ids[name];

        public async ValueTask DisposeAsync()
        {
            client.Dispose();
            await federation.DisposeAsync();
        }
    }

    private static async Task<SearchFederation> StartAsync(DateTimeOffset from)
    {
        var federation = await DirectoryFederation.StartAsync("XA", from);
        try
        {
            var ids = new Dictionary<string, string>(StringComparer.Ordinal);
            using (var xa = await federation.State.AdminAsync())
            {
                ids["xa-ca"] = await CreateAsync(xa, new DesignationInput(null, "XA Ministry of Justice", "centralAuthority",
                    [new ContactChannelV1("email", "entraide@justice.xa.example")], ["fr", "en"], "Europe/Paris",
                    [new OfficeHoursV1([1, 2, 3, 4, 5], new TimeOnly(8, 0), new TimeOnly(17, 0))], false));
                ids["xa-247"] = await CreateAsync(xa, new DesignationInput(null, "XA Cybercrime 24/7 desk", "pointOfContact247",
                    [new ContactChannelV1("phone", "+33 1 40 97 00 00")], ["en", "fr"], "Europe/Paris", [], true));
                var (rostered, roster) = await xa.SendJsonAsync(HttpMethod.Put, $"/api/v1/directory/own/designations/{ids["xa-247"]}/roster", new RosterInput(
                    [new RosterShiftV1(from.AddDays(-1), from.AddDays(3), "Insp. Camille Martin", [new ContactChannelV1("phone", "+33 6 12 34 56 78")])]));
                Assert.True(rostered.StatusCode == HttpStatusCode.OK, roster.ToString());
                var (listed, provider) = await xa.SendJsonAsync(HttpMethod.Post, "/api/v1/directory/own/providers", new ServiceProviderInput(null, "Nimbus Mail SA", ["webmail"], "XA", ["XA"],
                    new ContactChannelV1("portal", "https://le.nimbus.example/"), null, ["preservation"]));
                Assert.True(listed.StatusCode == HttpStatusCode.Created, provider.ToString());
            }

            await federation.SubmitAndApproveAsync(federation.State);
            var xbNode = await federation.StartStateAsync("XB");
            using (var xb = await xbNode.AdminAsync())
            {
                ids["xb-ca"] = await CreateAsync(xb, new DesignationInput(null, "XB Attorney-General's Chambers", "centralAuthority",
                    [new ContactChannelV1("email", "mla@agc.xb.example")], ["en", "zh-Hans", "ms"], "Asia/Singapore",
                    [new OfficeHoursV1([1, 2, 3, 4, 5], new TimeOnly(9, 0), new TimeOnly(18, 0))], false));
            }

            await federation.SubmitAndApproveAsync(xbNode);
            var published = await federation.PublishedRegisterAsync();
            Assert.Equal(3, published.Serial);
            Assert.Equal(["UN", "XA", "XB"], published.Nodes.Select(n => n.State));
            await federation.SyncRegisterAsync();
            Assert.Equal(published.Serial, (await federation.State.HeldRegisterAsync(TestContext.Current.CancellationToken))!.Serial);
            return new SearchFederation(federation, await federation.State.CreateClientForAsync("duty", Roles.DutyOfficer), ids, published.Serial);
        }
        catch
        {
            await federation.DisposeAsync();
            throw;
        }
    }

    private static async Task<string> CreateAsync(HttpClient admin, DesignationInput input)
    {
        var (created, body) = await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/directory/own/designations", input);
        Assert.True(created.StatusCode == HttpStatusCode.Created, body.ToString());
        return body.GetProperty("id").GetString()!;
    }

    [Fact]
    [Trait("Article", "41(1)")]
    public async Task Search_UrgentPreservationInEnglishRightNow_OneQueryRanks247First()
    {
        await using var federation = await StartAsync(BeforeSpringForward);
        var client = federation.Client;

        var (response, result) = await client.SendJsonAsync(HttpMethod.Get, "/api/v1/directory/search?state=XA&language=en&availableNow=true&tz=Asia/Singapore");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(federation.Serial, result.GetProperty("registerSerial").GetInt64());
        var cards = result.GetProperty("cards").EnumerateArray().ToList();
        Assert.Equal([federation.Id("xa-247"), federation.Id("xa-ca")], cards.Select(c => c.GetProperty("designation").GetProperty("id").GetString()));
        Assert.Equal("Insp. Camille Martin", cards[0].GetProperty("onDuty").GetProperty("officer").GetString());
        var hours = cards[1].GetProperty("hours")[0];
        Assert.Equal("08:00–17:00 Europe/Paris", hours.GetProperty("office").GetString());
        Assert.Equal("15:00–00:00 Asia/Singapore", hours.GetProperty("viewer").GetString());
    }

    [Fact]
    public async Task Search_FiltersByRoleLanguageAndText()
    {
        await using var federation = await StartAsync(BeforeSpringForward);
        var client = federation.Client;

        var (_, zh) = await client.SendJsonAsync(HttpMethod.Get, "/api/v1/directory/search?language=zh");
        Assert.Equal([federation.Id("xb-ca")], zh.GetProperty("cards").EnumerateArray().Select(c => c.GetProperty("designation").GetProperty("id").GetString()));
        var (_, roles) = await client.SendJsonAsync(HttpMethod.Get, "/api/v1/directory/search?role=pointOfContact247");
        Assert.Single(roles.GetProperty("cards").EnumerateArray());
        Assert.Empty(roles.GetProperty("serviceProviders").EnumerateArray());
        var (_, text) = await client.SendJsonAsync(HttpMethod.Get, "/api/v1/directory/search?q=nimbus");
        Assert.Empty(text.GetProperty("cards").EnumerateArray());
        Assert.Equal("Nimbus Mail SA", text.GetProperty("serviceProviders")[0].GetProperty("name").GetString());
        var (bad, problem) = await client.SendJsonAsync(HttpMethod.Get, "/api/v1/directory/search?role=judge&tz=Nowhere/City&language=english");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["role", "language", "tz"], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task Search_AvailableNow_FollowsParisAcrossSpringForward()
    {
        // Friday 27 March 07:30 UTC is 08:30 CET: open. Monday 30 March 06:30 UTC is 08:30 CEST: open; 06:30 UTC on Friday was 07:30 CET: closed.
        await using var federation = await StartAsync(new DateTimeOffset(2026, 3, 27, 6, 30, 0, TimeSpan.Zero));
        var (node, client) = (federation.Node, federation.Client);

        Assert.Empty(await AvailableCentralAuthoritiesAsync(client, "XA"));
        node.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal([federation.Id("xa-ca")], await AvailableCentralAuthoritiesAsync(client, "XA"));
        node.Time.SetUtcNow(new DateTimeOffset(2026, 3, 30, 6, 30, 0, TimeSpan.Zero));
        Assert.Equal([federation.Id("xa-ca")], await AvailableCentralAuthoritiesAsync(client, "XA"));
        node.Time.SetUtcNow(new DateTimeOffset(2026, 3, 30, 15, 30, 0, TimeSpan.Zero));
        Assert.Empty(await AvailableCentralAuthoritiesAsync(client, "XA"));

        // The 24/7 roster ended on 30 March 06:30 UTC: the point is no longer available.
        var (_, poc) = await client.SendJsonAsync(HttpMethod.Get, "/api/v1/directory/search?role=pointOfContact247&availableNow=true");
        Assert.Empty(poc.GetProperty("cards").EnumerateArray());
    }

    [Fact]
    public async Task Search_WithoutRegister_IsEmptyNotAnError()
    {
        // A State node not (yet) configured with a Secretariat holds no Register.
        await using var node = await TestNode.StartAsync(new TestNodeOptions { Now = BeforeSpringForward, Role = NodeRole.State });
        using var client = await node.CreateClientForAsync("duty", Roles.DutyOfficer);
        var (response, result) = await client.SendJsonAsync(HttpMethod.Get, "/api/v1/directory/search?state=XA");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.GetProperty("registerSerial").ValueKind);
        Assert.Empty(result.GetProperty("cards").EnumerateArray());
    }

    private static async Task<List<string?>> AvailableCentralAuthoritiesAsync(HttpClient client, string state)
    {
        var (_, result) = await client.SendJsonAsync(HttpMethod.Get, $"/api/v1/directory/search?state={state}&role=centralAuthority&availableNow=true");
        return [.. result.GetProperty("cards").EnumerateArray().Select(c => c.GetProperty("designation").GetProperty("id").GetString())];
    }
}
