using System.Text;
using System.Text.Json;
using Comity.Node.Federation.Envelopes;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;
using Comity.Testing.Nodes;
using Microsoft.EntityFrameworkCore;
using NSec.Cryptography;

namespace Comity.Node.Tests.Federation.Envelopes;

/// <summary>XA, XB and XC joined on loopback, the delivery worker driven by the tests, envelopes at most 64 KiB.</summary>
public sealed class RefusalNetwork : IAsyncLifetime
{
    public TestNetwork Network { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Network = await EnvelopeTestKit.StartAsync(EnvelopeTestKit.Settings(worker: false, ("MaxEnvelopeBytes", "65536")), TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await Network.DisposeAsync();
}

/// <summary>
/// Every refusal: the receiver answers with its problem document and stores nothing; the sender marks the
/// envelope undeliverable with that code, raises an alert and never sends it again.
/// </summary>
public sealed class EnvelopeRefusalTests(RefusalNetwork fixture) : IClassFixture<RefusalNetwork>
{
    private TestNetwork Network => fixture.Network;

    public static TheoryData<string, int, string> Refusals() => new()
    {
        { "tampered", 401, "federation.bad-signature" },
        { "wrong-recipient", 422, "federation.wrong-recipient" },
        { "unknown-key", 401, "federation.unknown-key" },
        { "sender-mismatch", 403, "federation.sender-mismatch" },
        { "unknown-sender", 403, "federation.unknown-sender" },
        { "oversized", 413, "federation.too-large" },
        { "future", 422, "federation.clock-skew" },
        { "malformed", 400, "federation.malformed" },
        { "version-2", 422, "federation.unsupported-version" },
        { "unknown-type", 422, "federation.unknown-type" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Refused_IsAProblemDocument_AndTheSenderMarksItUndeliverableWithoutRetrying(string @case, int status, string code)
    {
        var ct = TestContext.Current.CancellationToken;
        var (xa, xb) = (Network["XA"], Network["XB"]);
        var bytes = await BuildAsync(@case, ct);

        using (var response = await xb.PostEnvelopeAsync(bytes, ct))
        {
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.JsonAsync(ct);
            Assert.Equal(code, problem.GetProperty("code").GetString());
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        }

        var id = await xa.AddOutboxRowAsync("XB", bytes);
        await xa.Worker().RunOnceAsync(ct);
        var row = await xa.OutboxRowAsync(id);
        Assert.Equal(OutboxStatus.Undeliverable, row.Status);
        Assert.Equal(code, row.ProblemCode);
        Assert.Equal(status, row.ProblemStatus);
        Assert.Equal(1, row.Attempts);

        var requests = xb.Fault().Requests;
        xa.Time.Advance(TimeSpan.FromHours(2));
        xb.Time.Advance(TimeSpan.FromHours(2));
        await xa.Worker().RunOnceAsync(ct);
        Assert.Equal(requests, xb.Fault().Requests);
        Assert.Equal(1, (await xa.OutboxRowAsync(id)).Attempts);

        using var admin = await xa.AdminAsync();
        var undeliverable = await admin.GetJsonAsync("/api/v1/federation/outbox?status=undeliverable&limit=1000", ct);
        var shown = Assert.Single(undeliverable.EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);
        Assert.Equal(code, shown.GetProperty("problemCode").GetString());
        var alerts = await admin.GetJsonAsync("/api/v1/federation/alerts?limit=1000", ct);
        Assert.Contains(alerts.EnumerateArray(), a => a.GetProperty("kind").GetString() == "refused" && a.GetProperty("envelopeId").GetString() == id.ToString());
        Assert.False(await xb.QueryAsync(db => db.Set<InboxEnvelope>().AnyAsync(i => i.Bytes == bytes, ct)));
    }

    [Fact]
    public async Task Duplicate_GetsTheSameReceipt_AndIsAppliedOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var (xa, xb) = (Network["XA"], Network["XB"]);
        var envelope = EnvelopeTestKit.Envelope("XA", "XB", "dup-" + Guid.NewGuid(), 1, createdAt: xb.Time.GetUtcNow());
        var bytes = await xa.SignAsync(envelope, ct);

        using var first = await xb.PostEnvelopeAsync(bytes, ct);
        using var second = await xb.PostEnvelopeAsync(bytes, ct);

        Assert.Equal(200, (int)first.StatusCode);
        Assert.Equal(200, (int)second.StatusCode);
        Assert.Equal("application/comity-receipt+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await first.Content.ReadAsStringAsync(ct), await second.Content.ReadAsStringAsync(ct));
        var id = Guid.Parse(envelope.Id);
        Assert.Equal(1, await xb.QueryAsync(db => db.Set<Comity.Node.Features.Federation.Ping.ReceivedPing>().CountAsync(p => p.EnvelopeId == id, ct)));
    }

    [Fact]
    public async Task Replay_SameIdOtherBytes_Is409AndAlerted()
    {
        var ct = TestContext.Current.CancellationToken;
        var (xa, xb) = (Network["XA"], Network["XB"]);
        var original = EnvelopeTestKit.Envelope("XA", "XB", "replay-" + Guid.NewGuid(), 1, createdAt: xb.Time.GetUtcNow(), message: "original");
        var replay = original with { Body = JsonSerializer.SerializeToElement(new { message = "altered" }) };
        var originalBytes = await xa.SignAsync(original, ct);
        var replayBytes = await xa.SignAsync(replay, ct);

        using var accepted = await xb.PostEnvelopeAsync(originalBytes, ct);
        using var refused = await xb.PostEnvelopeAsync(replayBytes, ct);

        Assert.Equal(200, (int)accepted.StatusCode);
        Assert.Equal(409, (int)refused.StatusCode);
        Assert.Equal("federation.replay", (await refused.JsonAsync(ct)).GetProperty("code").GetString());
        using var admin = await xb.AdminAsync();
        var alerts = await admin.GetJsonAsync("/api/v1/federation/alerts?limit=1000", ct);
        Assert.Contains(alerts.EnumerateArray(), a => a.GetProperty("kind").GetString() == "replay" && a.GetProperty("envelopeId").GetString() == original.Id && a.GetProperty("peer").GetString() == "XA");
        var id = Guid.Parse(original.Id);
        var stored = await xb.QueryAsync(db => db.Set<InboxEnvelope>().AsNoTracking().SingleAsync(i => i.Id == id, ct));
        Assert.Equal(originalBytes, stored.Bytes);

        // The sender sees the replay as a permanent refusal.
        var outboxId = await xa.AddOutboxRowAsync("XB", replayBytes);
        await xa.Worker().RunOnceAsync(ct);
        Assert.Equal("federation.replay", (await xa.OutboxRowAsync(outboxId)).ProblemCode);
    }

    private async Task<byte[]> BuildAsync(string @case, CancellationToken ct)
    {
        var xa = Network["XA"];
        var now = Network["XB"].Time.GetUtcNow();
        var conversation = @case + "-" + Guid.NewGuid();
        var valid = EnvelopeTestKit.Envelope("XA", "XB", conversation, 1, createdAt: now);
        switch (@case)
        {
            case "tampered":
            {
                var signed = JsonSerializer.Deserialize<JwsFlattenedJson>(await xa.SignAsync(valid, ct))!;
                var altered = FederationJson.SerializeToUtf8Bytes(valid with { Body = JsonSerializer.SerializeToElement(new { message = "altered in transit" }) });
                return Encoding.UTF8.GetBytes($"{{\"protected\":\"{signed.Protected}\",\"payload\":\"{Base64Url.Encode(altered)}\",\"signature\":\"{signed.Signature}\"}}");
            }

            case "wrong-recipient":
                return await xa.SignAsync(valid with { To = "XC" }, ct);
            case "unknown-key":
            {
                using var key = Key.Create(SignatureAlgorithm.Ed25519);
                return Encoding.UTF8.GetBytes(EnvelopeSigner.Sign(valid, key, "not-a-key-of-the-register"));
            }

            case "sender-mismatch":
                return await xa.SignAsync(valid with { From = "XC", To = "XB" }, ct);
            case "unknown-sender":
                return await xa.SignAsync(valid with { From = "ZZ" }, ct);
            case "oversized":
                return await xa.SignAsync(valid with { Body = JsonSerializer.SerializeToElement(new { message = new string('x', 70_000) }) }, ct);
            case "future":
                return await xa.SignAsync(valid with { CreatedAt = now.AddMinutes(10) }, ct);
            case "malformed":
                return Encoding.UTF8.GetBytes("this is not a JWS");
            case "version-2":
                return await xa.SignAsync(valid with { Version = 2 }, ct);
            case "unknown-type":
                return await xa.SignAsync(valid with { Type = "unknown/v1" }, ct);
            default:
                throw new ArgumentOutOfRangeException(nameof(@case), @case, "Unknown case.");
        }
    }
}
