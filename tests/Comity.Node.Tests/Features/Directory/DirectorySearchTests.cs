using System.Net;
using Comity.Node.Hosting;
using Comity.Node.Identity;
using Comity.Protocol.V1;
using Comity.Testing.Nodes;

namespace Comity.Node.Tests.Features.Directory;

/// <summary>Search over the current Register, with the node's fake clock.</summary>
public sealed class DirectorySearchTests
{
    // Sunday 29 March 2026, 00:00 UTC: Paris springs forward at 01:00 UTC (02:00 CET → 03:00 CEST).
    private static readonly DateTimeOffset BeforeSpringForward = new(2026, 3, 27, 7, 30, 0, TimeSpan.Zero);

    private static RegisterV1 Register(DateTimeOffset from)
    {
        var paris = new DesignationV1("xa-ca", "XA", "XA Ministry of Justice", "centralAuthority", "Art. 40(13)",
            [new ContactChannelV1("email", "entraide@justice.xa.example")], ["fr", "en"], "Europe/Paris",
            [new OfficeHoursV1([1, 2, 3, 4, 5], new TimeOnly(8, 0), new TimeOnly(17, 0))], false, []);
        var poc = new DesignationV1("xa-247", "XA", "XA Cybercrime 24/7 desk", "pointOfContact247", "Art. 41(1)",
            [new ContactChannelV1("phone", "+33 1 40 97 00 00")], ["en", "fr"], "Europe/Paris", [], true,
            [new RosterShiftV1(from.AddDays(-1), from.AddDays(3), "Insp. Camille Martin", [new ContactChannelV1("phone", "+33 6 12 34 56 78")])]);
        var xb = new DesignationV1("xb-ca", "XB", "XB Attorney-General's Chambers", "centralAuthority", "Art. 40(13)",
            [new ContactChannelV1("email", "mla@agc.xb.example")], ["en", "zh-Hans", "ms"], "Asia/Singapore",
            [new OfficeHoursV1([1, 2, 3, 4, 5], new TimeOnly(9, 0), new TimeOnly(18, 0))], false, []);
        var provider = new ServiceProviderV1("p1", "XA", "Nimbus Mail SA", ["webmail"], "XA", ["XA"], new ContactChannelV1("portal", "https://le.nimbus.example/"), null, ["preservation"]);
        return new RegisterV1(1, 7, from, from.AddDays(1), new RegisterTreatyV1(null, null, null), [], [], [paris, poc, xb], [provider]);
    }

    private static async Task<(TestNode Node, FederationFakes Fakes, HttpClient Client)> StartAsync(DateTimeOffset now)
    {
        var fakes = new FederationFakes(now);
        fakes.Register.Set(Register(now), now);
        var node = await TestNode.StartAsync(new TestNodeOptions { Now = now, Services = fakes.AddTo });
        return (node, fakes, await node.CreateClientForAsync("duty", Roles.DutyOfficer));
    }

    [Fact]
    [Trait("Article", "41(1)")]
    public async Task Search_UrgentPreservationInEnglishRightNow_OneQueryRanks247First()
    {
        var (node, fakes, client) = await StartAsync(BeforeSpringForward);
        await using var _ = node;
        using var __ = fakes;
        using var ___ = client;

        var (response, result) = await client.SendJsonAsync(HttpMethod.Get, "/api/v1/directory/search?state=XA&language=en&availableNow=true&tz=Asia/Singapore");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(7, result.GetProperty("registerSerial").GetInt64());
        var cards = result.GetProperty("cards").EnumerateArray().ToList();
        Assert.Equal(["xa-247", "xa-ca"], cards.Select(c => c.GetProperty("designation").GetProperty("id").GetString()));
        Assert.Equal("Insp. Camille Martin", cards[0].GetProperty("onDuty").GetProperty("officer").GetString());
        var hours = cards[1].GetProperty("hours")[0];
        Assert.Equal("08:00–17:00 Europe/Paris", hours.GetProperty("office").GetString());
        Assert.Equal("15:00–00:00 Asia/Singapore", hours.GetProperty("viewer").GetString());
    }

    [Fact]
    public async Task Search_FiltersByRoleLanguageAndText()
    {
        var (node, fakes, client) = await StartAsync(BeforeSpringForward);
        await using var _ = node;
        using var __ = fakes;
        using var ___ = client;

        var (_, zh) = await client.SendJsonAsync(HttpMethod.Get, "/api/v1/directory/search?language=zh");
        Assert.Equal(["xb-ca"], zh.GetProperty("cards").EnumerateArray().Select(c => c.GetProperty("designation").GetProperty("id").GetString()));
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
        var (node, fakes, client) = await StartAsync(new DateTimeOffset(2026, 3, 27, 6, 30, 0, TimeSpan.Zero));
        await using var _ = node;
        using var __ = fakes;
        using var ___ = client;

        Assert.Empty(await AvailableCentralAuthoritiesAsync(client, "XA"));
        node.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(["xa-ca"], await AvailableCentralAuthoritiesAsync(client, "XA"));
        node.Time.SetUtcNow(new DateTimeOffset(2026, 3, 30, 6, 30, 0, TimeSpan.Zero));
        Assert.Equal(["xa-ca"], await AvailableCentralAuthoritiesAsync(client, "XA"));
        node.Time.SetUtcNow(new DateTimeOffset(2026, 3, 30, 15, 30, 0, TimeSpan.Zero));
        Assert.Empty(await AvailableCentralAuthoritiesAsync(client, "XA"));

        // The 24/7 roster ended on 30 March 07:30 UTC: the point is no longer available.
        var (_, poc) = await client.SendJsonAsync(HttpMethod.Get, "/api/v1/directory/search?role=pointOfContact247&availableNow=true");
        Assert.Empty(poc.GetProperty("cards").EnumerateArray());
    }

    [Fact]
    public async Task Search_WithoutRegister_IsEmptyNotAnError()
    {
        var fakes = new FederationFakes(BeforeSpringForward);
        await using var node = await TestNode.StartAsync(new TestNodeOptions { Services = fakes.AddTo, Role = NodeRole.State });
        using var client = await node.CreateClientForAsync("duty", Roles.DutyOfficer);
        var (response, result) = await client.SendJsonAsync(HttpMethod.Get, "/api/v1/directory/search?state=XA");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.GetProperty("registerSerial").ValueKind);
        fakes.Dispose();
    }

    private static async Task<List<string?>> AvailableCentralAuthoritiesAsync(HttpClient client, string state)
    {
        var (_, result) = await client.SendJsonAsync(HttpMethod.Get, $"/api/v1/directory/search?state={state}&role=centralAuthority&availableNow=true");
        return [.. result.GetProperty("cards").EnumerateArray().Select(c => c.GetProperty("designation").GetProperty("id").GetString())];
    }
}
