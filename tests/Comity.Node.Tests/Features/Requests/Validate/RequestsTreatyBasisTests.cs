using System.Net;
using Comity.Domain.Treaty;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Kernel;
using Comity.Node.Features.Treaty;
using Comity.Node.Identity;
using Comity.Node.Tests.Features.Treaty;
using Comity.Node.Tests.Federation.Envelopes;
using Comity.Testing.Databases;
using Comity.Testing.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Tests.Features.Requests.Validate;

/// <summary>
/// A State node learns whether the Convention is in force between two States from the Register the Secretariat
/// signs: the depositary's in-force dates travel with every publication, so a request on the Convention passes
/// once the depositary's instruments make both States parties (Art. 65), without the State node keeping a registry.
/// </summary>
public sealed class RequestsTreatyBasisTests
{
    [Theory]
    [Trait("Article", "65")]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Submit_OnTheConvention_PassesOnceTheRegisterShowsBothStatesParties(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await RequestsTestKit.StartAsync(provider, ct, "FR", "DE");
        var (france, germany) = (network["FR"], network["DE"]);
        using var duty = await france.DutyAsync();
        var draft = RequestsTestKit.Preservation("DE", basis: "convention", reference: null);

        // Signatures alone: the Convention is not in force, and the Register says so.
        var before = await duty.PostAsync("/api/v1/requests/validate", draft).OkAsync();
        Assert.False(before.GetProperty("valid").GetBoolean());
        Assert.Contains("request.convention-not-in-force", before.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString()));

        // The depositary records forty consents dated 2026-01-05 (France ratifies after its Hanoi signature; Germany
        // and 38 others accede): the Convention enters into force on the 90th day after the fortieth, 2026-04-05 (Art. 65(1)).
        using var depositary = await network.Secretariat.CreateClientForAsync("depositary", Roles.SecretariatOfficer);
        await RecordFortyConsentsAsync(depositary);

        var secretariatSays = await depositary.GetJsonAsync("/api/v1/treaty/in-force?a=FR&b=DE&on=2026-11-02", ct);
        Assert.True(secretariatSays.GetProperty("inForce").GetBoolean());

        // France's node has not fetched the new Register yet: it still refuses, and says by which serial.
        var stale = await duty.PostAsync("/api/v1/requests/validate", draft).OkAsync();
        Assert.False(stale.GetProperty("valid").GetBoolean());

        await france.SyncRegisterAsync(ct);
        var after = await duty.PostAsync("/api/v1/requests/validate", draft).OkAsync();
        Assert.True(after.GetProperty("valid").GetBoolean(), after.ToString());
        var routing = after.GetProperty("routing");
        Assert.True(routing.GetProperty("conventionInForce").GetBoolean());
        Assert.Contains($"according to the Register (serial {routing.GetProperty("registerSerial").GetInt64()})", routing.GetProperty("inForceReason").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(after.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "request.convention-not-in-force");

        // Submitted on the Convention, it reaches Germany's 24/7 desk.
        var submitted = await duty.PostAsync("/api/v1/requests", draft).OkAsync(HttpStatusCode.Created);
        Assert.Equal("convention", submitted.GetProperty("legalBasis").GetProperty("kind").GetString());
        await france.DeliverAsync(ct);
        Assert.Equal(1, await germany.QueryAsync(db => db.Set<InboxEnvelope>().CountAsync(ct)));
    }

    [Theory]
    [Trait("Article", "65")]
    [Trait("Article", "67")]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task StateNode_TreatyRegistry_FollowsTheRegister_AndSaysWhatTheDepositarySays(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await RequestsTestKit.StartAsync(provider, ct, "FR");
        var france = network["FR"];
        using var depositary = await network.Secretariat.CreateClientForAsync("depositary", Roles.SecretariatOfficer);
        using var reader = await france.CreateClientForAsync("reader", Roles.Auditor);
        await RecordFortyConsentsAsync(depositary);
        Assert.Equal(HttpStatusCode.Created, (await depositary.RecordAsync("DE", "denunciation", "2026-03-01")).Response.StatusCode);

        await france.SyncRegisterAsync(ct);

        // Same status, same timeline, same answers on any date as the Secretariat's registry.
        var secretariatStatus = await depositary.GetJsonAsync("/api/v1/treaty/status", ct);
        var stateStatus = await reader.GetJsonAsync("/api/v1/treaty/status", ct);
        foreach (var field in new[] { "signatories", "consentInstruments", "partiesInForce", "entryIntoForce", "timeline" })
        {
            Assert.Equal(secretariatStatus.GetProperty(field).GetRawText(), stateStatus.GetProperty(field).GetRawText());
        }

        Assert.Equal("2026-04-05", stateStatus.GetProperty("entryIntoForce").GetString());
        foreach (var on in new[] { "2026-04-04", "2026-04-05", "2027-02-28", "2027-03-01" })
        {
            var expected = (await depositary.GetJsonAsync($"/api/v1/treaty/in-force?a=FR&b=DE&on={on}", ct)).GetProperty("inForce").GetBoolean();
            Assert.Equal(expected, (await reader.GetJsonAsync($"/api/v1/treaty/in-force?a=FR&b=DE&on={on}", ct)).GetProperty("inForce").GetBoolean());
        }

        Assert.False((await reader.GetJsonAsync("/api/v1/treaty/in-force?a=FR&b=DE&on=2027-03-01", ct)).GetProperty("inForce").GetBoolean());

        // France's own instruments: the seeded signature is kept as seeded; the ratification comes from the Register.
        var instruments = (await reader.GetJsonAsync("/api/v1/treaty/participants/FR", ct)).GetProperty("instruments").EnumerateArray().ToList();
        Assert.Equal(["signature", "ratification"], instruments.Select(i => i.GetProperty("kind").GetString()));
        Assert.StartsWith("Register serial ", instruments[1].GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Register serial", instruments[0].GetProperty("source").GetString(), StringComparison.Ordinal);

        // The pages say which Register the State node's registry follows; the Secretariat's keep their own source.
        var serial = (await reader.GetJsonAsync("/api/v1/register/status", ct)).GetProperty("serial").GetInt64();
        using var statusResponse = await reader.GetAsync("/treaty", ct);
        var statusPage = await statusResponse.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.OK, statusResponse.StatusCode);
        Assert.Contains($"data-register-serial=\"{serial}\"", statusPage, StringComparison.Ordinal);
        using var participantsResponse = await reader.GetAsync("/treaty/participants", ct);
        var participantsPage = await participantsResponse.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.OK, participantsResponse.StatusCode);
        Assert.Contains($"data-register-serial=\"{serial}\"", participantsPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-register-serial", await depositary.GetStringAsync("/treaty", ct), StringComparison.Ordinal);

        // Fetching the same Register again changes nothing.
        var before = await france.QueryAsync(db => db.Instruments().CountAsync(ct));
        await france.SyncRegisterAsync(ct);
        Assert.Equal(before, await france.QueryAsync(db => db.Instruments().CountAsync(ct)));
    }

    /// <summary>Forty consents dated 2026-01-05: France ratifies, Germany and 38 other member States accede.</summary>
    private static async Task RecordFortyConsentsAsync(HttpClient depositary)
    {
        Assert.Equal(HttpStatusCode.Created, (await depositary.RecordAsync("FR", "ratification", "2026-01-05")).Response.StatusCode);
        var accessions = ParticipantCatalogue.All
            .Where(p => p.Kind == ParticipantKind.MemberState && p.Code.Value is not "FR" and not "DE")
            .Select(p => p.Code.Value)
            .Take(38)
            .Prepend("DE");
        foreach (var code in accessions)
        {
            var (response, body) = await depositary.RecordAsync(code, "accession", "2026-01-05");
            Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        }
    }
}
