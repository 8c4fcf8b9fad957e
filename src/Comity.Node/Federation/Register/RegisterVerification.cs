using Comity.Protocol.Jose;
using Comity.Protocol.V1;

namespace Comity.Node.Federation.Register;

/// <summary>Why a received Register was refused: a stable code and a sentence for the administrator.</summary>
internal sealed record RegisterRefusal(string Code, string Reason)
{
    public const string Malformed = "register.malformed";
    public const string BadSignature = "register.bad-signature";
    public const string WrongKey = "register.wrong-key";
    public const string KeyNotListed = "register.key-not-listed";
    public const string KeyExpired = "register.key-expired";
    public const string WrongType = "register.wrong-type";
    public const string IssuedInFuture = "register.issued-in-future";
    public const string Rollback = "register.rollback";
    public const string SerialReused = "register.serial-reused";

    public static IReadOnlyList<string> All { get; } =
        [Malformed, BadSignature, WrongKey, KeyNotListed, KeyExpired, WrongType, IssuedInFuture, Rollback, SerialReused];
}

/// <summary>What a node holds now, against which a received Register is checked.</summary>
internal sealed record HeldRegisterState(long? Serial, string? PayloadSha256, RegisterV1? Register);

/// <summary>The outcome of checking a received Register: accepted (new or the one already held) or refused.</summary>
internal sealed record RegisterCheck(RegisterV1? Register, string? PayloadSha256, bool Unchanged, RegisterRefusal? Refusal)
{
    public static RegisterCheck Refused(string code, string reason) => new(null, null, false, new RegisterRefusal(code, reason));
}

/// <summary>
/// The one place a State node decides whether to trust a received Register (interim: the Protocol
/// area's <c>RegisterVerifier</c> was not on main when this was written; replace the body of
/// <see cref="Check"/> with a call to it once it is, keeping the refusal codes).
/// </summary>
/// <remarks>
/// Checks, in order: the JWS signature (EdDSA) against the configured Secretariat key or a Secretariat
/// (<c>UN</c>) signing key listed in the Register already held and valid now; <c>typ</c>; the payload's
/// shape and version; that the signing key is listed for <c>UN</c> in the payload itself and valid at
/// <c>issuedAt</c> and now; <c>issuedAt</c> not in the future (beyond the allowed clock skew);
/// <c>nextUpdate</c> after <c>issuedAt</c>; and the serial against the one held (lower: roll-back;
/// equal with other content: a reused serial). Staleness is not a refusal: a late Register is still
/// the newest the node can have, and is shown as stale.
/// </remarks>
internal static class RegisterVerification
{
    public const string SecretariatState = "UN";

    public static RegisterCheck Check(string jws, Jwk configuredKey, HeldRegisterState held, DateTimeOffset now, TimeSpan clockSkew)
    {
        var trusted = new List<Jwk> { configuredKey };
        if (held.Register is { } previous)
        {
            trusted.AddRange(SecretariatSigningKeys(previous)
                .Where(k => k.NotBefore <= now && now < k.NotAfter && k.Kid != configuredKey.Kid)
                .Select(k => k.Jwk with { Kid = k.Kid }));
        }

        JwsVerification? verified = null;
        var failures = new List<JwsVerification>();
        foreach (var key in trusted)
        {
            var result = JwsFlattened.Verify(jws, key);
            if (result.IsValid)
            {
                verified = result;
                break;
            }

            failures.Add(result);
        }

        if (verified is null)
        {
            var failure = failures.FirstOrDefault(f => f.Failure is JwsFailure.Malformed or JwsFailure.UnsupportedAlgorithm or JwsFailure.BadSignature) ?? failures[0];
            return failure.Failure switch
            {
                JwsFailure.Malformed or JwsFailure.UnsupportedAlgorithm => RegisterCheck.Refused(RegisterRefusal.Malformed, failure.Reason),
                JwsFailure.BadSignature => RegisterCheck.Refused(RegisterRefusal.BadSignature, failure.Reason),
                _ => RegisterCheck.Refused(RegisterRefusal.WrongKey,
                    $"{failure.Reason} It is neither the configured Secretariat key nor a Secretariat key listed in the Register held."),
            };
        }

        var header = verified.Header!;
        if (header.Typ != RegisterV1.MediaType)
        {
            return RegisterCheck.Refused(RegisterRefusal.WrongType, $"The JWS has typ {header.Typ ?? "(none)"}, not {RegisterV1.MediaType}: it is not a Register.");
        }

        var payload = verified.Payload!;
        var register = RegisterJson.TryParse(payload, out var error);
        if (register is null)
        {
            return RegisterCheck.Refused(RegisterRefusal.Malformed, error!);
        }

        if (register.NextUpdate <= register.IssuedAt)
        {
            return RegisterCheck.Refused(RegisterRefusal.Malformed, $"nextUpdate ({Iso(register.NextUpdate)}) is not after issuedAt ({Iso(register.IssuedAt)}).");
        }

        var signer = SecretariatSigningKeys(register).FirstOrDefault(k => k.Kid == header.Kid);
        if (signer is null)
        {
            return RegisterCheck.Refused(RegisterRefusal.KeyNotListed, $"The Register is signed with key {header.Kid}, which it does not list as a Secretariat (UN) signing key.");
        }

        if (register.IssuedAt < signer.NotBefore || register.IssuedAt >= signer.NotAfter || now >= signer.NotAfter)
        {
            return RegisterCheck.Refused(RegisterRefusal.KeyExpired,
                $"The Secretariat key {signer.Kid} is valid from {Iso(signer.NotBefore)} until {Iso(signer.NotAfter)}; the Register was issued at {Iso(register.IssuedAt)} and it is now {Iso(now)}.");
        }

        if (register.IssuedAt > now + clockSkew)
        {
            return RegisterCheck.Refused(RegisterRefusal.IssuedInFuture,
                $"The Register says it was issued at {Iso(register.IssuedAt)}, after this node's clock ({Iso(now)}): check the clocks of both nodes.");
        }

        var hash = RegisterJson.Sha256(payload);
        if (held.Serial is { } heldSerial)
        {
            if (register.Serial < heldSerial)
            {
                return RegisterCheck.Refused(RegisterRefusal.Rollback,
                    $"The Register has serial {register.Serial}, lower than serial {heldSerial} already held: a roll-back to an older Register is refused.");
            }

            if (register.Serial == heldSerial)
            {
                return hash == held.PayloadSha256
                    ? new RegisterCheck(register, hash, true, null)
                    : RegisterCheck.Refused(RegisterRefusal.SerialReused, $"The Register has serial {register.Serial}, the serial held, but different content.");
            }
        }

        return new RegisterCheck(register, hash, false, null);
    }

    /// <summary>The Secretariat's signing keys as the Register lists them.</summary>
    public static IEnumerable<RegisterKeyV1> SecretariatSigningKeys(RegisterV1 register) =>
        register.Nodes.Where(n => n.State == SecretariatState).SelectMany(n => n.Keys).Where(k => k?.Use == "sig" && k.Jwk is not null);

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
