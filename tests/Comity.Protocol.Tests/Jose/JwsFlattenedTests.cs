using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;
using NSec.Cryptography;

namespace Comity.Protocol.Tests.Jose;

public sealed class JwsFlattenedTests : IDisposable
{
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("{\"hello\":\"Comity\"}");

    private readonly Key key = JwsTestKeys.Ed25519("jws tests: signer");
    private readonly Key other = JwsTestKeys.Ed25519("jws tests: someone else");

    public void Dispose()
    {
        key.Dispose();
        other.Dispose();
    }

    private Jwk Public => JwsTestKeys.PublicJwk(key);

    private string Kid => Public.Kid!;

    private string SignedDocument() => JwsFlattened.Sign(Payload, new JwsHeader(JwsHeader.EdDsa, Kid, "test+json"), key);

    private static JsonObject Parse(string jws) => JsonNode.Parse(jws)!.AsObject();

    [Fact]
    public void Verify_RoundTrip_ReturnsHeaderAndPayload()
    {
        var result = JwsFlattened.Verify(SignedDocument(), Public);

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(JwsFailure.None, result.Failure);
        Assert.Equal(Payload, result.Payload);
        Assert.Equal(new JwsHeader("EdDSA", Kid, "test+json"), result.Header);
    }

    [Fact]
    public void Sign_SameInput_IsDeterministic()
    {
        Assert.Equal(SignedDocument(), SignedDocument());
    }

    [Fact]
    public void Verify_TamperedPayload_IsRefusedAsBadSignature()
    {
        var jws = Parse(SignedDocument());
        jws["payload"] = Base64Url.Encode(Encoding.UTF8.GetBytes("{\"hello\":\"Mallory\"}"));

        var result = JwsFlattened.Verify(jws.ToJsonString(), Public);

        Assert.Equal(JwsFailure.BadSignature, result.Failure);
        Assert.Contains("altered", result.Reason, StringComparison.Ordinal);
        Assert.Null(result.Payload);
    }

    [Fact]
    public void Verify_TamperedHeaderSameKid_IsRefusedAsBadSignature()
    {
        var jws = Parse(SignedDocument());
        jws["protected"] = Base64Url.Encode(Encoding.UTF8.GetBytes($"{{\"alg\":\"EdDSA\",\"kid\":\"{Kid}\",\"typ\":\"other+json\"}}"));

        var result = JwsFlattened.Verify(jws.ToJsonString(), Public);

        Assert.Equal(JwsFailure.BadSignature, result.Failure);
    }

    [Fact]
    public void Verify_KidMismatch_IsRefusedAsWrongKeyNamingBothKeys()
    {
        var signedByOther = JwsFlattened.Sign(Payload, new JwsHeader(JwsHeader.EdDsa, JwsTestKeys.PublicJwk(other).Kid!), other);

        var result = JwsFlattened.Verify(signedByOther, Public);

        Assert.Equal(JwsFailure.WrongKey, result.Failure);
        Assert.Contains(JwsTestKeys.PublicJwk(other).Kid!, result.Reason, StringComparison.Ordinal);
        Assert.Contains(Kid, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WrongKeyClaimingTheRightKid_IsRefusedAsBadSignature()
    {
        var forged = JwsFlattened.Sign(Payload, new JwsHeader(JwsHeader.EdDsa, Kid), other);

        var result = JwsFlattened.Verify(forged, Public);

        Assert.Equal(JwsFailure.BadSignature, result.Failure);
    }

    [Fact]
    public void Verify_HeaderWithoutKidWhenKeyHasOne_IsRefusedAsWrongKey()
    {
        var jws = JwsTestKeys.SignWithHeader("{\"alg\":\"EdDSA\"}", Payload, key);

        var result = JwsFlattened.Verify(jws, Public);

        Assert.Equal(JwsFailure.WrongKey, result.Failure);
        Assert.Contains("names no key", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_AlgNone_IsRefusedAsUnsupportedAlgorithm()
    {
        var jws = JwsTestKeys.Assemble($"{{\"alg\":\"none\",\"kid\":\"{Kid}\"}}", Payload, []);

        var result = JwsFlattened.Verify(jws, Public);

        Assert.Equal(JwsFailure.UnsupportedAlgorithm, result.Failure);
        Assert.Contains("none", result.Reason, StringComparison.Ordinal);
        Assert.Contains("only EdDSA", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_Hs256KeyedWithThePublicKey_IsRefusedAsUnsupportedAlgorithm()
    {
        // The classic confusion attack: an HMAC "signature" keyed with the verifier's public key.
        var header = $"{{\"alg\":\"HS256\",\"kid\":\"{Kid}\"}}";
        var input = JwsFlattened.SigningInput(Base64Url.Encode(Encoding.UTF8.GetBytes(header)), Base64Url.Encode(Payload));
        var mac = HMACSHA256.HashData(Base64Url.Decode(Public.X), input);

        var result = JwsFlattened.Verify(JwsTestKeys.Assemble(header, Payload, mac), Public);

        Assert.Equal(JwsFailure.UnsupportedAlgorithm, result.Failure);
        Assert.Contains("HS256", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_MissingAlg_IsRefusedAsUnsupportedAlgorithm()
    {
        var result = JwsFlattened.Verify(JwsTestKeys.SignWithHeader($"{{\"kid\":\"{Kid}\"}}", Payload, key), Public);

        Assert.Equal(JwsFailure.UnsupportedAlgorithm, result.Failure);
        Assert.Contains("missing", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("{")]
    [InlineData("not json at all")]
    [InlineData("{\"protected\":\"eyJhbGciOiJFZERTQSJ9\",\"payload\":\"e30\"}")]
    [InlineData("{\"protected\":1,\"payload\":\"e30\",\"signature\":\"AA\"}")]
    [InlineData("eyJhbGciOiJFZERTQSJ9.e30.AAAA")]
    public void Verify_GarbageDocument_IsRefusedAsMalformed(string document)
    {
        var result = JwsFlattened.Verify(document, Public);

        Assert.Equal(JwsFailure.Malformed, result.Failure);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
    }

    [Theory]
    [InlineData("protected", "eyJhbGciOiJFZERTQSJ9=")] // padding
    [InlineData("protected", "eyJhbGciOiJFZERTQSJ9+/")] // standard alphabet
    [InlineData("payload", "e30 ")] // whitespace
    [InlineData("payload", "e31")] // non-zero trailing bits: "e30" and "e31" would both decode to "{}"
    [InlineData("payload", "e")] // impossible length
    [InlineData("signature", "!!!!")]
    public void Verify_BadBase64Url_IsRefusedAsMalformed(string member, string value)
    {
        var jws = Parse(SignedDocument());
        jws[member] = value;

        var result = JwsFlattened.Verify(jws.ToJsonString(), Public);

        Assert.Equal(JwsFailure.Malformed, result.Failure);
        Assert.Contains("base64url", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_HeaderNotAnObject_IsRefusedAsMalformed()
    {
        var result = JwsFlattened.Verify(JwsTestKeys.SignWithHeader("[\"EdDSA\"]", Payload, key), Public);

        Assert.Equal(JwsFailure.Malformed, result.Failure);
    }

    [Fact]
    public void Verify_CriticalExtension_IsRefusedAsMalformed()
    {
        var jws = JwsTestKeys.SignWithHeader($"{{\"alg\":\"EdDSA\",\"kid\":\"{Kid}\",\"crit\":[\"exp\"],\"exp\":1}}", Payload, key);

        var result = JwsFlattened.Verify(jws, Public);

        Assert.Equal(JwsFailure.Malformed, result.Failure);
        Assert.Contains("crit", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_DuplicateHeaderMember_IsRefusedAsMalformed()
    {
        // Some parsers take the first alg, others the last: refuse rather than guess.
        var jws = JwsTestKeys.SignWithHeader($"{{\"alg\":\"none\",\"alg\":\"EdDSA\",\"kid\":\"{Kid}\"}}", Payload, key);

        var result = JwsFlattened.Verify(jws, Public);

        Assert.Equal(JwsFailure.Malformed, result.Failure);
    }

    [Fact]
    public void Verify_DuplicatePayloadMemberInTheDocument_IsRefusedAsMalformed()
    {
        var signed = SignedDocument();
        var duplicated = signed.Insert(signed.Length - 1, ",\"payload\":\"e30\"");

        var result = JwsFlattened.Verify(duplicated, Public);

        Assert.Equal(JwsFailure.Malformed, result.Failure);
    }

    [Fact]
    public void Verify_SignatureOfWrongLength_IsRefusedAsBadSignature()
    {
        var jws = Parse(SignedDocument());
        jws["signature"] = Base64Url.Encode(new byte[63]);

        var result = JwsFlattened.Verify(jws.ToJsonString(), Public);

        Assert.Equal(JwsFailure.BadSignature, result.Failure);
    }

    [Theory]
    [InlineData("OKP", "X25519")]
    [InlineData("EC", "P-256")]
    public void Verify_KeyThatIsNotEd25519_IsRefusedAsWrongKey(string kty, string crv)
    {
        var result = JwsFlattened.Verify(SignedDocument(), Public with { Kty = kty, Crv = crv });

        Assert.Equal(JwsFailure.WrongKey, result.Failure);
        Assert.Contains("Ed25519", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_KeyWithGarbageX_IsRefusedAsWrongKey()
    {
        var result = JwsFlattened.Verify(SignedDocument(), Public with { X = "not*base64" });

        Assert.Equal(JwsFailure.WrongKey, result.Failure);
    }
}
