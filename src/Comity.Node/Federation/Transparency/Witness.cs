using System.Buffers.Binary;
using System.Diagnostics.Metrics;
using System.Globalization;
using Comity.Domain.Transparency;
using Comity.Node.Federation.Keys;
using Comity.Node.Federation.Register;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Comity.Protocol.Jose;
using Comity.Protocol.Transparency;
using Comity.Protocol.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace Comity.Node.Federation.Transparency;

/// <summary>The transparency log's own instruments (meter <c>Comity</c>).</summary>
public sealed class LogMetrics
{
    public LogMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(ComityMetrics.MeterName);
        SplitViews = meter.CreateCounter<long>("comity.log.witness.split_views", description: "Peer logs caught presenting two histories (same size with another root, or a consistency proof leading elsewhere), by origin");
        WitnessRefusals = meter.CreateCounter<long>("comity.log.witness.refusals", description: "Checkpoints this node refused to cosign as a witness, by code");
        Cosigned = meter.CreateCounter<long>("comity.log.witness.cosigned", description: "Checkpoints this node cosigned as a witness");
    }

    public Counter<long> SplitViews { get; }

    public Counter<long> WitnessRefusals { get; }

    public Counter<long> Cosigned { get; }
}

/// <summary>
/// The witness's answer to an add-checkpoint request, both plain text by C2SP tlog-witness: its cosignature line (200), or,
/// when the request's old size is not the one it holds for the log, that size (409), so the client retries with a proof from it.
/// Refusals (400 malformed or rollback, 403 signature, 404 unknown log, 422 bad proof or split view) are <see cref="Error"/>s.
/// </summary>
public sealed record WitnessAnswer(string? CosignatureLine, long? HeldSize)
{
    public static WitnessAnswer Cosigned(string line) => new(line, null);

    public static WitnessAnswer OldSizeDiffers(long heldSize) => new(null, heldSize);
}

/// <summary>
/// This node as a witness of its peers' logs (C2SP tlog-witness semantics). It keeps, per origin, the
/// last checkpoint it cosigned; it cosigns a new one only if the log's key (from the Register it holds,
/// valid now) signed it and a consistency proof from the stored one verifies. A split view — the same
/// size with another root, or a consistency proof that leads elsewhere — is refused, stored as an alert
/// with both signed notes as evidence and counted.
/// </summary>
internal sealed partial class LogWitness(
    ComityDbContext db,
    ICurrentRegister register,
    INodeKeys keys,
    IIdGenerator ids,
    IOptions<NodeOptions> node,
    LogMetrics metrics,
    TimeProvider time,
    ILogger<LogWitness> logger)
{
    public const string SplitViewCode = "log.witness.split-view";
    public const string InconsistentCode = "log.witness.inconsistent";

    /// <summary>Parses and handles the body of <c>POST /federation/v1/log/witness/add-checkpoint</c>.</summary>
    public async Task<Result<WitnessAnswer>> AddCheckpointAsync(string body, CancellationToken cancellationToken)
    {
        if (!TryParseRequest(body, out var oldSize, out var proof, out var note, out var parseError))
        {
            return Refuse(Error.Invalid("body", "log.witness.malformed", parseError));
        }

        if (!SignedNote.TryParse(note, out var parsed, out var noteError) || !Checkpoint.TryParse(parsed!.Body, out var claimed, out noteError))
        {
            return Refuse(Error.Invalid("checkpoint", "log.witness.malformed", "The checkpoint note is malformed: " + noteError + "."));
        }

        var origin = claimed!.Origin;
        var state = LogNames.StateOf(origin);
        var snapshot = await register.GetAsync(cancellationToken);
        if (state is null || state == LogNames.OwnState(node) || snapshot is null || RegisterLookups.NodeFor(snapshot.Register, state) is not { } logNode)
        {
            return Refuse(Error.NotFound("log.witness.unknown-log", $"This witness does not know the log '{origin}': it witnesses the logs of the other nodes in the Register it holds ({LogNames.OriginPrefix}<State>)."));
        }

        var now = time.GetUtcNow();
        var verified = logNode.Keys
            .Where(k => k.Use == "sig" && k.NotBefore <= now && now < k.NotAfter)
            .Select(k => CheckpointNote.Verify(note, origin, JwkKeys.ToEd25519PublicKey(k.Jwk), origin))
            .FirstOrDefault(v => v.IsValid);
        if (verified?.Checkpoint is not { } checkpoint)
        {
            return Refuse(new Error(ErrorKind.Forbidden, "log.witness.bad-signature", "The checkpoint's signature is not accepted.", $"The checkpoint is not signed by a key of {state}'s node valid now in the Register (key name {origin})."));
        }

        var stored = await db.WitnessedLogs().SingleOrDefaultAsync(w => w.Origin == origin, cancellationToken);
        var storedSize = stored?.TreeSize ?? 0;
        if (oldSize != storedSize)
        {
            return OldSizeDiffers(storedSize);
        }

        if (checkpoint.TreeSize < oldSize)
        {
            return Refuse(Error.Invalid("checkpoint", "log.witness.rollback", $"The checkpoint's size {checkpoint.TreeSize} is smaller than the size {oldSize} this witness already cosigned for {origin}: a log never shrinks."));
        }

        if (stored is not null)
        {
            var storedRoot = stored.RootHash;
            var result = checkpoint.TreeSize == stored.TreeSize
                ? proof.Count == 0 && checkpoint.RootHash.Span.SequenceEqual(storedRoot)
                    ? new ProofVerification(ProofFailure.None, "same tree")
                    : proof.Count == 0
                        ? new ProofVerification(ProofFailure.RootMismatch, "same size, different root")
                        : new ProofVerification(ProofFailure.ProofLength, "a proof between equal sizes must be empty")
                : MerkleVerifier.VerifyConsistency(stored.TreeSize, checkpoint.TreeSize, proof, storedRoot, checkpoint.RootHash.ToArray());
            if (!result.IsValid)
            {
                if (result.Failure == ProofFailure.RootMismatch)
                {
                    return await AlertAsync(stored, checkpoint, note, state, result.Reason, cancellationToken);
                }

                return Refuse(Inconsistent("log.witness.bad-proof", $"The consistency proof from size {stored.TreeSize} to {checkpoint.TreeSize} is not valid: {result.Reason}."));
            }
        }
        else if (proof.Count != 0)
        {
            return Refuse(Inconsistent("log.witness.bad-proof", "A proof from size 0 must be empty: this witness has cosigned nothing for this log yet."));
        }

        var timestamp = now.ToUnixTimeSeconds();
        var line = await CosignAsync(checkpoint, timestamp, cancellationToken);
        if (stored is null)
        {
            db.WitnessedLogs().Add(new WitnessedLog { Origin = origin, State = state, TreeSize = checkpoint.TreeSize, RootHash = checkpoint.RootHash.ToArray(), Note = note, CosignedAt = now });
        }
        else
        {
            stored.TreeSize = checkpoint.TreeSize;
            stored.RootHash = checkpoint.RootHash.ToArray();
            stored.Note = note;
            stored.CosignedAt = now;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another submission for the same log was stored meanwhile: the submitter learns the new size and retries.
            return OldSizeDiffers(await StoredSizeAsync(origin, cancellationToken));
        }

        metrics.Cosigned.Add(1);
        return WitnessAnswer.Cosigned(line);
    }

    /// <summary>The witness's cosignature line on <paramref name="checkpoint"/> at <paramref name="timestamp"/> (Unix seconds), signed with the node key.</summary>
    private async Task<string> CosignAsync(Checkpoint checkpoint, long timestamp, CancellationToken cancellationToken)
    {
        var name = LogNames.Witness(LogNames.OwnState(node));
        var signature = await keys.SignAsync(Cosignature.SignedMessage(checkpoint, timestamp), cancellationToken);
        var value = new byte[8 + signature.Signature.Length];
        BinaryPrimitives.WriteUInt64BigEndian(value, (ulong)timestamp);
        signature.Signature.CopyTo(value, 8);
        var publicKey = PublicKey.Import(SignatureAlgorithm.Ed25519, signature.PublicKey, KeyBlobFormat.RawPublicKey);
        return SignedNote.FormatSignatureLine(name, SignedNote.KeyHash(name, SignedNote.CosignatureV1Algorithm, publicKey), value);
    }

    private async Task<Result<WitnessAnswer>> AlertAsync(WitnessedLog stored, Checkpoint submitted, string note, string state, string reason, CancellationToken cancellationToken)
    {
        var kind = submitted.TreeSize == stored.TreeSize ? "split-view" : "inconsistent";
        db.ChangeTracker.Clear();
        db.WitnessAlerts().Add(new WitnessAlert
        {
            Id = ids.NewId(),
            Origin = stored.Origin,
            State = state,
            Kind = kind,
            CosignedSize = stored.TreeSize,
            CosignedRoot = stored.RootHash,
            SubmittedSize = submitted.TreeSize,
            SubmittedRoot = submitted.RootHash.ToArray(),
            SubmittedNote = note,
            CosignedNote = stored.Note,
            Detail = reason.Length > 1000 ? reason[..1000] : reason,
            DetectedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        metrics.SplitViews.Add(1, new KeyValuePair<string, object?>("origin", stored.Origin));
        LogSplitView(stored.Origin, kind, stored.TreeSize, submitted.TreeSize);
        var code = kind == "split-view" ? SplitViewCode : InconsistentCode;
        var detail = kind == "split-view"
            ? $"SPLIT VIEW: {stored.Origin} signed two different trees of size {submitted.TreeSize}. This witness refuses it and has kept both signed checkpoints as evidence."
            : $"SPLIT VIEW: the checkpoint of size {submitted.TreeSize} is not consistent with the one of size {stored.TreeSize} this witness cosigned for {stored.Origin} ({reason}). Both signed checkpoints are kept as evidence.";
        return Refuse(Inconsistent(code, detail));
    }

    private async Task<long> StoredSizeAsync(string origin, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return (await db.WitnessedLogs().AsNoTracking().SingleOrDefaultAsync(w => w.Origin == origin, cancellationToken))?.TreeSize ?? 0;
    }

    private static Error Inconsistent(string code, string detail) =>
        new(ErrorKind.Conflict, code, "The checkpoint is not consistent with what this witness cosigned.", detail) { Status = StatusCodes.Status422UnprocessableEntity };

    private Error Refuse(Error error)
    {
        metrics.WitnessRefusals.Add(1, new KeyValuePair<string, object?>("code", error.Code));
        return error;
    }

    /// <summary>Not cosigned: the request's old size is not the one this witness holds (counted as a refusal).</summary>
    private WitnessAnswer OldSizeDiffers(long heldSize)
    {
        metrics.WitnessRefusals.Add(1, new KeyValuePair<string, object?>("code", "log.witness.old-size"));
        return WitnessAnswer.OldSizeDiffers(heldSize);
    }

    /// <summary>
    /// The tlog-witness request body: <c>old &lt;size&gt;</c>, then one base64 consistency-proof hash per line,
    /// an empty line, and the checkpoint note.
    /// </summary>
    public static bool TryParseRequest(string body, out long oldSize, out IReadOnlyList<byte[]> proof, out string note, out string error)
    {
        oldSize = 0;
        proof = [];
        note = "";
        var split = body.IndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            error = "The body must be 'old <size>', the proof lines, an empty line and the checkpoint note.";
            return false;
        }

        var head = body[..split].Split('\n');
        note = body[(split + 2)..];
        if (!head[0].StartsWith("old ", StringComparison.Ordinal)
            || !long.TryParse(head[0].AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out oldSize)
            || (head[0].Length > 5 && head[0][4] == '0'))
        {
            error = "The first line must be 'old <size>', a decimal size without sign or leading zeros.";
            return false;
        }

        if (head.Length - 1 > 63)
        {
            error = "A consistency proof has at most 63 hashes.";
            return false;
        }

        var hashes = new List<byte[]>();
        foreach (var line in head.Skip(1))
        {
            var hash = new byte[32];
            if (!Convert.TryFromBase64String(line, hash, out var written) || written != 32 || Convert.ToBase64String(hash) != line)
            {
                error = "Each proof line must be one 32-byte hash in standard padded base64.";
                return false;
            }

            hashes.Add(hash);
        }

        proof = hashes;
        error = "";
        return true;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "SPLIT VIEW of the transparency log {Origin} ({Kind}): cosigned size {CosignedSize}, submitted size {SubmittedSize}. Both signed checkpoints are stored in WitnessAlerts.")]
    private partial void LogSplitView(string origin, string kind, long cosignedSize, long submittedSize);
}
