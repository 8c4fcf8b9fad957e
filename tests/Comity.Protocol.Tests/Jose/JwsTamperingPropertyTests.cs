using System.Text.Json.Nodes;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;
using CsCheck;
using NSec.Cryptography;

namespace Comity.Protocol.Tests.Jose;

/// <summary>Any change to a signed document, however small, is refused.</summary>
public sealed class JwsTamperingPropertyTests : IDisposable
{
    private const long Iterations = 1_000;

    private readonly Key key = JwsTestKeys.Ed25519("jws property tests");
    private readonly byte[] payload = "{\"serial\":7,\"nodes\":[\"XA\",\"XB\"],\"note\":\"any single-byte change is refused\"}"u8.ToArray();
    private readonly string signed;
    private readonly Jwk publicKey;

    public JwsTamperingPropertyTests()
    {
        publicKey = JwsTestKeys.PublicJwk(key);
        signed = JwsFlattened.Sign(payload, new JwsHeader(JwsHeader.EdDsa, publicKey.Kid!), key);
    }

    public void Dispose() => key.Dispose();

    [Fact]
    public void Verify_AnySingleBytePayloadChange_IsRefusedAsBadSignature()
    {
        Assert.True(JwsFlattened.Verify(signed, publicKey).IsValid);

        Gen.Select(Gen.Int[0, payload.Length - 1], Gen.Byte[1, 255]).Sample((index, mask) =>
        {
            var changed = (byte[])payload.Clone();
            changed[index] ^= mask;
            var jws = JsonNode.Parse(signed)!.AsObject();
            jws["payload"] = Base64Url.Encode(changed);

            var result = JwsFlattened.Verify(jws.ToJsonString(), publicKey);

            Assert.Equal(JwsFailure.BadSignature, result.Failure);
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void Verify_AnySingleByteSignatureChange_IsRefusedAsBadSignature()
    {
        var signature = Base64Url.Decode(JsonNode.Parse(signed)!["signature"]!.GetValue<string>());

        Gen.Select(Gen.Int[0, signature.Length - 1], Gen.Byte[1, 255]).Sample((index, mask) =>
        {
            var changed = (byte[])signature.Clone();
            changed[index] ^= mask;
            var jws = JsonNode.Parse(signed)!.AsObject();
            jws["signature"] = Base64Url.Encode(changed);

            var result = JwsFlattened.Verify(jws.ToJsonString(), publicKey);

            Assert.Equal(JwsFailure.BadSignature, result.Failure);
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void Verify_AnySingleCharacterChangeToTheDocument_IsNeverAccepted()
    {
        // Whatever the character hits (JSON syntax, member names, any of the three base64url strings), the result is a refusal, never an exception.
        Gen.Select(Gen.Int[0, signed.Length - 1], Gen.Char['!', '~']).Sample((index, replacement) =>
        {
            if (signed[index] == replacement)
            {
                return;
            }

            var changed = string.Concat(signed.AsSpan(0, index), replacement.ToString(), signed.AsSpan(index + 1));

            var result = JwsFlattened.Verify(changed, publicKey);

            Assert.False(result.IsValid, $"accepted after changing position {index} to '{replacement}'");
            Assert.NotEqual(JwsFailure.None, result.Failure);
        }, iter: Iterations * 5, threads: 1);
    }
}
