using System.Globalization;
using System.Text;
using System.Text.Json;
using Comity.Protocol.Jose;

namespace Comity.Protocol.V1;

/// <summary>
/// What a receiving node concludes about an envelope (docs/protocol/federation-v1.md, "Verification").
/// Every refusal is permanent: the same bytes will be refused again, so the sender must not retry them
/// (<see cref="FederationRefusals.IsPermanent(EnvelopeVerdict)"/>).
/// </summary>
public enum EnvelopeVerdict
{
    /// <summary>Signed by the sender's current key, addressed to this node, on time and well formed.</summary>
    Accepted,

    /// <summary>Not UTF-8, not a flattened JWS, not EdDSA, no <c>kid</c>, wrong <c>typ</c>, or a payload that breaks the schema.</summary>
    Malformed,

    /// <summary>Larger than the receiver's limit; checked before anything is parsed.</summary>
    TooLarge,

    /// <summary>The payload's <c>version</c> is not 1.</summary>
    UnsupportedVersion,

    /// <summary>The Register lists no node for the payload's <c>from</c>.</summary>
    UnknownSender,

    /// <summary>The sender's node lists no signing key with the header's <c>kid</c>.</summary>
    UnknownKey,

    /// <summary>The key is outside its <c>notBefore</c>/<c>notAfter</c> at <c>createdAt</c> or now.</summary>
    KeyNotValid,

    /// <summary>The signature does not verify: altered after signing.</summary>
    BadSignature,

    /// <summary>The envelope is addressed to another State.</summary>
    WrongRecipient,

    /// <summary><c>createdAt</c> is further from now than the allowed skew (ahead) or age (behind).</summary>
    ClockSkew,

    /// <summary>Validly signed by another node's key than that of the State named in <c>from</c>.</summary>
    SenderMismatch,
}

/// <summary>The outcome of <see cref="EnvelopeVerifier.Verify(ReadOnlySpan{byte}, RegisterV1, string, DateTimeOffset, TimeSpan, int, TimeSpan?)"/>.</summary>
/// <param name="Message">One sentence for a person: what was checked and what failed.</param>
/// <param name="Envelope">The payload; only when accepted.</param>
/// <param name="Payload">The exact signed payload bytes; only when accepted.</param>
/// <param name="Kid">The <c>kid</c> of the JWS header, when it could be read.</param>
public sealed record EnvelopeVerification(EnvelopeVerdict Verdict, string Message, EnvelopeV1? Envelope, byte[]? Payload, string? Kid)
{
    public bool IsAccepted => Verdict == EnvelopeVerdict.Accepted;

    internal static EnvelopeVerification Refused(EnvelopeVerdict verdict, string message, string? kid = null) => new(verdict, message, null, null, kid);
}

/// <summary>
/// Verifies an envelope as the receiving node does before storing it in its inbox. Never throws for
/// bad input. Order: size, JWS shape and <c>typ</c>, version, sender, key, signature, schema, key
/// validity, recipient, clock. Duplicates and replays (same <c>id</c>, other bytes) are the inbox's
/// concern: this layer sees one envelope at a time.
/// </summary>
public static class EnvelopeVerifier
{
    /// <summary>How far <c>createdAt</c> may be ahead of the receiver's clock by default: 5 minutes.</summary>
    public static readonly TimeSpan DefaultClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Default largest envelope accepted: 1 MiB of JWS text.</summary>
    public const int DefaultMaxBytes = 1024 * 1024;

    /// <inheritdoc cref="Verify(ReadOnlySpan{byte}, RegisterV1, string, DateTimeOffset, TimeSpan, int, TimeSpan?)"/>
    public static EnvelopeVerification Verify(string jws, RegisterV1 register, string expectedRecipient, DateTimeOffset now, TimeSpan maxClockSkew, int maxBytes, TimeSpan? maxAge = null)
    {
        if (jws is null)
        {
            return EnvelopeVerification.Refused(EnvelopeVerdict.Malformed, "The envelope is empty.");
        }

        // Size first: never encode or parse more than the limit.
        if (jws.Length > maxBytes || Encoding.UTF8.GetByteCount(jws) > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        return Verify(Encoding.UTF8.GetBytes(jws), register, expectedRecipient, now, maxClockSkew, maxBytes, maxAge);
    }

    /// <summary>Verifies the envelope bytes exactly as received.</summary>
    /// <param name="expectedRecipient">The State this node serves.</param>
    /// <param name="maxClockSkew">How far <c>createdAt</c> may be ahead of <paramref name="now"/>.</param>
    /// <param name="maxBytes">Largest envelope accepted, in bytes of JWS text.</param>
    /// <param name="maxAge">How far <c>createdAt</c> may be behind <paramref name="now"/>; default <paramref name="maxClockSkew"/>.
    /// A node that delivers from an outbox after outages passes its delivery give-up time here.</param>
    public static EnvelopeVerification Verify(ReadOnlySpan<byte> jws, RegisterV1 register, string expectedRecipient, DateTimeOffset now, TimeSpan maxClockSkew, int maxBytes, TimeSpan? maxAge = null)
    {
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(expectedRecipient);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxClockSkew, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        var age = maxAge ?? maxClockSkew;
        ArgumentOutOfRangeException.ThrowIfLessThan(age, TimeSpan.Zero);

        if (jws.Length > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        if (OpenedJws.Open(jws, EnvelopeV1.MediaType, "envelope", out var problem) is not { } opened)
        {
            return EnvelopeVerification.Refused(EnvelopeVerdict.Malformed, problem);
        }

        var kid = opened.Header.Kid;
        if (!OpenedJws.TryReadMembers(opened.Payload, "envelope", "from", out var version, out var from, out problem))
        {
            // A newer version may have changed the shape of from: say it is the version that is not supported.
            return version is { } v && v != EnvelopeV1.CurrentVersion
                ? EnvelopeVerification.Refused(EnvelopeVerdict.UnsupportedVersion, UnsupportedVersion(v), kid)
                : EnvelopeVerification.Refused(EnvelopeVerdict.Malformed, problem, kid);
        }

        if (version != EnvelopeV1.CurrentVersion)
        {
            return EnvelopeVerification.Refused(EnvelopeVerdict.UnsupportedVersion, UnsupportedVersion(version!.Value), kid);
        }

        if (RegisterLookups.NodeFor(register, from!) is not { } senderNode)
        {
            return EnvelopeVerification.Refused(EnvelopeVerdict.UnknownSender, $"The envelope says it is from {FederationJson.Shown(from)}, but the Register (serial {Serial(register)}) lists no node for it.", kid);
        }

        if (OpenedJws.SigningKey(senderNode, kid) is not { } key)
        {
            // Signed by another node's key? Say so only if that node's key really signed it.
            foreach (var other in register.Nodes)
            {
                if (!ReferenceEquals(other, senderNode) && OpenedJws.SigningKey(other, kid) is { } otherKey && OpenedJws.VerifyWith(opened, otherKey).IsValid)
                {
                    return EnvelopeVerification.Refused(EnvelopeVerdict.SenderMismatch, $"The envelope says it is from {from}, but it was signed with key {kid} of {other.State}'s node.", kid);
                }
            }

            return EnvelopeVerification.Refused(EnvelopeVerdict.UnknownKey, $"{from}'s node has no signing key {kid} in the Register (serial {Serial(register)}).", kid);
        }

        var signature = OpenedJws.VerifyWith(opened, key);
        if (!signature.IsValid)
        {
            return signature.Failure == JwsFailure.BadSignature
                ? EnvelopeVerification.Refused(EnvelopeVerdict.BadSignature, $"The signature does not verify with {from}'s key {kid}: the envelope was altered after signing.", kid)
                : EnvelopeVerification.Refused(EnvelopeVerdict.UnknownKey, signature.Reason, kid);
        }

        var payload = signature.Payload!;
        EnvelopeV1 envelope;
        try
        {
            envelope = FederationJson.DeserializeEnvelope(payload);
        }
        catch (JsonException e)
        {
            return EnvelopeVerification.Refused(EnvelopeVerdict.Malformed, OpenedJws.SchemaProblem(e, "envelope"), kid);
        }

        if (FederationJson.Problem(envelope) is { } rule)
        {
            return EnvelopeVerification.Refused(EnvelopeVerdict.Malformed, rule, kid);
        }

        foreach (var (at, what) in new[] { (envelope.CreatedAt, "at createdAt"), (now, "now") })
        {
            var lookup = RegisterLookups.ResolveNodeKey(register, envelope.From, kid, at);
            if (!lookup.Found)
            {
                return EnvelopeVerification.Refused(EnvelopeVerdict.KeyNotValid, $"{lookup.Message} ({what}).", kid);
            }
        }

        if (!string.Equals(envelope.To, expectedRecipient, StringComparison.Ordinal))
        {
            return EnvelopeVerification.Refused(EnvelopeVerdict.WrongRecipient, $"The envelope is addressed to {envelope.To}; this node serves {expectedRecipient}.", kid);
        }

        if (envelope.CreatedAt > now + maxClockSkew)
        {
            return EnvelopeVerification.Refused(EnvelopeVerdict.ClockSkew, $"The envelope was created at {RegisterVerifier.Instant(envelope.CreatedAt)}, later than now ({RegisterVerifier.Instant(now)}) plus the allowed clock skew of {RegisterVerifier.Duration(maxClockSkew)}. Check the sender's clock.", kid);
        }

        if (envelope.CreatedAt < now - age)
        {
            return EnvelopeVerification.Refused(EnvelopeVerdict.ClockSkew, $"The envelope was created at {RegisterVerifier.Instant(envelope.CreatedAt)}, more than {RegisterVerifier.Duration(age)} before now ({RegisterVerifier.Instant(now)}).", kid);
        }

        return new EnvelopeVerification(
            EnvelopeVerdict.Accepted,
            string.Create(CultureInfo.InvariantCulture, $"Verified envelope {envelope.Id} ({envelope.Type}, conversation {envelope.Conversation} seq {envelope.Seq}) from {envelope.From}, signed with key {kid}."),
            envelope,
            payload,
            kid);
    }

    private static EnvelopeVerification TooLarge(int maxBytes) =>
        EnvelopeVerification.Refused(EnvelopeVerdict.TooLarge, $"The envelope is larger than the {maxBytes.ToString(CultureInfo.InvariantCulture)} bytes this node accepts.");

    private static string UnsupportedVersion(int version) =>
        $"The envelope is version {version.ToString(CultureInfo.InvariantCulture)}; this node reads version {EnvelopeV1.CurrentVersion.ToString(CultureInfo.InvariantCulture)} only.";

    private static string Serial(RegisterV1 register) => register.Serial.ToString(CultureInfo.InvariantCulture);
}
