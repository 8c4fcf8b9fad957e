using System.Net;
using Comity.Node.Identity;
using Comity.Node.Kernel;
using Comity.Node.Tests.Features.Directory;
using Comity.Node.Tests.Federation.Envelopes;
using Comity.Testing.Databases;
using Comity.Testing.Nodes;

namespace Comity.Node.Tests.Features.Requests.Delivery;

/// <summary>
/// A request the other node refused is shown as not delivered everywhere the sender looks (the request, its list row, the
/// Register status, the peer's health), its clocks stop claiming to wait for the other side, and once the cause is fixed
/// "send again" delivers the same signed events.
/// </summary>
public sealed class DeliveryTruthTests
{
    [Theory]
    [Trait("Article", "41")]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task RefusedSubmission_IsNotDelivered_Everywhere_ThenSentAgainOnceTheKeyIsInTheRegister(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await RequestsTestKit.StartAsync(provider, ct, "XA", "XB");
        var (xa, xb) = (network["XA"], network["XB"]);
        using var xaDuty = await xa.DutyAsync();
        using var xaAdmin = await xa.CreateClientForAsync("xa-admin", Roles.NodeAdmin);
        using var xbDuty = await xb.DutyAsync();

        // XA's node takes a new signing key that no Register lists yet: XB's node will refuse what XA signs with it.
        var (rotated, keys) = await xaAdmin.SendJsonAsync(HttpMethod.Post, "/api/v1/keys/rotate", new { overlapDays = 7 });
        Assert.True(rotated.StatusCode == HttpStatusCode.OK, keys.ToString());
        var status = await xaAdmin.GetJsonAsync("/api/v1/register/status", ct);
        Assert.Equal("missing", status.GetProperty("ownKey").GetString());

        var submitted = await xaDuty.PostAsync("/api/v1/requests", RequestsTestKit.Preservation("XB")).OkAsync(HttpStatusCode.Created);
        var id = submitted.GetProperty("header").GetProperty("id").GetGuid();
        await xa.DeliverAsync(ct);

        // The request: not delivered, why, and no clock that waits for XB.
        var onXa = await xaDuty.GetJsonAsync($"/api/v1/requests/{id}", ct);
        var delivery = onXa.GetProperty("delivery");
        Assert.Equal("undeliverable", delivery.GetProperty("status").GetString());
        Assert.Equal("federation.unknown-key", delivery.GetProperty("problemCode").GetString());
        Assert.Equal(401, delivery.GetProperty("problemStatus").GetInt32());
        Assert.Equal("submitted", delivery.GetProperty("eventType").GetString());
        Assert.Equal("XB", delivery.GetProperty("to").GetString());
        Assert.DoesNotContain("acknowledgement", onXa.GetProperty("clocks").Strings("kind"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, onXa.GetProperty("waitingFor").ValueKind);
        var submittedEvent = onXa.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "submitted");
        Assert.Equal("undeliverable", submittedEvent.GetProperty("delivery").GetProperty("status").GetString());

        // The list row comes first and says so; XB has nothing.
        var outgoing = await xaDuty.GetJsonAsync("/api/v1/requests", ct);
        var row = outgoing.GetProperty("items").EnumerateArray().First();
        Assert.Equal(id, row.GetProperty("id").GetGuid());
        Assert.Equal("undeliverable", row.GetProperty("delivery").GetString());
        Assert.Equal("federation.unknown-key", row.GetProperty("deliveryProblem").GetString());
        Assert.Empty((await xbDuty.GetJsonAsync("/api/v1/requests", ct)).GetProperty("items").EnumerateArray());

        // The peer answers, but it is not healthy: it refuses.
        var peers = await xaAdmin.GetJsonAsync("/api/v1/federation/peers", ct);
        var xbHealth = peers.EnumerateArray().Single(p => p.GetProperty("state").GetString() == "XB");
        Assert.Equal("refusing", xbHealth.GetProperty("health").GetString());

        // Nothing is retried by itself.
        network.Advance(TimeSpan.FromHours(1));
        await xa.DeliverAsync(ct);
        Assert.Empty((await xbDuty.GetJsonAsync("/api/v1/requests", ct)).GetProperty("items").EnumerateArray());

        // The cause is fixed: XA's entry, with its new key, is approved into the Register and both nodes fetch it.
        await network.ResubmitOwnEntryAsync("XA");
        await xa.SyncRegisterAsync(ct);
        await xb.SyncRegisterAsync(ct);
        Assert.Equal("listed", (await xaAdmin.GetJsonAsync("/api/v1/register/status", ct)).GetProperty("ownKey").GetString());

        var resent = await xaDuty.PostAsync($"/api/v1/requests/{id}/send-again").OkAsync();
        Assert.Equal(1, resent.GetProperty("resent").GetInt32());
        await xa.DeliverAsync(ct);

        var delivered = await xaDuty.GetJsonAsync($"/api/v1/requests/{id}", ct);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, delivered.GetProperty("delivery").ValueKind);
        Assert.Equal("delivered", delivered.GetProperty("events").EnumerateArray().First().GetProperty("delivery").GetProperty("status").GetString());
        var incoming = await xbDuty.GetJsonAsync("/api/v1/requests?box=incoming", ct);
        Assert.Equal(id, Assert.Single(incoming.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());

        // Sending again what nothing refused is a conflict, named.
        var (again, problem) = await xaDuty.PostAsync($"/api/v1/requests/{id}/send-again");
        using (again)
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Equal("request.nothing-to-send-again", problem.GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task SendAgain_RefusesReadersAndStrangers_AndAnswersNotFoundForAnUnknownRequest()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await RequestsTestKit.StartAsync(DatabaseProvider.Sqlite, ct, "XA");
        var xa = network["XA"];
        var path = $"/api/v1/requests/{Guid.CreateVersion7()}/send-again";

        using var anonymous = xa.CreateClient();
        using (var response = await anonymous.PostAsync(path, null, ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        foreach (var role in new[] { Roles.Auditor, Roles.NodeAdmin, Roles.Prosecutor })
        {
            using var client = await xa.CreateClientForAsync("as-" + role, role);
            using var response = await client.PostAsync(path, null, ct);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using var duty = await xa.DutyAsync();
        var (missing, problem) = await duty.PostAsync(path);
        using (missing)
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("request.not-found", problem.GetProperty("code").GetString());
        }
    }
}
