using System.Text.Json.Nodes;
using Comity.Node.Federation.Transparency;
using Comity.Node.Kernel;
using Comity.Node.Identity;
using Comity.Node.Storage;
using Comity.Testing.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comity.Cli.Tests.Log;

/// <summary><c>comity log verify</c> and <c>comity log proof</c> against real nodes whose database the tests tamper with.</summary>
public sealed class LogCommandTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Verify_AHealthyCosignedLog_ExitsZero_NamingTheCosigners()
    {
        await using var network = await TestNetwork.StartAsync(Now, ["XA", "XB"], cancellationToken: Ct);
        var xa = network["XA"];
        await GrowAsync(xa, 3);
        await GrowAsync(xa, 9);
        foreach (var node in network.All)
        {
            await node.Services.GetRequiredService<LogWriter>().RunOnceAsync(Ct);
        }

        Assert.All(await xa.Services.GetRequiredService<WitnessClient>().RunOnceAsync(Ct), s => Assert.True(s.Cosigned, s.Message));
        var token = await xa.CreateUserWithTokenAsync("auditor", Roles.Auditor);

        var result = await CliRunner.RunAsync("log", "verify", "--node", xa.BaseAddress.ToString(), "--token", token, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var report = JsonNode.Parse(result.Out)!;
        Assert.True((bool)report["ok"]!);
        Assert.Equal("comity.int/log/XA", (string?)report["origin"]);
        Assert.True((int)report["consistencyChecks"]! >= 1);
        Assert.Equal(["UN", "XB"], report["cosigners"]!.AsArray().Select(c => (string?)c!["state"]).Order(StringComparer.Ordinal));

        var table = await CliRunner.RunAsync("log", "verify", "--node", xa.BaseAddress.ToString(), "--token", token);
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("The log verifies.", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WithTheSecretariatKey_TakesTheKeysFromTheVerifiedRegister()
    {
        await using var network = await TestNetwork.StartAsync(Now, ["XA", "XB"], cancellationToken: Ct);
        var xa = network["XA"];
        await GrowAsync(xa, 3);
        await GrowAsync(xa, 9);
        foreach (var node in network.All)
        {
            await node.Services.GetRequiredService<LogWriter>().RunOnceAsync(Ct);
        }

        Assert.All(await xa.Services.GetRequiredService<WitnessClient>().RunOnceAsync(Ct), s => Assert.True(s.Cosigned, s.Message));
        var token = await xa.CreateUserWithTokenAsync("auditor", Roles.Auditor);
        var keyFile = Path.Combine(Path.GetTempPath(), "comity-register-key-" + Path.GetRandomFileName() + ".jwk");
        using var http = new HttpClient { BaseAddress = network.Secretariat.BaseAddress };
        await File.WriteAllTextAsync(keyFile, await http.GetStringAsync("federation/v1/register/key", Ct), Ct);
        try
        {
            var args = new[] { "log", "verify", "--node", xa.BaseAddress.ToString(), "--token", token, "--register-key", keyFile, "--register-from", network.Secretariat.BaseAddress.ToString(), "--json" };
            var result = await CliRunner.RunAsync(args);

            Assert.True(result.ExitCode == 0, result.ToString());
            var report = JsonNode.Parse(result.Out)!;
            Assert.True((bool)report["ok"]!);
            Assert.StartsWith("from the Register serial ", (string?)report["keySource"], StringComparison.Ordinal);
            Assert.Empty(report["warnings"]!.AsArray());
            Assert.Equal(["UN", "XB"], report["cosigners"]!.AsArray().Select(c => (string?)c!["state"]).Order(StringComparer.Ordinal));

            // Without the key, the report says the keys were the node's own word.
            var selfReported = JsonNode.Parse((await CliRunner.RunAsync("log", "verify", "--node", xa.BaseAddress.ToString(), "--token", token, "--json")).Out)!;
            Assert.Equal("as the node reports them (not independent)", (string?)selfReported["keySource"]);
            Assert.Contains(selfReported["warnings"]!.AsArray(), w => (string?)w!["where"] == "keys");

            // A Register checked with another key is refused, and nothing is verified against it.
            var otherKey = Path.Combine(Path.GetTempPath(), "comity-other-key-" + Path.GetRandomFileName() + ".jwk");
            await File.WriteAllTextAsync(otherKey, """{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}""", Ct);
            try
            {
                var refused = await CliRunner.RunAsync("log", "verify", "--node", xa.BaseAddress.ToString(), "--token", token, "--register-key", otherKey, "--register-from", network.Secretariat.BaseAddress.ToString());
                Assert.Equal(2, refused.ExitCode);
                Assert.Contains("is refused", refused.Error, StringComparison.Ordinal);
            }
            finally
            {
                File.Delete(otherKey);
            }
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    [Fact]
    public async Task Verify_RegisterFromWithoutAKey_IsRefusedAsUsage()
    {
        var result = await CliRunner.RunAsync("log", "verify", "--node", "http://127.0.0.1:9", "--register-from", "http://127.0.0.1:9");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--register-from needs --register-key", result.Error + result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_DetectsATamperedEventRow_NamingTheLeaf()
    {
        await using var node = await StartAsync();
        var (_, _) = await TwoCheckpointsAsync(node);
        var index = await TamperAsync(node, async db =>
        {
            var e = await db.AuditEvents().Where(e => e.LeafIndex != null).OrderByDescending(e => e.LeafIndex).FirstAsync(Ct);
            e.ObjectId = "rewritten";
            return e.LeafIndex!.Value;
        });

        var report = await VerifyFailsAsync(node);

        Assert.Equal($"leaf {index}", (string?)report["firstFailure"]!["where"]);
    }

    [Fact]
    public async Task Verify_DetectsATamperedLeafHash_NamingTheLeaf()
    {
        await using var node = await StartAsync();
        await TwoCheckpointsAsync(node);
        await TamperAsync(node, async db =>
        {
            var leaf = await db.LogLeaves().SingleAsync(l => l.Index == 5, Ct);
            leaf.LeafHash = leaf.LeafHash.Reverse().ToArray();
            return 5L;
        });

        var report = await VerifyFailsAsync(node);

        Assert.Equal("leaf 5", (string?)report["firstFailure"]!["where"]);
    }

    [Fact]
    public async Task Verify_DetectsATamperedCheckpointNote_NamingTheCheckpoint()
    {
        await using var node = await StartAsync();
        var (first, _) = await TwoCheckpointsAsync(node);
        await TamperAsync(node, async db =>
        {
            var checkpoint = await db.LogCheckpoints().SingleAsync(c => c.Id == first.Id, Ct);
            checkpoint.Note = checkpoint.Note.Replace("\n" + first.TreeSize + "\n", "\n" + (first.TreeSize - 1) + "\n", StringComparison.Ordinal);
            return 0L;
        });

        var report = await VerifyFailsAsync(node);

        Assert.Equal($"checkpoint {first.Id} (size {first.TreeSize})", (string?)report["firstFailure"]!["where"]);
        Assert.Contains("signature", (string?)report["firstFailure"]!["what"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAndProof_DetectAProofServedFromATamperedSubtreeHash()
    {
        await using var node = await StartAsync();
        var (first, second) = await TwoCheckpointsAsync(node);
        var token = await node.CreateUserWithTokenAsync("auditor", Roles.Auditor);
        var args = new[] { "--node", node.BaseAddress.ToString(), "--token", token, "--json" };

        var healthy = await CliRunner.RunAsync(["log", "proof", "consistency", "--first", first.TreeSize.ToString(System.Globalization.CultureInfo.InvariantCulture), .. args]);
        Assert.True(healthy.ExitCode == 0, healthy.ToString());
        var hashes = JsonNode.Parse(healthy.Out)!["hashes"]!.AsArray().Select(h => Convert.FromBase64String((string)h!)).ToList();
        var inclusion = await CliRunner.RunAsync(["log", "proof", "inclusion", "--index", "2", .. args]);
        Assert.True(inclusion.ExitCode == 0, inclusion.ToString());
        Assert.True((bool)JsonNode.Parse(inclusion.Out)!["valid"]!);

        // Corrupt a stored interior node that the served proof is made of: the proof changes, the signed roots do not.
        await TamperAsync(node, async db =>
        {
            var nodes = await db.LogNodes().ToListAsync(Ct);
            var used = nodes.First(n => hashes.Any(h => h.AsSpan().SequenceEqual(n.Hash)));
            used.Hash = used.Hash.Reverse().ToArray();
            return 0L;
        });

        var report = await VerifyFailsAsync(node);
        Assert.StartsWith("consistency ", (string?)report["firstFailure"]!["where"], StringComparison.Ordinal);
        Assert.Contains(report["failures"]!.AsArray(), f => (string?)f!["where"] == $"consistency {first.TreeSize} → {second.TreeSize}");
        var proof = await CliRunner.RunAsync(["log", "proof", "consistency", "--first", first.TreeSize.ToString(System.Globalization.CultureInfo.InvariantCulture), .. args]);
        Assert.Equal(2, proof.ExitCode);
        Assert.False((bool)JsonNode.Parse(proof.Out)!["valid"]!);
    }

    [Fact]
    public async Task Proof_ForASizeWithoutCheckpoint_ExitsTwoListingTheSignedSizes()
    {
        await using var node = await StartAsync();
        var (first, _) = await TwoCheckpointsAsync(node);
        var token = await node.CreateUserWithTokenAsync("auditor", Roles.Auditor);

        var result = await CliRunner.RunAsync("log", "proof", "inclusion", "--index", "0", "--size", (first.TreeSize + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "--node", node.BaseAddress.ToString(), "--token", token);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(first.TreeSize.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Error, StringComparison.Ordinal);
    }

    private static Task<TestNode> StartAsync() => TestNode.StartAsync(new TestNodeOptions { Kestrel = true, Now = Now }, Ct);

    private static async Task<JsonNode> VerifyFailsAsync(TestNode node)
    {
        var token = await node.CreateUserWithTokenAsync("verifier", Roles.NodeAdmin);
        var result = await CliRunner.RunAsync("log", "verify", "--node", node.BaseAddress.ToString(), "--token", token, "--json");
        Assert.True(result.ExitCode == 2, result.ToString());
        var report = JsonNode.Parse(result.Out)!;
        Assert.False((bool)report["ok"]!);
        return report;
    }

    /// <summary>Two checkpoints of different sizes, the second 20 leaves larger.</summary>
    private static async Task<(LogCheckpoint First, LogCheckpoint Second)> TwoCheckpointsAsync(TestNode node) =>
        (await GrowAsync(node, 3), await GrowAsync(node, 20));

    private static async Task<LogCheckpoint> GrowAsync(TestNode node, int events)
    {
        await using (var scope = node.Services.CreateAsyncScope())
        {
            var audit = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
            for (var i = 0; i < events; i++)
            {
                audit.Record(new AuditRecord("node", "test.recorded", "thing", Guid.NewGuid().ToString("D"), Audit.Sha256("content " + i)));
            }

            await scope.ServiceProvider.GetRequiredService<ComityDbContext>().SaveChangesAsync(Ct);
        }

        await node.Services.GetRequiredService<LogWriter>().RunOnceAsync(Ct);
        await using var read = node.Services.CreateAsyncScope();
        return (await LogWriter.LatestCheckpointAsync(read.ServiceProvider.GetRequiredService<ComityDbContext>(), Ct))!;
    }

    private static async Task<long> TamperAsync(TestNode node, Func<ComityDbContext, Task<long>> change)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComityDbContext>();
        var result = await change(db);
        await db.SaveChangesAsync(Ct);
        return result;
    }
}
