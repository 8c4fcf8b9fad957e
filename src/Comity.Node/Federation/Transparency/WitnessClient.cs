using System.Globalization;
using System.Net;
using System.Text;
using Comity.Node.Federation.Register;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Comity.Protocol.Jose;
using Comity.Protocol.Transparency;
using Comity.Protocol.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comity.Node.Federation.Transparency;

/// <summary>The outcome of submitting the latest checkpoint to one peer witness.</summary>
/// <param name="State">The witness node's State code.</param>
/// <param name="Cosigned">Whether a valid cosignature was stored.</param>
/// <param name="Message">What happened, for logs and tests.</param>
public sealed record WitnessSubmission(string State, bool Cosigned, string Message);

/// <summary>
/// Collects cosignatures: submits this node's latest checkpoint to every other node of the Register
/// (<c>POST /federation/v1/log/witness/add-checkpoint</c>) with a consistency proof from the size the
/// witness last accepted, checks the cosignature it returns with the witness's Register key and stores
/// it, so that <see cref="ICheckpointSource.LatestAsync"/> carries it. A 409 answer gives the size the
/// witness holds: the submission is retried once from that size.
/// </summary>
internal sealed partial class WitnessClient(
    IServiceScopeFactory scopes,
    IHttpClientFactory http,
    IOptions<NodeOptions> node,
    IIdGenerator ids,
    StoredCheckpointSource checkpoints,
    TimeProvider time,
    ILogger<WitnessClient> logger) : IDisposable
{
    public const string HttpClientName = "comity-log-witness";

    public const string AddCheckpointPath = "federation/v1/log/witness/add-checkpoint";

    private readonly SemaphoreSlim gate = new(1, 1);

    public void Dispose() => gate.Dispose();

    public async Task<IReadOnlyList<WitnessSubmission>> RunOnceAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ComityDbContext>();
            var latest = await LogWriter.LatestCheckpointAsync(db, cancellationToken);
            var snapshot = await scope.ServiceProvider.GetRequiredService<ICurrentRegister>().GetAsync(cancellationToken);
            if (latest is null || snapshot is null)
            {
                return [];
            }

            var own = LogNames.OwnState(node);
            var results = new List<WitnessSubmission>();
            foreach (var peer in snapshot.Register.Nodes.Where(n => n.State != own).OrderBy(n => n.State, StringComparer.Ordinal))
            {
                WitnessSubmission result;
                try
                {
                    result = await SubmitAsync(db, latest, peer, cancellationToken);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    result = new WitnessSubmission(peer.State, false, "unreachable: " + e.Message);
                }

                await RecordAsync(db, peer.State, result, cancellationToken);
                if (!result.Cosigned)
                {
                    LogNotCosigned(peer.State, result.Message);
                }

                results.Add(result);
            }

            return results;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<WitnessSubmission> SubmitAsync(ComityDbContext db, LogCheckpoint checkpoint, RegisterNodeV1 peer, CancellationToken cancellationToken)
    {
        var state = await db.WitnessPeers().AsNoTracking().SingleOrDefaultAsync(p => p.State == peer.State, cancellationToken);
        var old = state?.AcceptedSize ?? 0;
        using var client = http.CreateClient(HttpClientName);
        var url = new Uri(peer.Endpoint.AbsoluteUri.EndsWith('/') ? peer.Endpoint : new Uri(peer.Endpoint.AbsoluteUri + "/"), AddCheckpointPath);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (old > checkpoint.TreeSize)
            {
                return new WitnessSubmission(peer.State, false, $"the witness holds size {old}, larger than this log's latest checkpoint ({checkpoint.TreeSize})");
            }

            var proof = old == 0 || old == checkpoint.TreeSize ? [] : await StoredMerkleTree.ConsistencyAsync(db, old, checkpoint.TreeSize, cancellationToken);
            var body = new StringBuilder().Append("old ").Append(old.ToString(CultureInfo.InvariantCulture)).Append('\n');
            foreach (var hash in proof)
            {
                body.Append(Convert.ToBase64String(hash)).Append('\n');
            }

            body.Append('\n').Append(checkpoint.Note);
            using var content = new StringContent(body.ToString(), Encoding.UTF8, "text/plain");
            using var response = await client.PostAsync(url, content, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.Conflict
                && long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var held))
            {
                old = held;
                continue;
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                return new WitnessSubmission(peer.State, false, $"{(int)response.StatusCode}: {Shorten(text)}");
            }

            return await StoreAsync(db, checkpoint, peer, text, cancellationToken);
        }

        return new WitnessSubmission(peer.State, false, "the witness kept answering 409 with another size");
    }

    private async Task<WitnessSubmission> StoreAsync(ComityDbContext db, LogCheckpoint checkpoint, RegisterNodeV1 peer, string answer, CancellationToken cancellationToken)
    {
        var name = LogNames.Witness(peer.State);
        var now = time.GetUtcNow();
        var keys = peer.Keys.Where(k => k.Use == "sig" && k.NotBefore <= now && now < k.NotAfter).ToList();
        foreach (var line in answer.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var withLine = checkpoint.Note + line + "\n";
            foreach (var key in keys)
            {
                var verification = Cosignature.Verify(withLine, name, JwkKeys.ToEd25519PublicKey(key.Jwk), LogNames.Origin(LogNames.OwnState(node)));
                if (!verification.IsValid || verification.Checkpoint!.TreeSize != checkpoint.TreeSize)
                {
                    continue;
                }

                var size = checkpoint.TreeSize;
                var existing = await db.LogCosignatures().SingleOrDefaultAsync(c => c.TreeSize == size && c.Witness == peer.State, cancellationToken);
                var cosignedAt = DateTimeOffset.FromUnixTimeSeconds(verification.CosignedAt!.Value);
                if (existing is null)
                {
                    db.LogCosignatures().Add(new LogCosignature
                    {
                        Id = ids.NewId(),
                        TreeSize = size,
                        RootHash = checkpoint.RootHash,
                        Witness = peer.State,
                        KeyName = name,
                        Line = line + "\n",
                        CosignedAt = cosignedAt,
                    });
                }
                else
                {
                    existing.RootHash = checkpoint.RootHash;
                    existing.Line = line + "\n";
                    existing.CosignedAt = cosignedAt;
                }

                await db.SaveChangesAsync(cancellationToken);
                checkpoints.Invalidate();
                await SetAcceptedAsync(db, peer.State, size, now, cancellationToken);
                return new WitnessSubmission(peer.State, true, $"cosigned size {size} at {cosignedAt:O}");
            }
        }

        return new WitnessSubmission(peer.State, false, $"the answer holds no valid cosignature by {name} with a key of {peer.State} in the Register");
    }

    private static async Task SetAcceptedAsync(ComityDbContext db, string state, long size, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await db.WitnessPeers().SingleOrDefaultAsync(p => p.State == state, cancellationToken);
        if (row is null)
        {
            db.WitnessPeers().Add(new WitnessPeer { State = state, AcceptedSize = size, AcceptedAt = now });
        }
        else
        {
            row.AcceptedSize = size;
            row.AcceptedAt = now;
            row.LastError = null;
            row.LastErrorAt = null;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task RecordAsync(ComityDbContext db, string state, WitnessSubmission result, CancellationToken cancellationToken)
    {
        if (result.Cosigned)
        {
            return;
        }

        db.ChangeTracker.Clear();
        var row = await db.WitnessPeers().SingleOrDefaultAsync(p => p.State == state, cancellationToken);
        if (row is null)
        {
            row = new WitnessPeer { State = state, AcceptedSize = 0 };
            db.WitnessPeers().Add(row);
        }

        row.LastError = Shorten(result.Message);
        row.LastErrorAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Shorten(string text) => text.Length > 500 ? text[..500] : text;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transparency log: witness {State} did not cosign the latest checkpoint: {Reason}")]
    private partial void LogNotCosigned(string state, string reason);
}

/// <summary>Submits the latest checkpoint to the peer witnesses every <c>Comity:Transparency:WitnessInterval</c>.</summary>
internal sealed partial class WitnessWorker(
    WitnessClient client,
    IOptions<LogOptions> options,
    TimeProvider time,
    ILogger<WitnessWorker> logger) : BackgroundService
{
    /// <summary>The first round runs this long after start (or after the interval, if shorter): long enough for the Register sync and the first checkpoint, short enough that a fresh demo shows cosignatures within a minute.</summary>
    public static readonly TimeSpan FirstRound = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.WitnessInterval;
        await Task.Delay(interval < FirstRound ? interval : FirstRound, time, stoppingToken);
        do
        {
            try
            {
                await client.RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRunFailed(e);
            }
        }
        while (await WorkerTicks.NextAsync(interval, time, stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Transparency log: collecting cosignatures failed; the next run tries again")]
    private partial void LogRunFailed(Exception exception);
}
