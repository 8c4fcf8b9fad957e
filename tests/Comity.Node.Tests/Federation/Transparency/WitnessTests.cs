using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using System.Text.Json;
using Comity.Node.Federation.Keys;
using Comity.Node.Federation.Transparency;
using Comity.Node.Storage;
using Comity.Protocol.Jose;
using Comity.Protocol.Transparency;
using Comity.Testing.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;

namespace Comity.Node.Tests.Federation.Transparency;

/// <summary>A Secretariat and three State nodes witnessing each other's logs over loopback (C2SP tlog-witness).</summary>
public sealed class WitnessTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryNode_CosignsEveryOthersCheckpoint_AndTheLatestCarriesTheCosignatures()
    {
        await using var network = await TestNetwork.StartAsync(Now, ["XA", "XB", "XC"], cancellationToken: Ct);
        await TransparencyLogTests.RecordAsync(network["XA"], 3);
        await RunWritersAsync(network);
        foreach (var node in network.All)
        {
            var submissions = await node.Services.GetRequiredService<WitnessClient>().RunOnceAsync(Ct);
            Assert.All(submissions, s => Assert.True(s.Cosigned, $"{s.State}: {s.Message}"));
            Assert.Equal(3, submissions.Count);
        }

        var register = (await network["XA"].HeldRegisterAsync(Ct))!;
        foreach (var node in network.All)
        {
            var own = register.Nodes.Single(n => n.Endpoint == node.BaseAddress).State;
            var note = await node.Services.GetRequiredService<ICheckpointSource>().LatestAsync(Ct);
            Assert.NotNull(note);
            var checkpoint = CheckpointNote.Verify(note, "comity.int/log/" + own, await TransparencyLogTests.SigningKeyAsync(node));
            Assert.True(checkpoint.IsValid, checkpoint.Reason);
            foreach (var witness in register.Nodes.Where(n => n.State != own))
            {
                var key = JwkKeys.ToEd25519PublicKey(witness.Keys.First(k => k.Use == "sig").Jwk);
                var cosigned = Cosignature.Verify(note, "comity.int/witness/" + witness.State, key, "comity.int/log/" + own);
                Assert.True(cosigned.IsValid, $"{witness.State} on {own}: {cosigned.Reason}");
                Assert.Equal(Now.ToUnixTimeSeconds(), cosigned.CosignedAt);
            }
        }

        // The log grows: the next round proves consistency from the size each witness accepted.
        await TransparencyLogTests.RecordAsync(network["XA"], 5);
        network.Advance(TimeSpan.FromMinutes(1));
        var grown = await network["XA"].Services.GetRequiredService<LogWriter>().RunOnceAsync(Ct);
        var again = await network["XA"].Services.GetRequiredService<WitnessClient>().RunOnceAsync(Ct);
        Assert.All(again, s => Assert.True(s.Cosigned, $"{s.State}: {s.Message}"));
        await using var scope = network["XB"].Services.CreateAsyncScope();
        var held = await scope.ServiceProvider.GetRequiredService<ComityDbContext>().WitnessedLogs().SingleAsync(w => w.Origin == "comity.int/log/XA", Ct);
        Assert.Equal(grown.Size, held.TreeSize);
    }

    [Fact]
    public async Task AWitness_RefusesSplitViewsRollbacksBadSignaturesAndUnknownLogs()
    {
        await using var network = await TestNetwork.StartAsync(Now, ["XA", "XB", "XC"], cancellationToken: Ct);
        var xa = network["XA"];
        await TransparencyLogTests.RecordAsync(xa, 4);
        await RunWritersAsync(network);
        var xb = network["XB"];
        using var toXb = xb.CreateClient();
        var xaClient = xa.Services.GetRequiredService<WitnessClient>();
        Assert.All(await xaClient.RunOnceAsync(Ct), s => Assert.True(s.Cosigned, s.Message));
        long size;
        await using (var scope = xa.Services.CreateAsyncScope())
        {
            size = (await LogWriter.LatestCheckpointAsync(scope.ServiceProvider.GetRequiredService<ComityDbContext>(), Ct))!.TreeSize;
        }

        using var splitViews = new SplitViewCounter(xb);

        // Split view: the same size with another root, signed with XA's real key.
        var forged = await SignAsync(xa, new Checkpoint("comity.int/log/XA", size, Enumerable.Repeat((byte)7, 32).ToArray()));
        using (var response = await SubmitAsync(toXb, size, [], forged))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal(LogWitness.SplitViewCode, await CodeAsync(response));
        }

        await using (var scope = xb.Services.CreateAsyncScope())
        {
            var alert = await scope.ServiceProvider.GetRequiredService<ComityDbContext>().WitnessAlerts().SingleAsync(Ct);
            Assert.Equal(("comity.int/log/XA", "XA", "split-view", size, size), (alert.Origin, alert.State, alert.Kind, alert.CosignedSize, alert.SubmittedSize));
            Assert.Equal(forged, alert.SubmittedNote);
            var held = await scope.ServiceProvider.GetRequiredService<ComityDbContext>().WitnessedLogs().SingleAsync(Ct);
            Assert.NotEqual(forged, held.Note);
        }

        Assert.Equal(1, splitViews.Count);

        using (var auditor = await xb.CreateClientForAsync("xb-auditor", Comity.Node.Identity.Roles.Auditor))
        {
            var summary = JsonDocument.Parse(await auditor.GetStringAsync("/api/v1/log", Ct));
            Assert.Equal("split-view", summary.RootElement.GetProperty("alerts")[0].GetProperty("kind").GetString());
        }

        // A larger tree whose proof leads elsewhere: also a split view.
        var larger = await SignAsync(xa, new Checkpoint("comity.int/log/XA", size + 1, Enumerable.Repeat((byte)9, 32).ToArray()));
        using (var response = await SubmitAsync(toXb, size, new[] { Enumerable.Repeat((byte)1, 32).ToArray(), Enumerable.Repeat((byte)2, 32).ToArray(), Enumerable.Repeat((byte)3, 32).ToArray(), Enumerable.Repeat((byte)4, 32).ToArray() }[..ProofLength(size, size + 1)], larger))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        }

        // Rollback: a smaller tree after a larger one was cosigned.
        var smaller = await SignAsync(xa, new Checkpoint("comity.int/log/XA", size - 1, Enumerable.Repeat((byte)8, 32).ToArray()));
        using (var response = await SubmitAsync(toXb, size, [], smaller))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("log.witness.rollback", await CodeAsync(response));
        }

        // Old size other than what the witness holds: 409 with its size, as tlog-witness says.
        using (var response = await SubmitAsync(toXb, 1, [], smaller))
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("text/x.tlog.size", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(size.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n", await response.Content.ReadAsStringAsync(Ct));
        }

        // Signed by another node's key under XA's name.
        var wrongKey = await SignAsync(network["XC"], new Checkpoint("comity.int/log/XA", size, Enumerable.Repeat((byte)7, 32).ToArray()), "comity.int/log/XA");
        using (var response = await SubmitAsync(toXb, size, [], wrongKey))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        // A log the witness does not know.
        var unknown = await SignAsync(xa, new Checkpoint("comity.int/log/ZZ", 1, new byte[32]), "comity.int/log/ZZ");
        using (var response = await SubmitAsync(toXb, 0, [], unknown))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using (var response = await toXb.PostAsync("/federation/v1/log/witness/add-checkpoint", new StringContent("garbage", Encoding.UTF8, "text/plain"), Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        // Still exactly one alert for the split view plus one for the inconsistent proof; the honest log is still cosigned.
        await using (var scope = xb.Services.CreateAsyncScope())
        {
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<ComityDbContext>().WitnessAlerts().CountAsync(Ct));
        }

        Assert.Equal(2, splitViews.Count);

        Assert.All(await xaClient.RunOnceAsync(Ct), s => Assert.True(s.Cosigned, s.Message));
    }

    private static int ProofLength(long first, long second)
    {
        var tree = new Comity.Domain.Transparency.MerkleTree();
        for (var i = 0; i < second; i++)
        {
            tree.Append([(byte)i]);
        }

        return tree.ConsistencyProof(first, second).Count;
    }

    private static async Task RunWritersAsync(TestNetwork network)
    {
        foreach (var node in network.All)
        {
            await node.Services.GetRequiredService<LogWriter>().RunOnceAsync(Ct);
        }
    }

    /// <summary>A checkpoint note signed with <paramref name="node"/>'s real signing key under <paramref name="name"/> (default: the checkpoint's origin).</summary>
    private static async Task<string> SignAsync(TestNode node, Checkpoint checkpoint, string? name = null)
    {
        name ??= checkpoint.Origin;
        await using var scope = node.Services.CreateAsyncScope();
        var body = checkpoint.ToBody();
        var signature = await scope.ServiceProvider.GetRequiredService<INodeKeys>().SignAsync(Encoding.UTF8.GetBytes(body), Ct);
        var key = PublicKey.Import(SignatureAlgorithm.Ed25519, signature.PublicKey, KeyBlobFormat.RawPublicKey);
        return body + "\n" + SignedNote.FormatSignatureLine(name, SignedNote.KeyHash(name, SignedNote.Ed25519Algorithm, key), signature.Signature);
    }

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient witness, long old, IReadOnlyList<byte[]> proof, string note)
    {
        var body = new StringBuilder("old ").Append(old).Append('\n');
        foreach (var hash in proof)
        {
            body.Append(Convert.ToBase64String(hash)).Append('\n');
        }

        body.Append('\n').Append(note);
        return witness.PostAsync("/federation/v1/log/witness/add-checkpoint", new StringContent(body.ToString(), Encoding.UTF8, "text/plain"), Ct);
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return problem.RootElement.GetProperty("code").GetString();
    }

    /// <summary>Counts <c>comity.log.witness.split_views</c> on one node's meter.</summary>
    private sealed class SplitViewCounter : IDisposable
    {
        private readonly MeterListener listener = new();
        private long count;

        public SplitViewCounter(TestNode node)
        {
            var factory = node.Services.GetRequiredService<IMeterFactory>();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "comity.log.witness.split_views" && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref count, value));
            listener.Start();
        }

        public long Count => Interlocked.Read(ref count);

        public void Dispose() => listener.Dispose();
    }
}
