using System.Text;
using System.Text.Json.Nodes;
using Comity.Protocol.Jose;
using Comity.Protocol.Tests.Jose;
using Comity.Protocol.V1;
using NSec.Cryptography;

namespace Comity.Protocol.Tests.V1;

/// <summary>Every outcome of <see cref="RegisterVerifier"/>, each with the reason a person reads.</summary>
public sealed class RegisterVerifierTests : IDisposable
{
    // The vector's Register: serial 42, issued 2026-07-01T00:00Z, next update 2026-07-08T00:00Z.
    private static readonly DateTimeOffset Now = new(2026, 7, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Grace = TimeSpan.FromDays(1);

    private readonly Key secretariat = RegisterTestVector.SecretariatKey();
    private readonly Key impostor = JwsTestKeys.Ed25519("register verifier tests: impostor");
    private readonly Jwk trusted = RegisterTestVector.SecretariatPublicJwk();

    public void Dispose()
    {
        secretariat.Dispose();
        impostor.Dispose();
    }

    private string Signed(RegisterV1 register) => RegisterSigner.Sign(register, secretariat, RegisterTestVector.SecretariatKid);

    private string SignedPayload(JsonNode payload, string typ = RegisterV1.MediaType) =>
        JwsFlattened.Sign(Encoding.UTF8.GetBytes(payload.ToJsonString()), new JwsHeader(JwsHeader.EdDsa, RegisterTestVector.SecretariatKid, typ), secretariat);

    private static JsonObject Payload() => JsonNode.Parse(RegisterTestVector.PayloadBytes())!.AsObject();

    private RegisterVerification Verify(string jws, DateTimeOffset? now = null, long? lastSerial = null) =>
        RegisterVerifier.Verify(jws, trusted, lastSerial, now ?? Now, Grace);

    private static void AssertRefused(RegisterVerification result, RegisterRefusal refusal, string messagePart)
    {
        Assert.True(result.Verdict == RegisterVerdict.Refused, $"{result.Verdict}: {result.Message}");
        Assert.Equal(refusal, result.Refusal);
        Assert.Contains(messagePart, result.Message, StringComparison.Ordinal);
        Assert.False(result.IsAccepted);
        Assert.Null(result.Register);
        Assert.Null(result.Payload);
    }

    [Fact]
    public void Verify_FreshRegister_IsAccepted()
    {
        var result = Verify(RegisterTestVector.Jws());

        Assert.Equal(RegisterVerdict.Accepted, result.Verdict);
        Assert.Null(result.Refusal);
        Assert.True(result.IsAccepted);
        Assert.Equal(42, result.Register!.Serial);
        Assert.Equal(RegisterTestVector.SecretariatKid, result.Kid);
        Assert.Equal(RegisterTestVector.PayloadBytes(), result.Payload);
        Assert.Contains("serial 42", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_PastNextUpdateButWithinGrace_IsAccepted()
    {
        var result = Verify(RegisterTestVector.Jws(), now: new DateTimeOffset(2026, 7, 9, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(RegisterVerdict.Accepted, result.Verdict);
    }

    [Fact]
    public void Verify_PastNextUpdatePlusGrace_IsAcceptedStaleSayingWhen()
    {
        var result = Verify(RegisterTestVector.Jws(), now: new DateTimeOffset(2026, 7, 9, 0, 0, 1, TimeSpan.Zero));

        Assert.Equal(RegisterVerdict.AcceptedStale, result.Verdict);
        Assert.True(result.IsAccepted);
        Assert.NotNull(result.Register);
        Assert.Contains("stale", result.Message, StringComparison.Ordinal);
        Assert.Contains("2026-07-08T00:00:00Z", result.Message, StringComparison.Ordinal);
        Assert.Contains("grace of 1d", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_TamperedPayload_IsRefusedAsBadSignature()
    {
        var jws = JsonNode.Parse(RegisterTestVector.Jws())!.AsObject();
        var payload = Payload();
        payload["serial"] = 4200;
        jws["payload"] = Base64Url.Encode(Encoding.UTF8.GetBytes(payload.ToJsonString()));

        AssertRefused(Verify(jws.ToJsonString()), RegisterRefusal.BadSignature, "altered");
    }

    [Fact]
    public void Verify_SignedByAnotherKeyUnderItsOwnKid_IsRefusedAsWrongKey()
    {
        var impostorKid = JwsTestKeys.PublicJwk(impostor).Kid!;
        var jws = RegisterSigner.Sign(RegisterTestVector.Register(), impostor, impostorKid);

        AssertRefused(Verify(jws), RegisterRefusal.WrongKey, impostorKid);
    }

    [Fact]
    public void Verify_SignedByAnotherKey_TrustedKeyWithoutKid_IsRefusedAsWrongKeyNamingTheThumbprint()
    {
        var impostorKid = JwsTestKeys.PublicJwk(impostor).Kid!;
        var jws = RegisterSigner.Sign(RegisterTestVector.Register(), impostor, impostorKid);

        var result = RegisterVerifier.Verify(jws, trusted with { Kid = null }, null, Now, Grace);

        AssertRefused(result, RegisterRefusal.WrongKey, RegisterTestVector.SecretariatKid);
        Assert.Equal(impostorKid, result.Kid);
    }

    [Fact]
    public void Verify_SignedByAnotherKeyClaimingTheSecretariatKid_IsRefusedAsBadSignature()
    {
        var jws = RegisterSigner.Sign(RegisterTestVector.Register(), impostor, RegisterTestVector.SecretariatKid);

        AssertRefused(Verify(jws), RegisterRefusal.BadSignature, "altered");
    }

    [Fact]
    public void Verify_AlgNone_IsRefusedAsUnsupportedAlgorithm()
    {
        var jws = JwsTestKeys.Assemble($"{{\"alg\":\"none\",\"kid\":\"{RegisterTestVector.SecretariatKid}\",\"typ\":\"comity-register+json\"}}", RegisterTestVector.PayloadBytes(), []);

        AssertRefused(Verify(jws), RegisterRefusal.UnsupportedAlgorithm, "only EdDSA");
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("<html>502 Bad Gateway</html>")]
    public void Verify_NotAJws_IsRefusedAsMalformed(string document)
    {
        AssertRefused(Verify(document), RegisterRefusal.Malformed, "");
    }

    [Fact]
    public void Verify_SignedDocumentThatIsNotARegister_IsRefusedAsMalformedNamingTheTyp()
    {
        AssertRefused(Verify(SignedPayload(Payload(), typ: "comity-envelope+json")), RegisterRefusal.NotARegister, "comity-envelope+json");
    }

    [Fact]
    public void Verify_TypWithApplicationPrefixOrOtherCase_IsAccepted()
    {
        Assert.Equal(RegisterVerdict.Accepted, Verify(SignedPayload(Payload(), typ: "application/comity-register+json")).Verdict);
        Assert.Equal(RegisterVerdict.Accepted, Verify(SignedPayload(Payload(), typ: "Comity-Register+JSON")).Verdict);
    }

    [Fact]
    public void Verify_SignedPayloadThatIsNotJson_IsRefusedAsMalformed()
    {
        var jws = JwsFlattened.Sign("serial=42"u8, new JwsHeader(JwsHeader.EdDsa, RegisterTestVector.SecretariatKid, RegisterV1.MediaType), secretariat);

        AssertRefused(Verify(jws), RegisterRefusal.Malformed, "not JSON");
    }

    [Fact]
    public void Verify_SignedPayloadWithoutVersion_IsRefusedAsMalformed()
    {
        var payload = Payload();
        payload.Remove("version");

        AssertRefused(Verify(SignedPayload(payload)), RegisterRefusal.Malformed, "version");
    }

    [Fact]
    public void Verify_SignedPayloadBreakingTheSchema_IsRefusedAsMalformedNamingThePath()
    {
        var payload = Payload();
        payload["nodes"]![0]!["keys"]![0]!["notAfter"] = "next year";

        AssertRefused(Verify(SignedPayload(payload)), RegisterRefusal.Malformed, "notAfter");
    }

    [Fact]
    public void Verify_NextUpdateNotAfterIssuedAt_IsRefusedAsMalformed()
    {
        var payload = Payload();
        payload["nextUpdate"] = "2026-07-01T00:00:00Z";

        AssertRefused(Verify(SignedPayload(payload)), RegisterRefusal.Malformed, "nextUpdate");
    }

    [Fact]
    public void Verify_SerialZero_IsRefusedAsMalformed()
    {
        AssertRefused(Verify(Signed(RegisterTestVector.Register() with { Serial = 0 })), RegisterRefusal.Malformed, "serial must be 1 or more");
    }

    [Fact]
    public void Verify_Version2_IsRefusedAsUnsupportedVersionEvenWithAnotherShape()
    {
        var jws = SignedPayload(new JsonObject { ["version"] = 2, ["entries"] = new JsonArray() });

        AssertRefused(Verify(jws), RegisterRefusal.UnsupportedVersion, "version 2");
    }

    [Fact]
    public void Verify_UnknownMembers_AreIgnored()
    {
        var payload = Payload();
        payload["mirrors"] = new JsonArray("https://mirror.example/");

        Assert.Equal(RegisterVerdict.Accepted, Verify(SignedPayload(payload)).Verdict);
    }

    [Fact]
    public void Verify_LowerSerialThanLastAccepted_IsRefusedAsRollback()
    {
        AssertRefused(Verify(RegisterTestVector.Jws(), lastSerial: 43), RegisterRefusal.Rollback, "serial 42, lower than serial 43");
    }

    [Fact]
    public void Verify_SameSerialAsLastAcceptedSerial_IsAccepted()
    {
        Assert.Equal(RegisterVerdict.Accepted, Verify(RegisterTestVector.Jws(), lastSerial: 42).Verdict);
    }

    [Fact]
    public void Verify_SameSerialSameContent_IsAccepted()
    {
        var first = Verify(RegisterTestVector.Jws());

        var again = RegisterVerifier.Verify(RegisterTestVector.Jws(), new TrustedKey(trusted), first.AsLastAccepted(), Now, Grace);

        Assert.Equal(RegisterVerdict.Accepted, again.Verdict);
        Assert.Equal(first.PayloadDigest, again.PayloadDigest);
    }

    [Fact]
    public void Verify_SameSerialDifferentContent_IsRefusedAsSerialConflict()
    {
        var first = Verify(RegisterTestVector.Jws());
        var other = Signed(RegisterTestVector.Register() with { ServiceProviders = [] });

        var result = RegisterVerifier.Verify(other, new TrustedKey(trusted), first.AsLastAccepted(), Now, Grace);

        AssertRefused(result, RegisterRefusal.SerialConflict, "two different Registers with one serial");
    }

    [Fact]
    public void Verify_HigherSerial_IsAccepted()
    {
        var next = Signed(RegisterTestVector.Register() with { Serial = 43 });

        Assert.Equal(RegisterVerdict.Accepted, RegisterVerifier.Verify(next, new TrustedKey(trusted), new LastAcceptedRegister(42, "x"), Now, Grace).Verdict);
    }

    [Fact]
    public void Verify_IssuedMoreThanTheSkewInTheFuture_IsRefusedAsIssuedInFuture()
    {
        var result = Verify(RegisterTestVector.Jws(), now: new DateTimeOffset(2026, 6, 30, 23, 54, 59, TimeSpan.Zero));

        AssertRefused(result, RegisterRefusal.IssuedInFuture, "clock skew of 5m");
    }

    [Fact]
    public void Verify_IssuedWithinTheSkewInTheFuture_IsAccepted()
    {
        Assert.Equal(RegisterVerdict.Accepted, Verify(RegisterTestVector.Jws(), now: new DateTimeOffset(2026, 6, 30, 23, 56, 0, TimeSpan.Zero)).Verdict);
    }

    [Fact]
    public void Verify_TrustedKeyExpired_IsRefusedAsKeyExpired()
    {
        var key = new TrustedKey(trusted, NotBefore: null, NotAfter: new DateTimeOffset(2026, 7, 2, 0, 0, 0, TimeSpan.Zero));

        AssertRefused(RegisterVerifier.Verify(RegisterTestVector.Jws(), key, null, Now, Grace), RegisterRefusal.KeyExpired, "expired at 2026-07-02T00:00:00Z");
    }

    [Fact]
    public void Verify_TrustedKeyExpiredExactlyNow_IsRefusedAsKeyExpired()
    {
        var key = new TrustedKey(trusted, NotAfter: Now);

        Assert.Equal(RegisterRefusal.KeyExpired, RegisterVerifier.Verify(RegisterTestVector.Jws(), key, null, Now, Grace).Refusal);
    }

    [Fact]
    public void Verify_TrustedKeyNotYetValid_IsRefusedAsKeyNotYetValid()
    {
        var key = new TrustedKey(trusted, NotBefore: new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero));

        AssertRefused(RegisterVerifier.Verify(RegisterTestVector.Jws(), key, null, Now, Grace), RegisterRefusal.KeyNotYetValid, "valid only from 2026-08-01T00:00:00Z");
    }

    [Fact]
    public void Verify_TrustedKeyWithinValidity_IsAccepted()
    {
        var key = new TrustedKey(trusted, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(RegisterVerdict.Accepted, RegisterVerifier.Verify(RegisterTestVector.Jws(), key, null, Now, Grace).Verdict);
    }

    [Fact]
    public void Verify_NegativeGrace_IsABug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RegisterVerifier.Verify(RegisterTestVector.Jws(), trusted, null, Now, TimeSpan.FromSeconds(-1)));
    }
}
