using System.Text;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;
using NSec.Cryptography;

namespace Comity.Protocol.Tests.Jose;

/// <summary>The known answers of RFC 8037 Appendix A (Ed25519 JWK, thumbprint, JWS signing and verification).</summary>
public sealed class Rfc8037Tests
{
    // A.1: the private key (d) and its public key (x).
    private const string D = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
    private const string X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

    // A.4: header {"alg":"EdDSA"}, payload "Example of Ed25519 signing".
    private const string ProtectedHeader = "eyJhbGciOiJFZERTQSJ9";
    private const string Payload = "RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc";
    private const string Signature = "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

    private static Key ImportPrivateKey() =>
        Key.Import(SignatureAlgorithm.Ed25519, Base64Url.Decode(D), KeyBlobFormat.RawPrivateKey, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });

    [Fact]
    public void A1_PrivateKey_ExportsTheRfcsPrivateAndPublicMembers()
    {
        using var key = ImportPrivateKey();

        Assert.Equal(D, Base64Url.Encode(key.Export(KeyBlobFormat.RawPrivateKey)));
        Assert.Equal(X, Base64Url.Encode(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
    }

    [Fact]
    public void A2_PublicKey_ToPublicJwk_IsTheRfcsJwk()
    {
        using var key = ImportPrivateKey();

        var jwk = JwkKeys.ToPublicJwk(key.PublicKey);

        Assert.Equal(Jwk.OctetKeyPair, jwk.Kty);
        Assert.Equal(Jwk.Ed25519, jwk.Crv);
        Assert.Equal(X, jwk.X);
        Assert.Equal(key.PublicKey, JwkKeys.ToEd25519PublicKey(new Jwk("OKP", "Ed25519", X)));
    }

    [Fact]
    public void A3_Thumbprint_IsTheRfcsThumbprint()
    {
        Assert.Equal("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k", JwkKeys.Thumbprint(new Jwk("OKP", "Ed25519", X)));
    }

    [Fact]
    public void A4_Signing_ProducesExactlyTheRfcsSignature()
    {
        using var key = ImportPrivateKey();
        Assert.Equal("{\"alg\":\"EdDSA\"}", Encoding.UTF8.GetString(Base64Url.Decode(ProtectedHeader)));
        Assert.Equal("Example of Ed25519 signing", Encoding.UTF8.GetString(Base64Url.Decode(Payload)));

        var signature = SignatureAlgorithm.Ed25519.Sign(key, JwsFlattened.SigningInput(ProtectedHeader, Payload));

        Assert.Equal(Signature, Base64Url.Encode(signature));
    }

    [Fact]
    public void A5_Verification_OfTheRfcsJwsAsFlattenedJson_Succeeds()
    {
        var flattened = $"{{\"protected\":\"{ProtectedHeader}\",\"payload\":\"{Payload}\",\"signature\":\"{Signature}\"}}";

        var result = JwsFlattened.Verify(flattened, new Jwk("OKP", "Ed25519", X));

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal("Example of Ed25519 signing", Encoding.UTF8.GetString(result.Payload!));
        Assert.Equal("EdDSA", result.Header!.Alg);
    }

    [Fact]
    public void A5_Verification_WithOneSignatureBitFlipped_IsRefused()
    {
        var signature = Base64Url.Decode(Signature);
        signature[0] ^= 1;
        var flattened = $"{{\"protected\":\"{ProtectedHeader}\",\"payload\":\"{Payload}\",\"signature\":\"{Base64Url.Encode(signature)}\"}}";

        var result = JwsFlattened.Verify(flattened, new Jwk("OKP", "Ed25519", X));

        Assert.Equal(JwsFailure.BadSignature, result.Failure);
    }
}
