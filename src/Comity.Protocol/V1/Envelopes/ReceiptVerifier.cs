using System.Globalization;
using System.Text.Json;
using Comity.Protocol.Jose;

namespace Comity.Protocol.V1;

/// <summary>What a sender concludes about a receipt for an envelope it sent.</summary>
public enum ReceiptVerdict
{
    /// <summary>Signed by the receiver's key valid at <c>receivedAt</c>, for exactly these envelope bytes.</summary>
    Accepted,

    /// <summary>Not a flattened JWS, not EdDSA, wrong <c>typ</c>, or a payload that breaks the schema.</summary>
    Malformed,

    /// <summary>The payload's <c>version</c> is not 1.</summary>
    UnsupportedVersion,

    /// <summary>The receiver's node (or the Register) lists no signing key with the header's <c>kid</c>.</summary>
    UnknownKey,

    /// <summary>The signature does not verify.</summary>
    BadSignature,

    /// <summary>The receipt is for another envelope: its id or SHA-256 is not that of the bytes sent.</summary>
    WrongEnvelope,

    /// <summary>The receipt names another receiver than the State the envelope was sent to.</summary>
    WrongReceiver,

    /// <summary>The receiver's key was outside its validity at <c>receivedAt</c>.</summary>
    KeyNotValid,
}

/// <summary>The outcome of <see cref="ReceiptVerifier.Verify"/>.</summary>
public sealed record ReceiptVerification(ReceiptVerdict Verdict, string Message, ReceiptV1? Receipt, string? Kid)
{
    public bool IsAccepted => Verdict == ReceiptVerdict.Accepted;

    internal static ReceiptVerification Refused(ReceiptVerdict verdict, string message, string? kid = null) => new(verdict, message, null, kid);
}

/// <summary>
/// Verifies a receipt against the envelope bytes the sender sent. Never throws for bad input. The key
/// must have been valid at <c>receivedAt</c> (a receipt is kept and re-checked long after its key
/// expires); that <c>receivedAt</c> is plausible is the sender's to judge.
/// </summary>
public static class ReceiptVerifier
{
    /// <param name="receiptJws">The receipt as returned by the receiver.</param>
    /// <param name="envelopeJwsBytes">The exact envelope bytes the sender sent (from its outbox).</param>
    /// <param name="expectedReceiver">The State the envelope was sent to.</param>
    public static ReceiptVerification Verify(string receiptJws, ReadOnlySpan<byte> envelopeJwsBytes, RegisterV1 register, string expectedReceiver)
    {
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(expectedReceiver);
        if (receiptJws is null)
        {
            return ReceiptVerification.Refused(ReceiptVerdict.Malformed, "The receipt is empty.");
        }

        if (OpenedJws.Open(System.Text.Encoding.UTF8.GetBytes(receiptJws), ReceiptV1.MediaType, "receipt", out var problem) is not { } opened)
        {
            return ReceiptVerification.Refused(ReceiptVerdict.Malformed, problem);
        }

        var kid = opened.Header.Kid;
        if (!OpenedJws.TryReadMembers(opened.Payload, "receipt", "receiver", out var version, out var receiver, out problem))
        {
            return version is { } v && v != ReceiptV1.CurrentVersion
                ? ReceiptVerification.Refused(ReceiptVerdict.UnsupportedVersion, UnsupportedVersion(v), kid)
                : ReceiptVerification.Refused(ReceiptVerdict.Malformed, problem, kid);
        }

        if (version != ReceiptV1.CurrentVersion)
        {
            return ReceiptVerification.Refused(ReceiptVerdict.UnsupportedVersion, UnsupportedVersion(version!.Value), kid);
        }

        if (!string.Equals(receiver, expectedReceiver, StringComparison.Ordinal))
        {
            return ReceiptVerification.Refused(ReceiptVerdict.WrongReceiver, $"The receipt names {FederationJson.Shown(receiver)} as receiver; the envelope was sent to {expectedReceiver}.", kid);
        }

        if (RegisterLookups.NodeFor(register, expectedReceiver) is not { } node || OpenedJws.SigningKey(node, kid) is not { } key)
        {
            return ReceiptVerification.Refused(ReceiptVerdict.UnknownKey, $"{expectedReceiver}'s node has no signing key {kid} in the Register (serial {register.Serial.ToString(CultureInfo.InvariantCulture)}).", kid);
        }

        var signature = OpenedJws.VerifyWith(opened, key);
        if (!signature.IsValid)
        {
            return signature.Failure == JwsFailure.BadSignature
                ? ReceiptVerification.Refused(ReceiptVerdict.BadSignature, $"The receipt's signature does not verify with {expectedReceiver}'s key {kid}.", kid)
                : ReceiptVerification.Refused(ReceiptVerdict.UnknownKey, signature.Reason, kid);
        }

        ReceiptV1 receipt;
        try
        {
            receipt = FederationJson.DeserializeReceipt(signature.Payload!);
        }
        catch (JsonException e)
        {
            return ReceiptVerification.Refused(ReceiptVerdict.Malformed, OpenedJws.SchemaProblem(e, "receipt"), kid);
        }

        if (FederationJson.Problem(receipt) is { } rule)
        {
            return ReceiptVerification.Refused(ReceiptVerdict.Malformed, rule, kid);
        }

        var lookup = RegisterLookups.ResolveNodeKey(register, expectedReceiver, kid, receipt.ReceivedAt);
        if (!lookup.Found)
        {
            return ReceiptVerification.Refused(ReceiptVerdict.KeyNotValid, $"{lookup.Message} (at receivedAt).", kid);
        }

        var sha256 = FederationJson.Sha256(envelopeJwsBytes);
        if (!string.Equals(sha256, receipt.EnvelopeSha256, StringComparison.Ordinal))
        {
            return ReceiptVerification.Refused(ReceiptVerdict.WrongEnvelope, $"The receipt is for envelope bytes with SHA-256 {receipt.EnvelopeSha256}, not for the bytes sent (SHA-256 {sha256}).", kid);
        }

        var sentId = EnvelopeId(envelopeJwsBytes);
        if (!string.Equals(sentId, receipt.EnvelopeId, StringComparison.Ordinal))
        {
            return ReceiptVerification.Refused(ReceiptVerdict.WrongEnvelope, $"The receipt is for envelope {receipt.EnvelopeId}, but the envelope sent has id {sentId ?? "(unreadable)"}.", kid);
        }

        return new ReceiptVerification(ReceiptVerdict.Accepted, $"Verified receipt from {receiver} for envelope {receipt.EnvelopeId}, received at {RegisterVerifier.Instant(receipt.ReceivedAt)}.", receipt, kid);
    }

    /// <summary>The id in the payload of envelope bytes (the sender's own, already trusted), or null.</summary>
    private static string? EnvelopeId(ReadOnlySpan<byte> envelopeJwsBytes) =>
        OpenedJws.Open(envelopeJwsBytes, EnvelopeV1.MediaType, "envelope", out _) is { } envelope
        && OpenedJws.TryReadMembers(envelope.Payload, "envelope", "id", out _, out var id, out _)
            ? id
            : null;

    private static string UnsupportedVersion(int version) =>
        $"The receipt is version {version.ToString(CultureInfo.InvariantCulture)}; this implementation reads version {ReceiptV1.CurrentVersion.ToString(CultureInfo.InvariantCulture)} only.";
}
