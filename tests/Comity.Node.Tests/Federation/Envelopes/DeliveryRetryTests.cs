using Comity.Node.Federation.Envelopes;
using Comity.Testing.Nodes;

namespace Comity.Node.Tests.Federation.Envelopes;

/// <summary>Retries with back-off on the fake clock, the per-peer circuit breaker, alerts and the peers API.</summary>
public sealed class DeliveryRetryTests
{
    [Fact]
    public async Task ReceiverDown_IsRetriedWithBackoff_ThenDeliveredOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await EnvelopeTestKit.StartAsync(EnvelopeTestKit.Settings(worker: false, ("CircuitFailureThreshold", "100")), ct, "XA", "XB");
        var (xa, xb) = (network["XA"], network["XB"]);
        using var admin = await xa.AdminAsync();
        xb.Fault().Mode = EnvelopeFault.DropConnection;

        var ping = await admin.PingAsync(new { to = "XB", message = "are you there?" }, ct);
        var id = ping.GetProperty("envelopeId").GetGuid();
        await xa.Worker().RunOnceAsync(ct);

        var first = await xa.OutboxRowAsync(id);
        Assert.Equal(OutboxStatus.Pending, first.Status);
        Assert.Equal(1, first.Attempts);
        Assert.NotNull(first.LastError);
        var delay1 = first.NextAttemptAt - first.LastAttemptAt!.Value;
        Assert.InRange(delay1, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));

        // Not due yet: nothing is sent.
        var requests = xb.Fault().Requests;
        network.Advance(delay1 / 2);
        await xa.Worker().RunOnceAsync(ct);
        Assert.Equal(requests, xb.Fault().Requests);
        Assert.Equal(1, (await xa.OutboxRowAsync(id)).Attempts);

        // Due: sent again with the same bytes, and the next delay is longer.
        var delays = new List<TimeSpan> { delay1 };
        for (var attempt = 2; attempt <= 6; attempt++)
        {
            var row = await xa.OutboxRowAsync(id);
            network.Advance(row.NextAttemptAt - xa.Time.GetUtcNow());
            await xa.Worker().RunOnceAsync(ct);
            row = await xa.OutboxRowAsync(id);
            Assert.Equal(attempt, row.Attempts);
            Assert.Equal(first.Bytes, row.Bytes);
            var delay = row.NextAttemptAt - row.LastAttemptAt!.Value;
            var ceiling = TimeSpan.FromSeconds(Math.Pow(2, attempt - 1));
            Assert.InRange(delay, ceiling / 2, ceiling);
            delays.Add(delay);
        }

        using (var peers = await admin.GetAsync("/api/v1/federation/peers", ct))
        {
            var xbHealth = (await peers.JsonAsync(ct)).EnumerateArray().Single(p => p.GetProperty("state").GetString() == "XB");
            Assert.Equal(1, xbHealth.GetProperty("backlog").GetInt32());
            Assert.Equal(6, xbHealth.GetProperty("consecutiveFailures").GetInt32());
            Assert.Equal(first.CreatedAt, xbHealth.GetProperty("oldestPendingAt").GetDateTimeOffset());
            Assert.Equal("closed", xbHealth.GetProperty("circuit").GetString());
        }

        xb.Fault().Mode = EnvelopeFault.None;
        var last = await xa.OutboxRowAsync(id);
        network.Advance(last.NextAttemptAt - xa.Time.GetUtcNow());
        await xa.Worker().RunOnceAsync(ct);

        var delivered = await xa.OutboxRowAsync(id);
        Assert.Equal(OutboxStatus.Delivered, delivered.Status);
        Assert.Equal(7, delivered.Attempts);
        Assert.True(delivered.ReceiptVerified);
        using var xbAdmin = await xb.AdminAsync();
        var stats = await xbAdmin.GetJsonAsync("/api/v1/federation/stats", ct);
        Assert.Equal(1, stats.GetProperty("pingsApplied").GetInt32());
        var health = (await admin.GetJsonAsync("/api/v1/federation/peers", ct)).EnumerateArray().Single(p => p.GetProperty("state").GetString() == "XB");
        Assert.Equal(0, health.GetProperty("backlog").GetInt32());
        Assert.Equal(0, health.GetProperty("consecutiveFailures").GetInt32());
        Assert.Equal(xa.Time.GetUtcNow(), health.GetProperty("lastSuccessAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task AlreadyReceivedButNotMarkedDelivered_IsSentAgainAndGetsTheStoredReceipt()
    {
        // What a crash between the receiver's answer and the sender's update looks like: the row is still
        // pending, so it is sent again with the same bytes; the receiver answers with its stored receipt.
        var ct = TestContext.Current.CancellationToken;
        await using var network = await EnvelopeTestKit.StartAsync(EnvelopeTestKit.Settings(worker: false), ct, "XA", "XB");
        var (xa, xb) = (network["XA"], network["XB"]);
        using var admin = await xa.AdminAsync();
        var id = (await admin.PingAsync(new { to = "XB" }, ct)).GetProperty("envelopeId").GetGuid();
        var bytes = (await xa.OutboxRowAsync(id)).Bytes;
        using var direct = await xb.PostEnvelopeAsync(bytes, ct);
        var receipt = await direct.Content.ReadAsStringAsync(ct);

        await xa.Worker().RunOnceAsync(ct);

        var row = await xa.OutboxRowAsync(id);
        Assert.Equal(OutboxStatus.Delivered, row.Status);
        Assert.Equal(receipt, row.Receipt);
        using var xbAdmin = await xb.AdminAsync();
        var stats = await xbAdmin.GetJsonAsync("/api/v1/federation/stats", ct);
        Assert.Equal(1, stats.GetProperty("pingsApplied").GetInt32());
    }

    [Fact]
    public async Task RepeatedFailures_OpenTheCircuit_WhichClosesAfterASuccessfulTrial()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = EnvelopeTestKit.Settings(worker: false, ("CircuitFailureThreshold", "3"), ("CircuitBreakDuration", "00:00:30"), ("MaxInFlightPerPeer", "1"));
        await using var network = await EnvelopeTestKit.StartAsync(settings, ct, "XA", "XB");
        var (xa, xb) = (network["XA"], network["XB"]);
        using var admin = await xa.AdminAsync();
        xb.Fault().Mode = EnvelopeFault.ServiceUnavailable;

        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await admin.PingAsync(new { to = "XB" }, ct)).GetProperty("envelopeId").GetGuid());
        }

        await xa.Worker().RunOnceAsync(ct);

        // Three attempts failed (503) and opened the circuit; the other two were not sent.
        Assert.Equal(3, xb.Fault().Requests);
        var rows = await Task.WhenAll(ids.Select(xa.OutboxRowAsync));
        Assert.Equal(3, rows.Count(r => r.Attempts == 1));
        Assert.Equal(2, rows.Count(r => r.Attempts == 0 && r.LastError!.Contains("circuit", StringComparison.Ordinal)));
        var health = (await admin.GetJsonAsync("/api/v1/federation/peers", ct)).EnumerateArray().Single(p => p.GetProperty("state").GetString() == "XB");
        Assert.Equal("open", health.GetProperty("circuit").GetString());
        Assert.Equal(5, health.GetProperty("backlog").GetInt32());
        Assert.Equal(3, health.GetProperty("consecutiveFailures").GetInt32());
        Assert.Contains("503", health.GetProperty("lastError").GetString(), StringComparison.Ordinal);

        // While open, due envelopes are not sent.
        network.Advance(TimeSpan.FromSeconds(5));
        await xa.Worker().RunOnceAsync(ct);
        Assert.Equal(3, xb.Fault().Requests);

        // After the break: a trial goes through, succeeds and closes the circuit; everything is delivered.
        xb.Fault().Mode = EnvelopeFault.None;
        network.Advance(TimeSpan.FromSeconds(31));
        await xa.Worker().RunOnceAsync(ct);
        network.Advance(TimeSpan.FromSeconds(31));
        await xa.Worker().RunOnceAsync(ct);

        rows = await Task.WhenAll(ids.Select(xa.OutboxRowAsync));
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Delivered, r.Status));
        health = (await admin.GetJsonAsync("/api/v1/federation/peers", ct)).EnumerateArray().Single(p => p.GetProperty("state").GetString() == "XB");
        Assert.Equal("closed", health.GetProperty("circuit").GetString());
        Assert.Equal(0, health.GetProperty("backlog").GetInt32());
    }

    [Fact]
    public async Task StillUndeliveredAfterTheThreshold_RaisesOneAlert()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = EnvelopeTestKit.Settings(worker: false, ("UndeliverableAlertAfter", "01:00:00"), ("CircuitFailureThreshold", "1000"));
        await using var network = await EnvelopeTestKit.StartAsync(settings, ct, "XA", "XB");
        var (xa, xb) = (network["XA"], network["XB"]);
        using var admin = await xa.AdminAsync();
        xb.Fault().Mode = EnvelopeFault.DropConnection;
        var id = (await admin.PingAsync(new { to = "XB" }, ct)).GetProperty("envelopeId").GetGuid();
        await xa.Worker().RunOnceAsync(ct);

        network.Advance(TimeSpan.FromMinutes(59));
        await xa.Worker().RunOnceAsync(ct);
        Assert.Empty((await admin.GetJsonAsync("/api/v1/federation/alerts", ct)).EnumerateArray());

        network.Advance(TimeSpan.FromMinutes(2));
        await xa.Worker().RunOnceAsync(ct);
        network.Advance(TimeSpan.FromMinutes(10));
        await xa.Worker().RunOnceAsync(ct);

        var alert = Assert.Single((await admin.GetJsonAsync("/api/v1/federation/alerts", ct)).EnumerateArray());
        Assert.Equal("overdue", alert.GetProperty("kind").GetString());
        Assert.Equal(id.ToString(), alert.GetProperty("envelopeId").GetString());
        Assert.Equal(OutboxStatus.Pending, (await xa.OutboxRowAsync(id)).Status);
    }

    [Fact]
    public async Task Backoff_IsCappedAtTheMaximum()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(new TestNodeOptions { Settings = EnvelopeTestKit.Settings(worker: false, ("RetryMaxDelay", "00:05:00")) }, ct);
        var worker = node.Worker();

        Assert.All(Enumerable.Range(1, 40).Select(worker.Backoff), d => Assert.InRange(d, TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(5)));
        Assert.InRange(worker.Backoff(30), TimeSpan.FromMinutes(2.5), TimeSpan.FromMinutes(5));
    }
}
