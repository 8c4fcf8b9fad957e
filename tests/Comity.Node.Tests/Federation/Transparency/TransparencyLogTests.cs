using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comity.Domain.Transparency;
using Comity.Node.Federation.Keys;
using Comity.Node.Federation.Transparency;
using Comity.Node.Kernel;
using Comity.Node.Identity;
using Comity.Node.Storage;
using Comity.Protocol.Transparency;
using Comity.Testing.Databases;
using Comity.Testing.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;

namespace Comity.Node.Tests.Federation.Transparency;

/// <summary>One node's log: audit events in the caller's transaction, dense sequencing, signed checkpoints, served proofs.</summary>
public sealed class TransparencyLogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task AnEvent_IsStoredOnlyWithTheChangeItDescribes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Ct);
        await using var node = await TestNode.StartAsync(new TestNodeOptions { Provider = provider, ConnectionString = database.ConnectionString }, Ct);
        var before = await CountEventsAsync(node);

        await using (var scope = node.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ComityDbContext>();
            var audit = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            audit.Record(new AuditRecord("user:rolled-back", "test.rolled-back", "thing", "1"));
            db.Offices().Add(new Office { Code = "rolled-back", Name = "Rolled back" });
            await db.SaveChangesAsync(Ct);
            await transaction.RollbackAsync(Ct);
        }

        await using (var scope = node.Services.CreateAsyncScope())
        {
            // Recorded but never saved: not stored either.
            scope.ServiceProvider.GetRequiredService<IAuditTrail>().Record(new AuditRecord("user:unsaved", "test.unsaved", "thing", "2"));
        }

        Assert.Equal(before, await CountEventsAsync(node));

        await using (var scope = node.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ComityDbContext>();
            scope.ServiceProvider.GetRequiredService<IAuditTrail>().Record(new AuditRecord("user:kept", "test.kept", "thing", "3", Audit.Sha256("content")));
            db.Offices().Add(new Office { Code = "kept", Name = "Kept" });
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(before + 1, await CountEventsAsync(node));
        await using var check = node.Services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<ComityDbContext>().AuditEvents().SingleAsync(e => e.Action == "test.kept", Ct);
        Assert.Equal(("user:kept", "thing", "3", Audit.Sha256("content")), (stored.Actor, stored.ObjectType, stored.ObjectId, stored.ContentSha256));
    }

    [Fact]
    public void ARecordThatCouldForgeALine_IsABugAndThrows()
    {
        var e = new AuditEvent { Id = Guid.Empty, Actor = "node", Action = "a", ObjectType = "t", ObjectId = "o" };
        Assert.Equal(
            "comity-audit-event/v1\nid 00000000-0000-0000-0000-000000000000\nat 0001-01-01T00:00:00.000Z\nactor node\naction a\ntype t\nobject o\ncontent -\n",
            System.Text.Encoding.UTF8.GetString(AuditLeaf.Data(e)));
        Assert.NotNull(AuditLeaf.Invalid("objectId", "x\nactor evil"));
        Assert.NotNull(AuditLeaf.Invalid("contentSha256", "-", optional: true));
        Assert.Null(AuditLeaf.Invalid("contentSha256", null, optional: true));
    }

    [Fact]
    public void LeafData_MatchesTheDocumentedKnownAnswer()
    {
        // docs/protocol/transparency-v1.md §6.1; the hash was computed independently with Python's hashlib.
        var e = new AuditEvent
        {
            Id = Guid.Parse("0193c1f2-0000-7000-8000-000000000001"),
            RecordedAt = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero),
            Actor = "user:3f2a",
            Action = "treaty.instrument-recorded",
            ObjectType = "instrument",
            ObjectId = "0193c1f2-0000-7000-8000-00000000000a",
            ContentSha256 = Audit.Sha256("test"u8),
        };
        Assert.Equal("n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg", e.ContentSha256);
        Assert.Equal("tLf9msDwW4Yaa+V3x5NzkPa9wrW0fe/3skqfmHEZ+1M=", Convert.ToBase64String(AuditLeaf.Hash(e)));
    }

    [Theory, MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ConcurrentRecordsAndWriters_GiveDenseIndexesAndTheRightRoot(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Ct);
        await using var node = await TestNode.StartAsync(new TestNodeOptions
        {
            Provider = provider,
            ConnectionString = database.ConnectionString,
            Settings = new Dictionary<string, string?> { ["Comity:Transparency:BatchSize"] = "7" },
        }, Ct);
        var writer = node.Services.GetRequiredService<LogWriter>();

        var records = Enumerable.Range(0, 40).Select(async i =>
        {
            await using var scope = node.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<IAuditTrail>().Record(new AuditRecord("node", "test.concurrent", "thing", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            await scope.ServiceProvider.GetRequiredService<ComityDbContext>().SaveChangesAsync(Ct);
            if (i % 10 == 0)
            {
                await writer.RunOnceAsync(Ct);
            }
        });
        await Task.WhenAll(records);
        var run = await writer.RunOnceAsync(Ct);

        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComityDbContext>();
        var leaves = await db.LogLeaves().AsNoTracking().OrderBy(l => l.Index).ToListAsync(Ct);
        var events = await db.AuditEvents().AsNoTracking().ToDictionaryAsync(e => e.Id, Ct);
        Assert.Equal(Enumerable.Range(0, events.Count).Select(i => (long)i), leaves.Select(l => l.Index));
        Assert.Equal(run.Size, leaves.Count);
        Assert.Equal(40, events.Values.Count(e => e.Action == "test.concurrent"));
        Assert.All(leaves, l => Assert.Equal(AuditLeaf.Hash(events[l.EventId]), l.LeafHash));
        Assert.All(leaves, l => Assert.Equal(l.Index, events[l.EventId].LeafIndex));

        var tree = new MerkleTree();
        leaves.ForEach(l => tree.AppendLeafHash(l.LeafHash));
        foreach (var size in new long[] { 1, 2, 3, 7, 8, 13, leaves.Count })
        {
            Assert.Equal(tree.Root(size), await StoredMerkleTree.RootAsync(db, size, Ct));
        }

        Assert.Equal(tree.Root(), (await CheckpointAsync(node)).RootHash);
    }

    [Theory, MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task AFailedBatch_CommitsNothing_AndTheNextRunAppendsDensely(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Ct);
        await using var node = await TestNode.StartAsync(new TestNodeOptions { Provider = provider, ConnectionString = database.ConnectionString }, Ct);
        var writer = node.Services.GetRequiredService<LogWriter>();
        var size = (await writer.RunOnceAsync(Ct)).Size;
        await RecordAsync(node, 5);

        // A row the batch will write exists already (as if another writer had raced it): its last insert fails, so the whole batch must.
        var (level, index) = Enumerable.Range(0, 5).Select(i => size + i).SelectMany(NodesCompletedBy).Last();
        await using (var scope = node.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ComityDbContext>();
            db.LogNodes().Add(new LogNode { Level = level, Index = index, Hash = new byte[32] });
            await db.SaveChangesAsync(Ct);
        }

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => writer.RunOnceAsync(Ct));
        await using (var scope = node.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ComityDbContext>();
            Assert.Equal(5, await db.AuditEvents().CountAsync(e => e.LeafIndex == null, Ct));
            Assert.Equal(size, await db.LogLeaves().CountAsync(Ct));
            await db.LogNodes().Where(n => n.Level == level && n.Index == index).ExecuteDeleteAsync(Ct);
        }

        var run = await writer.RunOnceAsync(Ct);
        Assert.Equal(5, run.Appended);
        Assert.Equal(size + 5, run.Size);
        await using var check = node.Services.CreateAsyncScope();
        var leaves = await check.ServiceProvider.GetRequiredService<ComityDbContext>().LogLeaves().OrderBy(l => l.Index).Select(l => l.LeafHash).ToListAsync(Ct);
        var tree = new MerkleTree();
        leaves.ForEach(h => tree.AppendLeafHash(h));
        Assert.Equal(tree.Root(), (await CheckpointAsync(node)).RootHash);
    }

    /// <summary>The interior nodes (level, index) appending leaf <paramref name="leaf"/> completes.</summary>
    private static IEnumerable<(int Level, long Index)> NodesCompletedBy(long leaf)
    {
        for (var level = 0; (leaf & 1) == 1; level++)
        {
            leaf >>= 1;
            yield return (level + 1, leaf);
        }
    }

    [Fact]
    public async Task Checkpoints_VerifyWithTheNodeKey_AndServedProofsVerify()
    {
        await using var node = await TestNode.StartAsync(cancellationToken: Ct);
        var writer = node.Services.GetRequiredService<LogWriter>();
        await RecordAsync(node, 3);
        var first = await CheckpointAsync(node);
        await RecordAsync(node, 10);
        var second = await CheckpointAsync(node);

        using var anonymous = node.CreateClient();
        var note = await anonymous.GetStringAsync("/federation/v1/log/checkpoint", Ct);
        var key = await SigningKeyAsync(node);
        var verified = CheckpointNote.Verify(note, "comity.int/log/XA", key, "comity.int/log/XA");
        Assert.True(verified.IsValid, verified.Reason);
        Assert.Equal(second.TreeSize, verified.Checkpoint!.TreeSize);
        Assert.True(CheckpointNote.Verify(first.Note, "comity.int/log/XA", key).IsValid);

        var leafHashes = await LeafHashesAsync(node);
        foreach (var size in new[] { 1, first.TreeSize, second.TreeSize })
        {
            var root = new MerkleTree();
            leafHashes.Take((int)size).ToList().ForEach(h => root.AppendLeafHash(h));
            for (var index = 0; index < size; index++)
            {
                var proof = await anonymous.GetFromJsonAsync<InclusionProofResponse>($"/federation/v1/log/proof/inclusion?index={index}&size={size}", Ct);
                var check = MerkleVerifier.VerifyInclusion(index, size, leafHashes[index], [.. proof!.Hashes.Select(Convert.FromBase64String)], root.Root());
                Assert.True(check.IsValid, $"leaf {index} of {size}: {check.Reason}");
            }
        }

        var consistency = await anonymous.GetFromJsonAsync<ConsistencyProofResponse>($"/federation/v1/log/proof/consistency?first={first.TreeSize}&second={second.TreeSize}", Ct);
        var verdict = MerkleVerifier.VerifyConsistency(first.TreeSize, second.TreeSize, [.. consistency!.Hashes.Select(Convert.FromBase64String)], first.RootHash, second.RootHash);
        Assert.True(verdict.IsValid, verdict.Reason);
    }

    [Theory]
    [InlineData("/federation/v1/log/proof/inclusion?index=0", "size")]
    [InlineData("/federation/v1/log/proof/inclusion?index=x&size=1", "index")]
    [InlineData("/federation/v1/log/proof/inclusion?index=5&size=3", "index")]
    [InlineData("/federation/v1/log/proof/inclusion?index=0&size=999999", "size")]
    [InlineData("/federation/v1/log/proof/inclusion?index=-1&size=1", "index")]
    [InlineData("/federation/v1/log/proof/consistency?first=0&second=2", "first")]
    [InlineData("/federation/v1/log/proof/consistency?first=3&second=2", "first")]
    [InlineData("/federation/v1/log/proof/consistency?first=1&second=999999", "second")]
    public async Task BadProofParameters_Are400ProblemsNamingTheParameter(string url, string field)
    {
        await using var node = await TestNode.StartAsync(cancellationToken: Ct);
        await RecordAsync(node, 4);
        await node.Services.GetRequiredService<LogWriter>().RunOnceAsync(Ct);
        using var anonymous = node.CreateClient();
        using var response = await anonymous.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains(problem.RootElement.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == field);
    }

    /// <summary>Runs the log writer (the background worker may have run it first) and returns the latest checkpoint.</summary>
    internal static async Task<LogCheckpoint> CheckpointAsync(TestNode node)
    {
        await node.Services.GetRequiredService<LogWriter>().RunOnceAsync(Ct);
        await using var scope = node.Services.CreateAsyncScope();
        return (await LogWriter.LatestCheckpointAsync(scope.ServiceProvider.GetRequiredService<ComityDbContext>(), Ct))!;
    }

    internal static async Task RecordAsync(TestNode node, int count)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
        for (var i = 0; i < count; i++)
        {
            audit.Record(new AuditRecord("node", "test.recorded", "thing", Guid.NewGuid().ToString("D"), Audit.Sha256("content " + i)));
        }

        await scope.ServiceProvider.GetRequiredService<ComityDbContext>().SaveChangesAsync(Ct);
    }

    internal static async Task<PublicKey> SigningKeyAsync(TestNode node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var key = await scope.ServiceProvider.GetRequiredService<NodeKeyStore>().CurrentSigningKeyAsync(Ct);
        return PublicKey.Import(SignatureAlgorithm.Ed25519, key!.PublicKey, KeyBlobFormat.RawPublicKey);
    }

    private static async Task<List<byte[]>> LeafHashesAsync(TestNode node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ComityDbContext>().LogLeaves().OrderBy(l => l.Index).Select(l => l.LeafHash).ToListAsync(Ct);
    }

    private static async Task<int> CountEventsAsync(TestNode node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ComityDbContext>().AuditEvents().CountAsync(Ct);
    }
}
