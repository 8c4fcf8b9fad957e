using System.Net;
using System.Text;
using System.Text.Json;
using Comity.Node.Features.Federation.Ping;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Identity;
using Comity.Protocol.V1;
using Comity.Node.Tests.Federation.Envelopes;
using Comity.Testing.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Tests.Features.Federation.Ping;

/// <summary>Pings between real nodes on loopback: outbox, delivery, inbox, receipts, and the API that shows them.</summary>
public sealed class PingDeliveryTests
{
    [Fact]
    public async Task Ping_WithWait_IsDeliveredAndTheSenderKeepsAVerifiedReceipt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await EnvelopeTestKit.StartAsync(EnvelopeTestKit.Settings(), ct, "XA", "XB");
        using var officer = await network["XA"].CreateClientForAsync("duty", Roles.DutyOfficer);

        var ping = await officer.PingAsync(new { to = "XB", message = "Bonjour de XA — 你好", wait = true }, ct, expectedStatus: 200);

        Assert.Equal("delivered", ping.GetProperty("status").GetString());
        Assert.Equal("XB", ping.GetProperty("receiver").GetString());
        Assert.Equal(1, ping.GetProperty("seq").GetInt64());
        Assert.True(ping.GetProperty("checkpointPresent").GetBoolean()); // XB's transparency log signs a checkpoint at start-up; receipts carry the latest one.
        var id = ping.GetProperty("envelopeId").GetGuid();
        var row = await network["XA"].OutboxRowAsync(id);
        Assert.Equal(OutboxStatus.Delivered, row.Status);
        Assert.True(row.ReceiptVerified);
        Assert.Equal(1, row.Attempts);
        var register = await network["XA"].HeldRegisterAsync(ct);
        var verification = ReceiptVerifier.Verify(ping.GetProperty("receipt").GetString()!, row.Bytes, register!, "XB");
        Assert.True(verification.IsAccepted, verification.Message);
        Assert.Equal(FederationJson.Sha256(row.Bytes), verification.Receipt!.EnvelopeSha256);

        var pings = await network["XB"].QueryAsync(db => db.Set<ReceivedPing>().AsNoTracking().ToListAsync(ct));
        var received = Assert.Single(pings);
        Assert.Equal(id, received.EnvelopeId);
        Assert.Equal("XA", received.From);
        Assert.Equal("Bonjour de XA — 你好", received.Message);

        using var xbAdmin = await network["XB"].AdminAsync();
        var stats = await xbAdmin.GetJsonAsync("/api/v1/federation/stats", ct);
        Assert.Equal(1, stats.GetProperty("inbox").GetProperty("applied").GetInt32());
        Assert.Equal(1, stats.GetProperty("pingsApplied").GetInt32());
        Assert.Equal(1, stats.GetProperty("pingsAppliedDistinct").GetInt32());
        var detail = await officer.GetJsonAsync($"/api/v1/federation/outbox/{id}", ct);
        Assert.True(detail.GetProperty("receiptVerified").GetBoolean());
        Assert.Equal(ping.GetProperty("receipt").GetString(), detail.GetProperty("receipt").GetString());
    }

    [Fact]
    public async Task Ping_ContinuingAConversation_TakesTheNextSeq()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await EnvelopeTestKit.StartAsync(EnvelopeTestKit.Settings(), ct, "XA", "XB");
        using var admin = await network["XA"].AdminAsync();

        var first = await admin.PingAsync(new { to = "XB", wait = true }, ct, expectedStatus: 200);
        var conversation = first.GetProperty("conversation").GetString();
        var second = await admin.PingAsync(new { to = "XB", conversation, wait = true }, ct, expectedStatus: 200);

        Assert.Equal(2, second.GetProperty("seq").GetInt64());
        Assert.Equal(conversation, second.GetProperty("conversation").GetString());
        var inbox = await (await network["XB"].AdminAsync()).GetJsonAsync("/api/v1/federation/inbox?status=applied", ct);
        Assert.Equal([1L, 2L], inbox.EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).Order());
    }

    [Fact]
    public async Task Ping_WithoutWait_Returns202AndIsDeliveredByTheWorker()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await EnvelopeTestKit.StartAsync(EnvelopeTestKit.Settings(), ct, "XA", "XB");
        using var admin = await network["XA"].AdminAsync();

        var ping = await admin.PingAsync(new { to = "XB", message = "x" }, ct);
        Assert.Equal("pending", ping.GetProperty("status").GetString());
        await network["XA"].Worker().RunOnceAsync(ct);

        var row = await network["XA"].OutboxRowAsync(ping.GetProperty("envelopeId").GetGuid());
        Assert.Equal(OutboxStatus.Delivered, row.Status);
        var outbox = await admin.GetJsonAsync("/api/v1/federation/outbox?status=delivered&peer=XB", ct);
        Assert.Single(outbox.EnumerateArray());
    }

    [Theory]
    [InlineData("{\"to\":\"xb\"}", 400, "to", "federation.invalid-state")]
    [InlineData("{}", 400, "to", "federation.invalid-state")]
    [InlineData("{\"to\":\"ZZ\"}", 422, "to", "federation.unknown-peer")]
    [InlineData("{\"to\":\"XA\"}", 422, "to", "federation.own-state")]
    [InlineData("{\"to\":\"XB\",\"conversation\":\"\"}", 400, "conversation", "federation.invalid-conversation")]
    public async Task Ping_InvalidRequest_IsAProblemNamingTheField(string body, int status, string field, string code)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await EnvelopeTestKit.StartAsync(EnvelopeTestKit.Settings(), ct, "XA", "XB");
        using var admin = await network["XA"].AdminAsync();

        using var response = await admin.PostAsync("/api/v1/federation/pings", new StringContent(body, Encoding.UTF8, "application/json"), ct);

        Assert.Equal(status, (int)response.StatusCode);
        var problem = await response.JsonAsync(ct);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(field, problem.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(0, await network["XA"].QueryAsync(db => db.Set<OutboxEnvelope>().CountAsync(ct)));
    }

    [Fact]
    public async Task Ping_MessageTooLong_Is400NamingMessage()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await EnvelopeTestKit.StartAsync(EnvelopeTestKit.Settings(), ct, "XA", "XB");
        using var admin = await network["XA"].AdminAsync();

        using var response = await admin.PostAsync("/api/v1/federation/pings", new StringContent(JsonSerializer.Serialize(new { to = "XB", message = new string('a', 4001) }), Encoding.UTF8, "application/json"), ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("message", (await response.JsonAsync(ct)).GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task Ping_ToAndFromTheSecretariat_IsDelivered()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await EnvelopeTestKit.StartAsync(EnvelopeTestKit.Settings(), ct, "XA");
        using var admin = await network["XA"].AdminAsync();
        using var secretariatAdmin = await network.Secretariat.AdminAsync();

        var toUn = await admin.PingAsync(new { to = "UN", wait = true }, ct, expectedStatus: 200);
        var fromUn = await secretariatAdmin.PingAsync(new { to = "XA", wait = true }, ct, expectedStatus: 200);

        Assert.Equal("delivered", toUn.GetProperty("status").GetString());
        Assert.Equal("delivered", fromUn.GetProperty("status").GetString());
    }
}
