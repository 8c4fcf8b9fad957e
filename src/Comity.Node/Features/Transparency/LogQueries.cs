using Comity.Node.Federation.Keys;
using Comity.Node.Federation.Register;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Comity.Protocol.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Comity.Node.Federation.Transparency;

namespace Comity.Node.Features.Transparency;

/// <summary>The log at a glance (<c>GET /api/v1/log</c>).</summary>
/// <param name="Origin">The log's origin and key name, e.g. <c>comity.int/log/XA</c>.</param>
/// <param name="Size">Leaves in the log.</param>
/// <param name="Pending">Recorded events not yet appended.</param>
/// <param name="Checkpoint">The latest checkpoint, with the cosignatures collected on its tree.</param>
/// <param name="Cosigners">Who cosigned that checkpoint's tree, and when.</param>
/// <param name="Witnesses">Per peer witness: the size it last accepted and its last error.</param>
/// <param name="Alerts">Split views this node detected as a witness of its peers, newest first.</param>
/// <param name="LogKeys">This node's signing keys valid now or later (the log's key is named <paramref name="Origin"/>).</param>
/// <param name="WitnessKeys">The peer witnesses' signing keys from the Register this node holds, with their witness key names.</param>
public sealed record LogSummaryResponse(
    string Origin,
    long Size,
    long Pending,
    LogCheckpointResponse? Checkpoint,
    IReadOnlyList<LogCosignerResponse> Cosigners,
    IReadOnlyList<LogWitnessPeerResponse> Witnesses,
    IReadOnlyList<LogAlertResponse> Alerts,
    IReadOnlyList<RegisterKeyV1> LogKeys,
    IReadOnlyList<LogWitnessKeysResponse> WitnessKeys);

/// <param name="Note">The signed note; in the summary with the cosignatures appended, in the list exactly as signed.</param>
public sealed record LogCheckpointResponse(Guid Id, long TreeSize, string RootHash, string Note, string Kid, DateTimeOffset CreatedAt);

public sealed record LogCosignerResponse(string Witness, string KeyName, DateTimeOffset CosignedAt);

public sealed record LogWitnessPeerResponse(string State, long AcceptedSize, DateTimeOffset? AcceptedAt, string? LastError, DateTimeOffset? LastErrorAt);

public sealed record LogAlertResponse(Guid Id, string Origin, string State, string Kind, long CosignedSize, string CosignedRoot, long SubmittedSize, string SubmittedRoot, string Detail, DateTimeOffset DetectedAt, string CosignedNote, string SubmittedNote);

public sealed record LogWitnessKeysResponse(string State, string KeyName, IReadOnlyList<RegisterKeyV1> Keys);

/// <summary>A page of log entries (<c>GET /api/v1/log/entries</c>).</summary>
public sealed record LogEntriesResponse(long Size, long From, IReadOnlyList<LogEntryResponse> Entries);

/// <summary>One leaf with its event. <paramref name="LeafData"/> is the canonical event bytes (base64); <paramref name="LeafHash"/> = SHA-256(0x00 || data), base64.</summary>
public sealed record LogEntryResponse(
    long Index, string LeafHash, string LeafData, Guid EventId, DateTimeOffset RecordedAt, DateTimeOffset SequencedAt,
    string Actor, string Action, string ObjectType, string ObjectId, string? ContentSha256);

/// <summary>Reads the log for the API and the page.</summary>
internal sealed class LogQueries(ComityDbContext db, INodeKeys keys, ICurrentRegister register, IOptions<NodeOptions> node)
{
    public const int MaxEntries = 1000;
    public const int MaxCheckpoints = 10_000;

    public async Task<LogSummaryResponse> SummaryAsync(CancellationToken cancellationToken)
    {
        var own = LogNames.OwnState(node);
        var size = await StoredMerkleTree.SizeAsync(db, cancellationToken);
        var pending = await db.AuditEvents().LongCountAsync(e => e.LeafIndex == null, cancellationToken);
        var latest = await LogWriter.LatestCheckpointAsync(db, cancellationToken);
        IReadOnlyList<LogCosignature> cosignatures = latest is null ? [] : await StoredCheckpointSource.CosignaturesAsync(db, latest, cancellationToken);
        var checkpoint = latest is null ? null : Checkpoint(latest) with { Note = latest.Note + string.Concat(cosignatures.Select(c => c.Line)) };
        var peers = await db.WitnessPeers().AsNoTracking().OrderBy(p => p.State).ToListAsync(cancellationToken);
        var alerts = await AlertsAsync(50, cancellationToken);
        var logKeys = (await keys.PublicKeysAsync(cancellationToken)).Where(k => k.Use == "sig").ToList();
        var snapshot = await register.GetAsync(cancellationToken);
        var witnessKeys = snapshot?.Register.Nodes.Where(n => n.State != own).OrderBy(n => n.State, StringComparer.Ordinal)
            .Select(n => new LogWitnessKeysResponse(n.State, LogNames.Witness(n.State), [.. n.Keys.Where(k => k.Use == "sig")]))
            .ToList() ?? [];
        return new LogSummaryResponse(
            LogNames.Origin(own), size, pending, checkpoint,
            [.. cosignatures.Select(c => new LogCosignerResponse(c.Witness, c.KeyName, c.CosignedAt))],
            [.. peers.Select(p => new LogWitnessPeerResponse(p.State, p.AcceptedSize, p.AcceptedAt, p.LastError, p.LastErrorAt))],
            alerts, logKeys, witnessKeys);
    }

    public async Task<IReadOnlyList<LogAlertResponse>> AlertsAsync(int limit, CancellationToken cancellationToken)
    {
        var alerts = await db.WitnessAlerts().AsNoTracking().OrderByDescending(a => a.DetectedAt).ThenByDescending(a => a.Id).Take(limit).ToListAsync(cancellationToken);
        return [.. alerts.Select(a => new LogAlertResponse(
            a.Id, a.Origin, a.State, a.Kind, a.CosignedSize, Convert.ToBase64String(a.CosignedRoot), a.SubmittedSize,
            Convert.ToBase64String(a.SubmittedRoot), a.Detail, a.DetectedAt, a.CosignedNote, a.SubmittedNote))];
    }

    public async Task<LogEntriesResponse> EntriesAsync(long from, int count, CancellationToken cancellationToken)
    {
        var size = await StoredMerkleTree.SizeAsync(db, cancellationToken);
        var last = from + count;
        var leaves = await db.LogLeaves().AsNoTracking().Where(l => l.Index >= from && l.Index < last).OrderBy(l => l.Index).ToListAsync(cancellationToken);
        var ids = leaves.Select(l => l.EventId).ToList();
        var events = await db.AuditEvents().AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        var entries = leaves.Select(l =>
        {
            var e = events[l.EventId];
            return new LogEntryResponse(
                l.Index, Convert.ToBase64String(l.LeafHash), Convert.ToBase64String(AuditLeaf.Data(e)), e.Id, e.RecordedAt, l.SequencedAt,
                e.Actor, e.Action, e.ObjectType, e.ObjectId, e.ContentSha256);
        }).ToList();
        return new LogEntriesResponse(size, from, entries);
    }

    public async Task<IReadOnlyList<LogCheckpointResponse>> CheckpointsAsync(int limit, CancellationToken cancellationToken)
    {
        var list = await db.LogCheckpoints().AsNoTracking().OrderByDescending(c => c.TreeSize).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(limit).ToListAsync(cancellationToken);
        return [.. list.Select(Checkpoint)];
    }

    private static LogCheckpointResponse Checkpoint(LogCheckpoint c) =>
        new(c.Id, c.TreeSize, Convert.ToBase64String(c.RootHash), c.Note, c.Kid, c.CreatedAt);
}
