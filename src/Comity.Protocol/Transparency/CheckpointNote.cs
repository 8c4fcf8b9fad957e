using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace Comity.Protocol.Transparency;

/// <summary>The verdict on a signed checkpoint or a cosignature: the checkpoint, or a refusal with a reason.</summary>
public sealed record CheckpointVerification(Checkpoint? Checkpoint, string Reason, long? CosignedAt = null)
{
    public bool IsValid => Checkpoint is not null;

    internal static CheckpointVerification Refuse(string reason) => new(null, reason);
}

/// <summary>
/// Checkpoints as signed notes (C2SP tlog-checkpoint over C2SP signed-note, Ed25519). A note may
/// carry many signatures; those of other keys are ignored.
/// </summary>
public static class CheckpointNote
{
    /// <summary>Signs <paramref name="checkpoint"/> as log <paramref name="name"/>: the note text.</summary>
    public static string Sign(Checkpoint checkpoint, string name, Key key)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return SignedNote.Sign(checkpoint.ToBody(), name, key);
    }

    /// <summary>
    /// Verifies that <paramref name="noteText"/> is a checkpoint signed by the Ed25519 key
    /// <paramref name="name"/>/<paramref name="publicKey"/> and, if given, for <paramref name="expectedOrigin"/>.
    /// Never throws.
    /// </summary>
    public static CheckpointVerification Verify(string? noteText, string name, PublicKey publicKey, string? expectedOrigin = null)
    {
        if (!TryFindSignature(noteText, name, publicKey, SignedNote.Ed25519Algorithm, out var note, out var signature, out var refusal))
        {
            return CheckpointVerification.Refuse(refusal);
        }

        if (!SignatureAlgorithm.Ed25519.Verify(publicKey, Encoding.UTF8.GetBytes(note!.Body), signature.Span))
        {
            return CheckpointVerification.Refuse($"signature of {name} does not verify");
        }

        return ParseBody(note.Body, expectedOrigin);
    }

    internal static CheckpointVerification ParseBody(string body, string? expectedOrigin)
    {
        if (!Checkpoint.TryParse(body, out var checkpoint, out var reason))
        {
            return CheckpointVerification.Refuse(reason);
        }

        if (expectedOrigin is not null && !string.Equals(checkpoint!.Origin, expectedOrigin, StringComparison.Ordinal))
        {
            return CheckpointVerification.Refuse($"checkpoint is for origin '{checkpoint.Origin}', expected '{expectedOrigin}'");
        }

        return new CheckpointVerification(checkpoint, "valid");
    }

    /// <summary>Finds the one signature line of the given key; unknown keys are ignored, duplicates refused.</summary>
    internal static bool TryFindSignature(
        string? noteText, string name, PublicKey publicKey, byte algorithm,
        out ParsedNote? note, out ReadOnlyMemory<byte> signature, out string refusal)
    {
        signature = default;
        note = null;
        if (SignedNote.ValidateName(name) is { } badName || publicKey is null || publicKey.Algorithm is not Ed25519)
        {
            refusal = "the verifier's key name or Ed25519 public key is invalid";
            return false;
        }

        if (!SignedNote.TryParse(noteText, out note, out refusal))
        {
            return false;
        }

        var keyHash = SignedNote.KeyHash(name, algorithm, publicKey);
        var mine = note!.Signatures.Where(s => s.KeyHash == keyHash && string.Equals(s.Name, name, StringComparison.Ordinal)).ToList();
        switch (mine.Count)
        {
            case 0:
                refusal = $"no signature by {name} with key hash {keyHash:x8}";
                return false;
            case > 1:
                refusal = $"more than one signature by {name}";
                return false;
        }

        signature = mine[0].Signature;
        refusal = "";
        return true;
    }
}

/// <summary>
/// Witness cosignatures (C2SP tlog-cosignature, cosignature/v1): an Ed25519 signature over
/// "cosignature/v1\ntime &lt;unix seconds&gt;\n" followed by the checkpoint body, carried as a note
/// signature line whose value is key hash (algorithm 0x04) || 8-byte big-endian time || signature.
/// </summary>
public static class Cosignature
{
    private const int SignatureSize = 64;

    /// <summary>The bytes a witness signs for <paramref name="checkpoint"/> at <paramref name="timestamp"/> (Unix seconds).</summary>
    public static byte[] SignedMessage(Checkpoint checkpoint, long timestamp)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return SignedMessage(checkpoint.ToBody(), timestamp);
    }

    /// <summary>The cosignature line of witness <paramref name="name"/>, to append to the checkpoint note.</summary>
    public static string SignatureLine(Checkpoint checkpoint, string name, Key key, long timestamp)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegative(timestamp);
        if (key.Algorithm is not Ed25519)
        {
            throw new ArgumentException("Cosignatures use Ed25519 keys.", nameof(key));
        }

        var value = new byte[8 + SignatureSize];
        BinaryPrimitives.WriteUInt64BigEndian(value, (ulong)timestamp);
        SignatureAlgorithm.Ed25519.Sign(key, SignedMessage(checkpoint, timestamp), value.AsSpan(8));
        return SignedNote.FormatSignatureLine(name, SignedNote.KeyHash(name, SignedNote.CosignatureV1Algorithm, key.PublicKey), value);
    }

    /// <summary>Verifies the cosignature of witness <paramref name="name"/> on a checkpoint note. Never throws.</summary>
    public static CheckpointVerification Verify(string? noteText, string name, PublicKey publicKey, string? expectedOrigin = null)
    {
        if (!CheckpointNote.TryFindSignature(noteText, name, publicKey, SignedNote.CosignatureV1Algorithm, out var note, out var value, out var refusal))
        {
            return CheckpointVerification.Refuse(refusal);
        }

        if (value.Length != 8 + SignatureSize)
        {
            return CheckpointVerification.Refuse($"cosignature of {name} must be an 8-byte time and a 64-byte signature");
        }

        var timestamp = BinaryPrimitives.ReadUInt64BigEndian(value.Span);
        if (timestamp > long.MaxValue)
        {
            return CheckpointVerification.Refuse($"cosignature time of {name} is out of range");
        }

        var message = SignedMessage(note!.Body, (long)timestamp);
        if (!SignatureAlgorithm.Ed25519.Verify(publicKey, message, value.Span[8..]))
        {
            return CheckpointVerification.Refuse($"cosignature of {name} does not verify");
        }

        var parsed = CheckpointNote.ParseBody(note.Body, expectedOrigin);
        return parsed.IsValid ? parsed with { CosignedAt = (long)timestamp } : parsed;
    }

    private static byte[] SignedMessage(string body, long timestamp) =>
        Encoding.UTF8.GetBytes("cosignature/v1\ntime " + timestamp.ToString(CultureInfo.InvariantCulture) + "\n" + body);
}
