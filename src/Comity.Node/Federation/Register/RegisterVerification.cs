using Comity.Protocol.Jose;
using Comity.Protocol.V1;

namespace Comity.Node.Federation.Register;

/// <summary>Why a received Register was refused: a stable code and a sentence for the administrator.</summary>
internal sealed record RegisterRefusalCodes(string Code, string Reason)
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
internal sealed record RegisterCheck(RegisterV1? Register, string? PayloadSha256, bool Unchanged, RegisterRefusalCodes? Refusal)
{
    public static RegisterCheck Refused(string code, string reason) => new(null, null, false, new RegisterRefusalCodes(code, reason));
}

/// <summary>
/// The one place a State node decides whether to trust a received Register. The Protocol's
/// <see cref="RegisterVerifier"/> checks the signature, <c>typ</c>, schema and version, dates,
/// roll-back and reused serials; this adds what only a node that holds a Register knows.
/// </summary>
/// <remarks>
/// The signature is accepted from the configured Secretariat key or from a Secretariat (<c>UN</c>)
/// signing key listed in the Register already held and valid now, so nodes follow a Secretariat key
/// rotation without being reconfigured. The signing key must also be listed for <c>UN</c> in the
/// payload itself and be valid at <c>issuedAt</c> and now. Staleness is not a refusal: a late
/// Register is still the newest the node can have, and is shown as stale.
/// </remarks>
internal static class RegisterVerification
{
    public const string SecretariatState = "UN";

    /// <summary>Freshness is judged by the caller; here a late Register only has to be authentic.</summary>
    private static readonly TimeSpan NoStaleness = TimeSpan.FromDays(36500);

    public static RegisterCheck Check(string jws, Jwk configuredKey, HeldRegisterState held, DateTimeOffset now, TimeSpan clockSkew)
    {
        var trusted = new List<Jwk> { configuredKey };
        if (held.Register is { } previous)
        {
            trusted.AddRange(SecretariatSigningKeys(previous)
                .Where(k => k.NotBefore <= now && now < k.NotAfter && k.Kid != configuredKey.Kid)
                .Select(k => k.Jwk with { Kid = k.Kid }));
        }

        var last = held.Serial is { } serial
            ? new LastAcceptedRegister(serial, held.PayloadSha256 is { } hex ? Base64Url.Encode(Convert.FromHexString(hex)) : null)
            : null;
        Protocol.V1.RegisterVerification? verified = null;
        var keyFailures = new List<Protocol.V1.RegisterVerification>();
        foreach (var key in trusted)
        {
            var result = RegisterVerifier.Verify(jws, new TrustedKey(key), last, now, NoStaleness, clockSkew);
            if (result.IsAccepted)
            {
                verified = result;
                break;
            }

            if (result.Refusal is not (RegisterRefusal.WrongKey or RegisterRefusal.BadSignature))
            {
                return Refused(result);
            }

            keyFailures.Add(result);
        }

        if (verified is null)
        {
            var failure = keyFailures.FirstOrDefault(f => f.Refusal == RegisterRefusal.BadSignature) ?? keyFailures[0];
            return failure.Refusal == RegisterRefusal.BadSignature
                ? RegisterCheck.Refused(RegisterRefusalCodes.BadSignature, failure.Message)
                : RegisterCheck.Refused(RegisterRefusalCodes.WrongKey, $"{failure.Message} It is neither the configured Secretariat key nor a Secretariat key listed in the Register held.");
        }

        var register = verified.Register!;
        var signer = SecretariatSigningKeys(register).FirstOrDefault(k => k.Kid == verified.Kid);
        if (signer is null)
        {
            return RegisterCheck.Refused(RegisterRefusalCodes.KeyNotListed, $"The Register is signed with key {verified.Kid}, which it does not list as a Secretariat (UN) signing key.");
        }

        if (register.IssuedAt < signer.NotBefore || register.IssuedAt >= signer.NotAfter || now >= signer.NotAfter)
        {
            return RegisterCheck.Refused(RegisterRefusalCodes.KeyExpired,
                $"The Secretariat key {signer.Kid} is valid from {Iso(signer.NotBefore)} until {Iso(signer.NotAfter)}; the Register was issued at {Iso(register.IssuedAt)} and it is now {Iso(now)}.");
        }

        var hash = Convert.ToHexStringLower(Base64Url.Decode(verified.PayloadDigest!));
        return new RegisterCheck(register, hash, held.Serial == register.Serial, null);
    }

    private static RegisterCheck Refused(Protocol.V1.RegisterVerification result) => result.Refusal switch
    {
        RegisterRefusal.NotARegister => RegisterCheck.Refused(RegisterRefusalCodes.WrongType, result.Message),
        RegisterRefusal.IssuedInFuture => RegisterCheck.Refused(RegisterRefusalCodes.IssuedInFuture, result.Message),
        RegisterRefusal.Rollback => RegisterCheck.Refused(RegisterRefusalCodes.Rollback, result.Message),
        RegisterRefusal.SerialConflict => RegisterCheck.Refused(RegisterRefusalCodes.SerialReused, result.Message),
        RegisterRefusal.KeyExpired or RegisterRefusal.KeyNotYetValid => RegisterCheck.Refused(RegisterRefusalCodes.KeyExpired, result.Message),
        _ => RegisterCheck.Refused(RegisterRefusalCodes.Malformed, result.Message),
    };

    /// <summary>The Secretariat's signing keys as the Register lists them.</summary>
    public static IEnumerable<RegisterKeyV1> SecretariatSigningKeys(RegisterV1 register) =>
        register.Nodes.Where(n => n.State == SecretariatState).SelectMany(n => n.Keys).Where(k => k?.Use == "sig" && k.Jwk is not null);

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
