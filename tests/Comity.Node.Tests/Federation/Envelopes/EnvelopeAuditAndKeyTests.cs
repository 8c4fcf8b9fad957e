using System.Collections.Concurrent;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Federation.Transparency;
using Comity.Testing.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Comity.Node.Tests.Federation.Envelopes;

/// <summary>Records every audit event of a node (per host).</summary>
public sealed class AuditLog
{
    public ConcurrentQueue<AuditRecord> Records { get; } = new();
}

internal sealed class RecordingAuditTrail(AuditLog log) : IAuditTrail
{
    public void Record(AuditRecord record) => log.Records.Enqueue(record);
}

/// <summary>The audit events of delivery, and a sender key that is no longer valid at the receiver.</summary>
public sealed class EnvelopeAuditAndKeyTests
{
    [Fact]
    public async Task Delivery_RecordsSentDeliveredReceivedAndApplied()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await TestNetwork.StartAsync(EnvelopeTestKit.Now, ["XA", "XB"], EnvelopeTestKit.Settings(), services =>
        {
            EnvelopeTestKit.Services(services);
            services.AddSingleton<AuditLog>();
            services.AddScoped<IAuditTrail, RecordingAuditTrail>();
        }, ct);
        using var admin = await network["XA"].AdminAsync();

        var ping = await admin.PingAsync(new { to = "XB", wait = true }, ct, expectedStatus: 200);

        var id = ping.GetProperty("envelopeId").GetString();
        var sha256 = (await network["XA"].OutboxRowAsync(Guid.Parse(id!))).Sha256;
        var sender = network["XA"].Services.GetRequiredService<AuditLog>().Records.Where(r => r.ObjectId == id).ToList();
        var receiver = network["XB"].Services.GetRequiredService<AuditLog>().Records.Where(r => r.ObjectId == id).ToList();
        Assert.Equal(["envelope.sent", "envelope.delivered"], sender.Select(r => r.Action));
        Assert.All(sender, r => Assert.Equal("node", r.Actor));
        Assert.Equal(["envelope.received", "envelope.applied"], receiver.Select(r => r.Action));
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
