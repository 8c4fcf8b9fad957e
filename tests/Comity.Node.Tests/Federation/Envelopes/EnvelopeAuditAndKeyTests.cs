using Comity.Node.Federation.Envelopes;
using Comity.Node.Federation.Transparency;
using Comity.Testing.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Tests.Federation.Envelopes;

/// <summary>The audit events of delivery, and a sender key that is no longer valid at the receiver.</summary>
public sealed class EnvelopeAuditAndKeyTests
{
    [Fact]
    public async Task Delivery_RecordsSentDeliveredReceivedAndApplied()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await EnvelopeTestKit.StartAsync(EnvelopeTestKit.Settings(), ct, "XA", "XB");
        using var admin = await network["XA"].AdminAsync();

        var ping = await admin.PingAsync(new { to = "XB", wait = true }, ct, expectedStatus: 200);

        var id = ping.GetProperty("envelopeId").GetString();
        var sha256 = (await network["XA"].OutboxRowAsync(Guid.Parse(id!))).Sha256;
        // The events as each node stored them for its transparency log (same fake instant: compare as sets).
        var sender = await network["XA"].QueryAsync(db => db.Set<AuditEvent>().AsNoTracking().Where(e => e.ObjectId == id).ToListAsync(ct));
        var receiver = await network["XB"].QueryAsync(db => db.Set<AuditEvent>().AsNoTracking().Where(e => e.ObjectId == id).ToListAsync(ct));
        Assert.Equal(["envelope.delivered", "envelope.sent"], sender.Select(r => r.Action).Order(StringComparer.Ordinal));
        Assert.All(sender, r => Assert.Equal("node", r.Actor));
        Assert.Equal(["envelope.applied", "envelope.received"], receiver.Select(r => r.Action).Order(StringComparer.Ordinal));
        Assert.All(receiver, r => Assert.Equal("peer:XA", r.Actor));
        Assert.All(sender.Concat(receiver), r => Assert.Equal(("envelope", sha256), (r.ObjectType, r.ContentSha256)));
    }

    [Fact]
    public async Task OutboxEnvelope_HasExactlyTheProtocolsJwsHeader()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await EnvelopeTestKit.StartAsync(EnvelopeTestKit.Settings(worker: false), ct, "XA", "XB");
        using var admin = await network["XA"].AdminAsync();
        var id = (await admin.PingAsync(new { to = "XB" }, ct)).GetProperty("envelopeId").GetGuid();

        var jws = System.Text.Json.JsonSerializer.Deserialize<Comity.Protocol.Jose.JwsFlattenedJson>((await network["XA"].OutboxRowAsync(id)).Bytes)!;
        var header = System.Text.Encoding.UTF8.GetString(Comity.Protocol.Jose.Base64Url.Decode(jws.Protected));

        Assert.Equal($"{{\"alg\":\"EdDSA\",\"kid\":\"{await network["XA"].SigningKidAsync(ct)}\",\"typ\":\"comity-envelope+json\"}}", header);
    }

    [Fact]
    public async Task SenderKeyExpiredAtTheReceiver_IsRefusedKeyNotValid_AndUndeliverable()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await EnvelopeTestKit.StartAsync(EnvelopeTestKit.Settings(worker: false), ct, "XA", "XB");
        var (xa, xb) = (network["XA"], network["XB"]);
        var key = (await xa.PublicKeysAsync(ct)).Single(k => k.Use == "sig");
        xb.Time.Advance(key.NotAfter - xb.Time.GetUtcNow() + TimeSpan.FromMinutes(1));
        using var admin = await xa.AdminAsync();

        var id = (await admin.PingAsync(new { to = "XB" }, ct)).GetProperty("envelopeId").GetGuid();
        await xa.Worker().RunOnceAsync(ct);

        var row = await xa.OutboxRowAsync(id);
        Assert.Equal(OutboxStatus.Undeliverable, row.Status);
        Assert.Equal("federation.key-not-valid", row.ProblemCode);
        Assert.Equal(401, row.ProblemStatus);
        Assert.Contains(key.Kid, row.ProblemDetail, StringComparison.Ordinal);
        using var peers = await admin.GetAsync("/api/v1/federation/peers", ct);
        var health = (await peers.JsonAsync(ct)).EnumerateArray().Single(p => p.GetProperty("state").GetString() == "XB");
        Assert.Equal(1, health.GetProperty("undeliverable").GetInt32());
        Assert.Equal(0, health.GetProperty("backlog").GetInt32());
    }
}
