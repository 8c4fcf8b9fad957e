using System.Globalization;
using System.Net;
using Comity.Domain.Legal;
using Comity.Node.Kernel;
using Comity.Node.Identity;
using Comity.Testing.Databases;

namespace Comity.Node.Tests.Features.Treaty;

/// <summary>Tests that need a node of their own: the seed, restarts, State nodes, entry into force.</summary>
public sealed class TreatyLifecycleTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    [Trait("Article", "64(1)")]
    public async Task Seed_OnFreshNodeAndAfterRestart_Has31SignatoriesAndNoParties(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var first = await TreatyNode.StartOnAsync(database))
        {
            using var client = await first.CreateClientForAsync("olga", Roles.DutyOfficer);
            var status = await client.GetJsonAsync("/api/v1/treaty/status");
            var eu = await client.GetJsonAsync("/api/v1/treaty/participants/EU");

            Assert.Equal(31, status.GetProperty("signatories").GetInt32());
            Assert.Equal(0, status.GetProperty("partiesInForce").GetInt32());
            Assert.Equal(0, status.GetProperty("consentInstruments").GetInt32());
            Assert.Equal("UN Treaty Collection, MTDSG XVIII-16", status.GetProperty("source").GetProperty("name").GetString());
            Assert.Equal("2025-11-16", status.GetProperty("source").GetProperty("statusDate").GetString());
            Assert.Equal("2025-10-25", eu.GetProperty("signedOn").GetString());
            Assert.Equal("untc-signatures-2025-11.csv", eu.GetProperty("instruments")[0].GetProperty("source").GetString());
        }

        await using var second = await TreatyNode.StartOnAsync(database);
        using var again = await second.CreateClientForAsync("olga", Roles.DutyOfficer);

        Assert.Equal(31, await again.InstrumentCountAsync());
    }

    [Fact]
    public async Task Seed_OnStateNode_IsPresentToo()
    {
        await using var node = await TreatyNode.StartAsync(DatabaseProvider.Sqlite, NodeRole.State);
        using var client = await node.Node.CreateClientForAsync("olga", Roles.DutyOfficer);

        var status = await client.GetJsonAsync("/api/v1/treaty/status");

        Assert.Equal(31, status.GetProperty("signatories").GetInt32());
    }

    [Fact]
    public async Task RecordInstrument_OnStateNode_Returns409NotSecretariat()
    {
        await using var node = await TreatyNode.StartAsync(DatabaseProvider.Sqlite, NodeRole.State);
        using var client = await node.Node.CreateClientForAsync("sofia", Roles.SecretariatOfficer);

        var (response, problem) = await client.RecordAsync("Brazil", "ratification", "2026-06-01");
        var (declaration, _) = await client.PostJsonAsync("/api/v1/treaty/declarations", new { participant = "BR", kind = "declaration", article = "64", date = "2026-06-01", text = "x" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("treaty.not-secretariat", problem.GetProperty("code").GetString());
        Assert.Contains("Secretariat", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, declaration.StatusCode);
        Assert.Equal(31, await client.InstrumentCountAsync());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    [Trait("Article", "65(1)")]
    [Trait("Article", "65(2)")]
    public async Task Record40Instruments_EntryIntoForceIsNinetyDaysAfterTheFortieth(DatabaseProvider provider)
    {
        await using var node = await TreatyNode.StartAsync(provider);
        using var client = await node.Node.CreateClientForAsync("sofia", Roles.SecretariatOfficer);
        var signatories = (await client.GetJsonAsync("/api/v1/treaty/participants?status=signatory&kind=memberState"))
            .EnumerateArray().Select(p => p.GetProperty("code").GetString()!).Order(StringComparer.Ordinal).ToList();
        var others = (await client.GetJsonAsync("/api/v1/treaty/participants?status=none&kind=memberState"))
            .EnumerateArray().Select(p => p.GetProperty("code").GetString()!).Order(StringComparer.Ordinal).ToList();
        var needed = ConventionNumbers.InstrumentsForEntryIntoForce.Value;
        var deposits = signatories.Select(c => (Code: c, Kind: "ratification"))
            .Concat(others.Select(c => (Code: c, Kind: "accession")))
            .Take(needed + 1)
            .ToList();
        var first = new DateOnly(2026, 1, 5);

        // The 41st comes 85 days after the 40th, so its own 30 days end after the general date (Art. 65(2)).
        for (var i = 0; i < deposits.Count; i++)
        {
            var date = i < needed ? first.AddDays(i) : first.AddDays(needed - 1 + 85);
            var (response, body) = await client.RecordAsync(deposits[i].Code, deposits[i].Kind, Iso(date));
            Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        }

        var fortieth = first.AddDays(needed - 1);
        var entryIntoForce = fortieth.AddDays(ConventionNumbers.DaysAfterFortiethInstrument.Value);
        var status = await client.GetJsonAsync("/api/v1/treaty/status");
        var before = await client.GetJsonAsync($"/api/v1/treaty/status?asOf={Iso(fortieth.AddDays(-1))}");
        var (a, b, late) = (deposits[0].Code, deposits[needed - 1].Code, deposits[needed].Code);
        var inForce = await client.GetJsonAsync($"/api/v1/treaty/in-force?a={a}&b={b}&on={Iso(entryIntoForce)}");
        var notYet = await client.GetJsonAsync($"/api/v1/treaty/in-force?a={a}&b={b}&on={Iso(entryIntoForce.AddDays(-1))}");
        var lateJoiner = await client.GetJsonAsync($"/api/v1/treaty/in-force?a={a}&b={late}&on={Iso(entryIntoForce)}");

        Assert.Equal(Iso(entryIntoForce), status.GetProperty("entryIntoForce").GetString());
        Assert.Contains(status.GetProperty("thresholds").EnumerateArray(), t =>
            t.GetProperty("name").GetString() == "entryIntoForce" && t.GetProperty("date").GetString() == Iso(entryIntoForce) && t.GetProperty("basis").GetString() == "Art. 65(1)");
        Assert.Contains(status.GetProperty("thresholds").EnumerateArray(), t =>
            t.GetProperty("name").GetString() == "fortiethInstrument" && t.GetProperty("date").GetString() == Iso(fortieth));
        Assert.Equal(JsonValueKindNull, before.GetProperty("entryIntoForce").ValueKind);
        Assert.True(inForce.GetProperty("inForce").GetBoolean());
        Assert.False(notYet.GetProperty("inForce").GetBoolean());
        Assert.False(lateJoiner.GetProperty("inForce").GetBoolean());
        Assert.Contains("Art. 65", lateJoiner.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
