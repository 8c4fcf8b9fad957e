using System.Net.Http.Json;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Kernel;
using Comity.Node.Identity;
using Comity.Testing.Databases;
using Comity.Testing.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Tests.Federation.Envelopes;

/// <summary>
/// Exactly-once, in-order apply per (sender, conversation), whatever order envelopes arrive in and however
/// they race: on SQLite and PostgreSQL (the receiving node XB runs on each).
/// </summary>
public sealed class InboxOrderingTests
{
    public static TheoryData<int[]> Orders() => new([3, 1, 2], [2, 3, 1], [3, 2, 1], [1, 3, 2], [2, 1, 3], [1, 2, 3]);

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task ShuffledDelivery_IsAppliedInSeqOrderExactlyOnce(int[] order)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await EnvelopeTestKit.StartAsync(EnvelopeTestKit.Settings(worker: false), ct, "XA", "XB");
        var (xa, xb) = (network["XA"], network["XB"]);
        var conversation = "order-" + string.Join("", order);
        var envelopes = new Dictionary<int, byte[]>();
        foreach (var seq in new[] { 1, 2, 3 })
        {
            envelopes[seq] = await xa.SignAsync(EnvelopeTestKit.Envelope("XA", "XB", conversation, seq, ProbeEnvelope.TypeName, xb.Time.GetUtcNow()), ct);
        }

        var applied = 0;
        foreach (var seq in order)
        {
            using var response = await xb.PostEnvelopeAsync(envelopes[seq], ct);
            Assert.Equal(200, (int)response.StatusCode);

            // Everything up to the first gap is applied; the rest waits.
            var received = order.TakeWhile(s => s != seq).Append(seq).ToHashSet();
            var expectedApplied = 0;
            while (received.Contains(expectedApplied + 1))
            {
                expectedApplied++;
            }

            Assert.True(expectedApplied >= applied);
            applied = expectedApplied;
            var statuses = await xb.QueryAsync(db => db.Set<InboxEnvelope>().AsNoTracking().Where(i => i.Conversation == conversation).ToListAsync(ct));
            Assert.Equal(applied, statuses.Count(s => s.Status == InboxStatus.Applied));
            Assert.Equal(received.Count - applied, statuses.Count(s => s.Status == InboxStatus.Waiting));
        }

        // A duplicate of an early envelope after everything is applied changes nothing.
        using (var again = await xb.PostEnvelopeAsync(envelopes[order[0]], ct))
        {
            Assert.Equal(200, (int)again.StatusCode);
        }

        Assert.Equal([1L, 2L, 3L], xb.Order().Applied.Where(a => a.Conversation == conversation).Select(a => a.Seq));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ConcurrentDelivery_OfOneConversation_IsAppliedInOrderExactlyOnce(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        await using var network = await EnvelopeTestKit.StartAsync(EnvelopeTestKit.Settings(worker: false), ct, "XA");
        await using var xb = await JoinAsync(network, "XB", database, ct);
        var xa = network["XA"];
        const int count = 24;
        var envelopes = new List<byte[]>();
        for (var seq = 1; seq <= count; seq++)
        {
            envelopes.Add(await xa.SignAsync(EnvelopeTestKit.Envelope("XA", "XB", "race", seq, ProbeEnvelope.TypeName, xb.Time.GetUtcNow()), ct));
        }

        // Every envelope twice, shuffled, all at once.
        var deliveries = envelopes.Concat(envelopes).OrderBy(_ => Random.Shared.Next()).ToList();
        var statuses = await Task.WhenAll(deliveries.Select(async bytes =>
        {
            using var response = await xb.PostEnvelopeAsync(bytes, ct);
            return (int)response.StatusCode;
        }));

        Assert.All(statuses, s => Assert.Equal(200, s));
        Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), xb.Order().Applied.Where(a => a.Conversation == "race").Select(a => a.Seq));
        Assert.Equal(count, await xb.QueryAsync(db => db.Set<InboxEnvelope>().CountAsync(i => i.Status == InboxStatus.Applied, ct)));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ConcurrentDuplicates_OfOneEnvelope_GetOneReceipt_AndApplyOnce(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        await using var network = await EnvelopeTestKit.StartAsync(EnvelopeTestKit.Settings(worker: false), ct, "XA");
        await using var xb = await JoinAsync(network, "XB", database, ct);
        var bytes = await network["XA"].SignAsync(EnvelopeTestKit.Envelope("XA", "XB", "dup-race", 1, createdAt: xb.Time.GetUtcNow()), ct);

        var receipts = await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            using var response = await xb.PostEnvelopeAsync(bytes, ct);
            Assert.Equal(200, (int)response.StatusCode);
            return await response.Content.ReadAsStringAsync(ct);
        }));

        Assert.Single(receipts.Distinct(StringComparer.Ordinal));
        Assert.Equal(1, await xb.QueryAsync(db => db.Set<Comity.Node.Features.Federation.Ping.ReceivedPing>().CountAsync(ct)));
        using var admin = await xb.AdminAsync();
        var stats = await admin.GetJsonAsync("/api/v1/federation/stats", ct);
        Assert.Equal(1, stats.GetProperty("pingsApplied").GetInt32());
        Assert.Equal(1, stats.GetProperty("pingsAppliedDistinct").GetInt32());
    }

    /// <summary>Starts a State node on <paramref name="database"/> and joins it to the network's Register, as TestNetwork does.</summary>
    internal static async Task<TestNode> JoinAsync(TestNetwork network, string code, TestDatabase database, CancellationToken ct, bool demo = false)
    {
        var settings = EnvelopeTestKit.Settings(worker: false);
        if (demo)
        {
            // Demo users sign in to pages without a second factor.
            settings["Comity:Demo"] = "true";
        }

        settings["Comity:Federation:SecretariatUrl"] = network.Secretariat.BaseAddress.ToString();
        settings["Comity:Federation:SecretariatKey"] = await TestFederation.RegisterKeyAsync(network.Secretariat, ct);
        var node = await TestNode.StartAsync(new TestNodeOptions
        {
            Role = NodeRole.State,
            StateCode = code,
            Kestrel = true,
            Now = EnvelopeTestKit.Now,
            Provider = database.Provider,
            ConnectionString = database.ConnectionString,
            Settings = settings,
            Services = EnvelopeTestKit.Services,
        }, ct);
        try
        {
            using var admin = await node.CreateClientForAsync("join-admin", Roles.NodeAdmin);
            using var officer = await network.Secretariat.CreateClientForAsync("join-officer-" + code, Roles.SecretariatOfficer);
            (await admin.PutAsJsonAsync("/api/v1/directory/own/node", new { endpoint = node.BaseAddress.ToString(), name = code + " test node" }, ct)).EnsureSuccessStatusCode();
            using var submitted = await admin.PostAsync("/api/v1/directory/own/submit", null, ct);
            submitted.EnsureSuccessStatusCode();
            var id = (await submitted.JsonAsync(ct)).GetProperty("submission").GetProperty("id").GetString();
            (await officer.PostAsync($"/api/v1/directory/notifications/{id}/approve", null, ct)).EnsureSuccessStatusCode();
            await network.SyncAllAsync(ct);
            await node.SyncRegisterAsync(ct);
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }
}
