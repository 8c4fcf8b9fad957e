using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Comity.Protocol.Jose;

namespace Comity.Protocol.V1;

/// <summary>What a node concludes about a Register it was given.</summary>
public enum RegisterVerdict
{
    /// <summary>Signature, key, version, serial and dates are good, and it is not past <c>nextUpdate</c> plus the grace.</summary>
    Accepted,

    /// <summary>Everything verifies, but now is past <c>nextUpdate</c> plus the grace: usable, shown as stale.</summary>
    AcceptedStale,

    /// <summary>Not to be used; the node keeps the last good Register. See <see cref="RegisterRefusal"/>.</summary>
    Refused,
}

/// <summary>Why a Register was refused (docs/protocol/register-v1.md, "Verification").</summary>
public enum RegisterRefusal
{
    /// <summary>Not a flattened JWS, not a Register (<c>typ</c>), or a payload that does not follow the schema.</summary>
    Malformed,

    /// <summary>The JWS <c>alg</c> is not <c>EdDSA</c> (e.g. <c>none</c> or <c>HS256</c>).</summary>
    UnsupportedAlgorithm,

    /// <summary>Signed (per its <c>kid</c>) by a key other than the trusted Secretariat key.</summary>
    WrongKey,

    /// <summary>The signature does not verify with the trusted key: the document was altered.</summary>
    BadSignature,

    /// <summary>The trusted Secretariat key is not valid yet (now is before its configured <c>NotBefore</c>).</summary>
    KeyNotYetValid,

    /// <summary>The trusted Secretariat key has expired (now is at or after its configured <c>NotAfter</c>).</summary>
    KeyExpired,

    /// <summary>The payload's <c>version</c> is not one this implementation reads.</summary>
    UnsupportedVersion,

    /// <summary><c>issuedAt</c> is later than now plus the allowed clock skew.</summary>
    IssuedInFuture,

    /// <summary>The serial is lower than the one the node last accepted: a replay of an older Register.</summary>
    Rollback,

    /// <summary>Same serial as the last accepted Register but different content: the Secretariat key signed two Registers with one serial.</summary>
    SerialConflict,

    /// <summary>A JWS that verifies but whose <c>typ</c> says it is something else than a Register.</summary>
    NotARegister,
}

/// <summary>The Register a node last accepted: its serial and the SHA-256 of its payload (<see cref="RegisterVerification.PayloadDigest"/>).</summary>
/// <param name="PayloadDigest">base64url SHA-256 of the payload bytes; null when only the serial is known (then an equal serial is accepted).</param>
public sealed record LastAcceptedRegister(long Serial, string? PayloadDigest);

/// <summary>The outcome of <see cref="RegisterVerifier.Verify(string, TrustedKey, LastAcceptedRegister?, DateTimeOffset, TimeSpan, TimeSpan?)"/>.</summary>
/// <param name="Refusal">Why it was refused; null when accepted.</param>
/// <param name="Message">One sentence for a person: what was checked and what failed.</param>
/// <param name="Register">The payload; only when accepted.</param>
/// <param name="Payload">The exact signed payload bytes; only when accepted.</param>
/// <param name="PayloadDigest">base64url SHA-256 of the payload bytes; only when accepted.</param>
/// <param name="Kid">The <c>kid</c> of the JWS header, when it could be read.</param>
public sealed record RegisterVerification(
    RegisterVerdict Verdict,
    RegisterRefusal? Refusal,
    string Message,
    RegisterV1? Register,
    byte[]? Payload,
    string? PayloadDigest,
    string? Kid)
{
    public bool IsAccepted => Verdict is RegisterVerdict.Accepted or RegisterVerdict.AcceptedStale;

    /// <summary>What to pass as <c>lastAccepted</c> next time; null when this one was refused.</summary>
    public LastAcceptedRegister? AsLastAccepted() => Register is null ? null : new LastAcceptedRegister(Register.Serial, PayloadDigest);

    internal static RegisterVerification Refused(RegisterRefusal refusal, string message, string? kid = null) =>
        new(RegisterVerdict.Refused, refusal, message, null, null, null, kid);
}

/// <summary>
/// Verifies a signed Register as every node does before using it: trusted key validity, JWS signature
/// (EdDSA only), <c>typ</c>, payload version and schema, <c>issuedAt</c> not in the future, no roll-back
/// to a lower serial, and staleness past <c>nextUpdate</c> plus a grace. Never throws for bad input.
/// </summary>
public static class RegisterVerifier
{
    /// <summary>How far <c>issuedAt</c> may be ahead of the verifier's clock: 5 minutes.</summary>
    public static readonly TimeSpan DefaultClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Verifies against a key with no configured validity; an equal serial is accepted (only the serial of the last Register is known).</summary>
    public static RegisterVerification Verify(string jws, Jwk trustedSecretariatKey, long? lastAcceptedSerial, DateTimeOffset now, TimeSpan staleGrace) =>
        Verify(jws, new TrustedKey(trustedSecretariatKey), lastAcceptedSerial is { } serial ? new LastAcceptedRegister(serial, null) : null, now, staleGrace);

    /// <param name="lastAccepted">The Register the node holds, if any: a lower serial is refused as <see cref="RegisterRefusal.Rollback"/>, the same serial with other bytes as <see cref="RegisterRefusal.SerialConflict"/>.</param>
    /// <param name="staleGrace">How long past <c>nextUpdate</c> a Register is still current.</param>
    /// <param name="clockSkew">How far <c>issuedAt</c> may be ahead of <paramref name="now"/>; default <see cref="DefaultClockSkew"/>.</param>
    public static RegisterVerification Verify(
        string jws,
        TrustedKey trustedSecretariatKey,
        LastAcceptedRegister? lastAccepted,
        DateTimeOffset now,
        TimeSpan staleGrace,
        TimeSpan? clockSkew = null)
    {
        ArgumentNullException.ThrowIfNull(trustedSecretariatKey);
        ArgumentNullException.ThrowIfNull(trustedSecretariatKey.Key);
        ArgumentOutOfRangeException.ThrowIfLessThan(staleGrace, TimeSpan.Zero);
        var skew = clockSkew ?? DefaultClockSkew;
        ArgumentOutOfRangeException.ThrowIfLessThan(skew, TimeSpan.Zero);

        var trusted = trustedSecretariatKey.Key;
        var keyName = trusted.Kid ?? SafeThumbprint(trusted);
        if (trustedSecretariatKey.NotBefore is { } notBefore && now < notBefore)
        {
            return RegisterVerification.Refused(RegisterRefusal.KeyNotYetValid, $"The trusted Secretariat key {keyName} is valid only from {Instant(notBefore)}; it is now {Instant(now)}.");
        }

        if (trustedSecretariatKey.NotAfter is { } notAfter && now >= notAfter)
        {
            return RegisterVerification.Refused(RegisterRefusal.KeyExpired, $"The trusted Secretariat key {keyName} expired at {Instant(notAfter)}; it is now {Instant(now)}. Configure the Secretariat's current key.");
        }

        var signature = JwsFlattened.Verify(jws, trusted);
        var kid = signature.Header?.Kid;
        switch (signature.Failure)
        {
            case JwsFailure.None:
                break;
            case JwsFailure.Malformed:
                return RegisterVerification.Refused(RegisterRefusal.Malformed, signature.Reason, kid);
            case JwsFailure.UnsupportedAlgorithm:
                return RegisterVerification.Refused(RegisterRefusal.UnsupportedAlgorithm, signature.Reason, kid);
            case JwsFailure.WrongKey:
                return RegisterVerification.Refused(RegisterRefusal.WrongKey, signature.Reason, kid);
            case JwsFailure.BadSignature:
                // A trusted key configured without a kid: say "another key" when the header names a key that is not this one's thumbprint.
                return kid is not null && trusted.Kid is null && !string.Equals(kid, SafeThumbprint(trusted), StringComparison.Ordinal)
                    ? RegisterVerification.Refused(RegisterRefusal.WrongKey, $"The Register was signed with key {kid}, not with the trusted Secretariat key (thumbprint {SafeThumbprint(trusted)}).", kid)
                    : RegisterVerification.Refused(RegisterRefusal.BadSignature, "The signature does not verify with the trusted Secretariat key: the Register was altered after signing.", kid);
            default:
                throw new InvalidOperationException($"Unknown JWS failure {signature.Failure}.");
        }

        var typ = signature.Header!.Typ;
        if (!string.Equals(typ, RegisterV1.MediaType, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(typ, "application/" + RegisterV1.MediaType, StringComparison.OrdinalIgnoreCase))
        {
            return RegisterVerification.Refused(RegisterRefusal.NotARegister, $"The JWS is not a Register: its typ is {typ ?? "missing"}, not {RegisterV1.MediaType}.", kid);
        }

        var payload = signature.Payload!;
        if (ReadVersion(payload, out var problem) is not { } version)
        {
            return RegisterVerification.Refused(RegisterRefusal.Malformed, problem, kid);
        }

        if (version != RegisterV1.CurrentVersion)
        {
            return RegisterVerification.Refused(RegisterRefusal.UnsupportedVersion, $"The Register is version {version.ToString(CultureInfo.InvariantCulture)}; this implementation reads version {RegisterV1.CurrentVersion.ToString(CultureInfo.InvariantCulture)} only.", kid);
        }

        RegisterV1 register;
        try
        {
            register = RegisterJson.Deserialize(payload);
        }
        catch (JsonException e)
        {
            var where = e.Path is { } path && !e.Message.Contains(path, StringComparison.Ordinal) ? $" at {path}" : "";
            return RegisterVerification.Refused(RegisterRefusal.Malformed, $"The Register payload does not follow the version 1 schema{where}: {e.Message}", kid);
        }

        if (register.Serial < 1)
        {
            return RegisterVerification.Refused(RegisterRefusal.Malformed, $"The Register serial must be 1 or more, not {register.Serial.ToString(CultureInfo.InvariantCulture)}.", kid);
        }

        if (register.NextUpdate <= register.IssuedAt)
        {
            return RegisterVerification.Refused(RegisterRefusal.Malformed, $"The Register's nextUpdate ({Instant(register.NextUpdate)}) is not after its issuedAt ({Instant(register.IssuedAt)}).", kid);
        }

        if (register.IssuedAt > now + skew)
        {
            return RegisterVerification.Refused(RegisterRefusal.IssuedInFuture, $"The Register says it was issued at {Instant(register.IssuedAt)}, later than now ({Instant(now)}) plus the allowed clock skew of {Duration(skew)}. Check this machine's clock.", kid);
        }

        var digest = Base64Url.Encode(SHA256.HashData(payload));
        if (lastAccepted is not null)
        {
            if (register.Serial < lastAccepted.Serial)
            {
                return RegisterVerification.Refused(RegisterRefusal.Rollback, $"Roll-back refused: the Register has serial {register.Serial.ToString(CultureInfo.InvariantCulture)}, lower than serial {lastAccepted.Serial.ToString(CultureInfo.InvariantCulture)} already accepted.", kid);
            }

            if (register.Serial == lastAccepted.Serial && lastAccepted.PayloadDigest is not null && !string.Equals(digest, lastAccepted.PayloadDigest, StringComparison.Ordinal))
            {
                return RegisterVerification.Refused(RegisterRefusal.SerialConflict, $"The Register has serial {register.Serial.ToString(CultureInfo.InvariantCulture)}, the serial already accepted, but different content: the Secretariat key signed two different Registers with one serial. Alert the Secretariat.", kid);
            }
        }

        var counts = string.Create(CultureInfo.InvariantCulture, $"serial {register.Serial}, issued at {Instant(register.IssuedAt)}");
        if (now > register.NextUpdate + staleGrace)
        {
            return new RegisterVerification(
                RegisterVerdict.AcceptedStale,
                null,
                $"Verified ({counts}) but stale: it was due to be replaced by {Instant(register.NextUpdate)}, and the grace of {Duration(staleGrace)} has passed (now {Instant(now)}).",
                register,
                payload,
                digest,
                kid);
        }

        return new RegisterVerification(RegisterVerdict.Accepted, null, $"Verified ({counts}), next update by {Instant(register.NextUpdate)}.", register, payload, digest, kid);
    }

    private static int? ReadVersion(byte[] payload, out string problem)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = "The Register payload is not a JSON object.";
                return null;
            }

            if (!document.RootElement.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var value))
            {
                problem = "The Register payload has no integer version member.";
                return null;
            }

            problem = "";
            return value;
        }
        catch (JsonException e)
        {
            problem = "The Register payload is not JSON: " + e.Message;
            return null;
        }
    }

    private static string SafeThumbprint(Jwk key) => key.X is null ? "(no x)" : JwkKeys.Thumbprint(key);

    internal static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    internal static string Duration(TimeSpan value) =>
        value.TotalDays >= 1 && value.Ticks % TimeSpan.TicksPerDay == 0 ? value.TotalDays.ToString("0", CultureInfo.InvariantCulture) + "d"
        : value.TotalHours >= 1 && value.Ticks % TimeSpan.TicksPerHour == 0 ? value.TotalHours.ToString("0", CultureInfo.InvariantCulture) + "h"
        : value.Ticks % TimeSpan.TicksPerMinute == 0 ? value.TotalMinutes.ToString("0", CultureInfo.InvariantCulture) + "m"
        : value.ToString("c", CultureInfo.InvariantCulture);
}
