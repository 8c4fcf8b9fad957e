using System.Net;
using Comity.Node.Features.Requests;
using Comity.Node.Features.Requests.Transitions;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Identity;
using Comity.Node.Kernel;
using Comity.Node.Tests.Features.Directory;
using Comity.Node.Tests.Federation.Envelopes;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;
using Comity.Testing.Databases;
using Comity.Testing.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Tests.Features.Requests;

/// <summary>Three real nodes on loopback: a preservation request from XA to XB, its signed history on both sides, its clocks, and XC kept out.</summary>
public sealed class RequestsFederationTests
{
    [Theory]
    [Trait("Article", "42")]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Preservation_FromXAToXB_BothHoldTheSameSignedHistory_RemindersFire_WithdrawalStopsClocks_XCSeesNothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await RequestsTestKit.StartAsync(provider, ct, "XA", "XB", "XC");
        var (xa, xb, xc) = (network["XA"], network["XB"], network["XC"]);
        using var xaDuty = await xa.DutyAsync();
        using var xbDuty = await xb.DutyAsync();
        using var xcDuty = await xc.DutyAsync();

        // XA submits; the request is routed to XB's 24/7 desk and records who was on duty there.
        var validation = await xaDuty.PostAsync("/api/v1/requests/validate", RequestsTestKit.Preservation("XB")).OkAsync();
        Assert.True(validation.GetProperty("valid").GetBoolean(), validation.ToString());
        Assert.Contains("request.convention-not-in-force", validation.GetProperty("warnings").Strings("code"));
        var submitted = await xaDuty.PostAsync("/api/v1/requests", RequestsTestKit.Preservation("XB")).OkAsync(HttpStatusCode.Created);
        var id = submitted.GetProperty("header").GetProperty("id").GetGuid();
        Assert.Equal("Officer XB", submitted.GetProperty("header").GetProperty("officerOnDutyAtSubmission").GetString());
        Assert.Equal("XB Cybercrime 24/7 desk", submitted.GetProperty("header").GetProperty("requestedOffice").GetString());
        Assert.Equal("submitted", submitted.GetProperty("header").GetProperty("state").GetString());

        await xa.DeliverAsync(ct);
        await xb.DeliverAsync(ct);

        // XB's on-duty officer sees it in the incoming list, acknowledges and preserves for 90 days.
        var incoming = await xbDuty.GetJsonAsync("/api/v1/requests?box=incoming", ct);
        var row = Assert.Single(incoming.GetProperty("items").EnumerateArray());
        Assert.Equal(id, row.GetProperty("id").GetGuid());
        Assert.Equal("received", row.GetProperty("state").GetString());
        Assert.True(row.GetProperty("awaitingUs").GetBoolean());
        Assert.Equal("acknowledgement", row.GetProperty("nextDueKind").GetString());
        var onXb = await xbDuty.GetJsonAsync($"/api/v1/requests/{id}", ct);
        Assert.Equal(["acknowledge"], onXb.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("XA-2026-0042", onXb.GetProperty("header").GetProperty("reference").GetString());
        Assert.Equal("confidential", onXb.GetProperty("conditions").GetProperty("confidentiality").GetString());

        await xbDuty.PostAsync($"/api/v1/requests/{id}/acknowledge", new AcknowledgeInput("On it.")).OkAsync();
        var preserved = await xbDuty.PostAsync($"/api/v1/requests/{id}/preserve", new PreserveInput(Days: 90)).OkAsync();
        Assert.Equal("preserved", preserved.GetProperty("header").GetProperty("state").GetString());
        await xb.DeliverAsync(ct);

        // XA sees each step, signed by XB: the stored JWS verifies against XB's key in the Register XA holds.
        var onXa = await xaDuty.GetJsonAsync($"/api/v1/requests/{id}", ct);
        Assert.Equal("preserved", onXa.GetProperty("header").GetProperty("state").GetString());
        var events = onXa.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["submitted", "received", "acknowledged", "preserved"], events.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(["XA", "XB", "XB", "XB"], events.Select(e => e.GetProperty("node").GetString()));
        var register = await xa.HeldRegisterAsync(ct);
        foreach (var e in events)
        {
            var signature = e.GetProperty("signature");
            Assert.True(signature.GetProperty("verified").GetBoolean(), signature.ToString());
            var node = RegisterLookups.NodeFor(register!, e.GetProperty("node").GetString()!)!;
            var key = node.Keys.Single(k => k.Kid == signature.GetProperty("kid").GetString());
            Assert.True(JwsFlattened.Verify(signature.GetProperty("jws").GetString()!, key.Jwk).IsValid);
        }

        var xbEvents = (await xbDuty.GetJsonAsync($"/api/v1/requests/{id}", ct)).GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(events.Select(e => e.GetProperty("signature").GetProperty("jws").GetString()), xbEvents.Select(e => e.GetProperty("signature").GetProperty("jws").GetString()));
        var until = onXa.GetProperty("preservation").GetProperty("until").GetDateTimeOffset();
        Assert.Equal(RequestsTestKit.Now.AddDays(90), until);

        // Reminders 14 and 3 days before expiry reach XA's duty officers.
        network.Advance(until - RequestsTestKit.Now - TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));
        var first = await xa.SweepClocksAsync();
        Assert.Contains(first, a => a.Clock == "preservationReminder" && a.Due == until.AddDays(-14) && a.Audience == "duty-officer");
        Assert.DoesNotContain(await xb.SweepClocksAsync(), a => a.Clock == "preservationReminder");
        network.Advance(TimeSpan.FromDays(11));
        var second = await xa.SweepClocksAsync();
        Assert.Contains(second, a => a.Clock == "preservationReminder" && a.Due == until.AddDays(-3));
        Assert.DoesNotContain(await xa.SweepClocksAsync(), a => a.Clock == "preservationReminder");
        // Personal access tokens do not outlive 76 days of fake time: the next shift signs in anew.
        using var xaNext = await xa.CreateClientForAsync("duty-next", Roles.DutyOfficer);
        using var xbNext = await xb.CreateClientForAsync("duty-next", Roles.DutyOfficer);
        var alerts = await xaNext.GetJsonAsync("/api/v1/requests/alerts?audience=duty-officer", ct);
        Assert.Equal(2, alerts.GetProperty("items").EnumerateArray().Count(a => a.GetProperty("clock").GetString() == "preservationReminder"));

        // XA's central authority, which files the follow-up, finds the preservation on its dashboard with the clock.
        using var central = new Ui.Browser(xa);
        central.Client.DefaultRequestHeaders.Authorization = new("Bearer", await xa.CreateUserWithTokenAsync("central", Roles.CentralAuthorityOfficer));
        var card = (await central.GetDocumentAsync("/")).QuerySelector($"#follow-up-due li[data-request='{id}']");
        Assert.NotNull(card);
        Assert.True(card.TextContent.Contains("Preservation ends in 2 d 23 h", StringComparison.Ordinal), card.TextContent);
        Assert.Contains(until.UtcDateTime.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), card.TextContent, StringComparison.Ordinal);
        Assert.Null(card.QuerySelector("a[href]"));

        // XA links the follow-up mutual legal assistance request; XB holds it too. The reminders end, the expiry stays.
        await xaNext.PostAsync($"/api/v1/requests/{id}/link-follow-up", new LinkFollowUpInput("MLA-XA-2026-17")).OkAsync();
        Assert.Null((await central.GetDocumentAsync("/")).QuerySelector($"#follow-up-due li[data-request='{id}']"));
        await xa.DeliverAsync(ct);
        var onXbLinked = await xbNext.GetJsonAsync($"/api/v1/requests/{id}", ct);
        Assert.Equal(["MLA-XA-2026-17"], onXbLinked.GetProperty("preservation").GetProperty("followUpReferences").EnumerateArray().Select(f => f.GetString()));
        var onXaLinked = await xaNext.GetJsonAsync($"/api/v1/requests/{id}", ct);
        Assert.Equal(["preservationExpiry"], onXaLinked.GetProperty("clocks").Strings("kind"));
        Assert.False((await xaNext.GetJsonAsync("/api/v1/requests", ct)).GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id).GetProperty("awaitingUs").GetBoolean());

        // Withdrawn: every clock stops on both sides.
        await xaNext.PostAsync($"/api/v1/requests/{id}/withdraw", new WithdrawInput("The suspect was identified otherwise.")).OkAsync();
        await xa.DeliverAsync(ct);
        foreach (var (node, client) in new[] { (xa, xaNext), (xb, xbNext) })
        {
            var detail = await client.GetJsonAsync($"/api/v1/requests/{id}", ct);
            Assert.Equal("withdrawn", detail.GetProperty("header").GetProperty("state").GetString());
            Assert.Empty(detail.GetProperty("clocks").EnumerateArray());
            Assert.Empty(detail.GetProperty("actions").EnumerateArray());
            var stored = await node.QueryAsync(db => db.Requests().AsNoTracking().SingleAsync(r => r.Id == id, ct));
            Assert.False(stored.IsOpen);
            Assert.Null(stored.NextDueAt);
        }

        network.Advance(TimeSpan.FromDays(30));
        Assert.Empty(await xa.SweepClocksAsync());
        Assert.Empty(await xb.SweepClocksAsync());

        // XC never sees the request, and an envelope about it from XC is refused.
        using var xcNext = await xc.CreateClientForAsync("duty-next", Roles.DutyOfficer);
        Assert.Empty((await xcNext.GetJsonAsync("/api/v1/requests", ct)).GetProperty("items").EnumerateArray());
        var (notFound, _) = await xcNext.SendJsonAsync(HttpMethod.Get, $"/api/v1/requests/{id}");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        var forged = new RequestEventEnvelopeV1(id, 6, new RequestEventV1("closed", "requested", xc.Time.GetUtcNow(), "intruder", new RequestEventFieldsV1 { Reason = "x" }));
        var envelope = new EnvelopeV1(1, Guid.CreateVersion7(xc.Time.GetUtcNow()).ToString("D"), "XC", "XB", id.ToString("D"), 1, RequestEventEnvelopeV1.TypeName, xc.Time.GetUtcNow(), RequestJson.ToBody(forged));
        using var refused = await xb.PostEnvelopeAsync(await xc.SignAsync(envelope, ct), ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(RequestEnvelopeRules.NotAParty, (await refused.JsonAsync(ct)).GetProperty("code").GetString());
        Assert.False(await xb.QueryAsync(db => db.Set<InboxEnvelope>().AnyAsync(i => i.From == "XC", ct)));
        Assert.Equal(6, await xb.QueryAsync(db => db.RequestEvents().CountAsync(e => e.RequestId == id, ct)));
    }
}
