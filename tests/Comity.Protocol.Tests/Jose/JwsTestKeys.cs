using System.Security.Cryptography;
using System.Text;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;
using NSec.Cryptography;

namespace Comity.Protocol.Tests.Jose;

/// <summary>Deterministic Ed25519 keys for tests: the seed is SHA-256 of a name.</summary>
internal static class JwsTestKeys
{
    public static Key Ed25519(string name) =>
        Key.Import(SignatureAlgorithm.Ed25519, SHA256.HashData(Encoding.UTF8.GetBytes(name)), KeyBlobFormat.RawPrivateKey, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });

    /// <summary>The public JWK with <c>kid</c> = its RFC 7638 thumbprint, as Comity publishes keys.</summary>
    public static Jwk PublicJwk(Key key)
    {
        var jwk = JwkKeys.ToPublicJwk(key.PublicKey);
        return jwk with { Kid = JwkKeys.Thumbprint(jwk) };
    }

    /// <summary>A flattened JWS assembled by hand from a header JSON, payload and signature bytes.</summary>
    public static string Assemble(string headerJson, byte[] payload, byte[] signature) =>
        $"{{\"protected\":\"{Base64Url.Encode(Encoding.UTF8.GetBytes(headerJson))}\",\"payload\":\"{Base64Url.Encode(payload)}\",\"signature\":\"{Base64Url.Encode(signature)}\"}}";

    /// <summary>A flattened JWS with an arbitrary header JSON, correctly signed with <paramref name="key"/>.</summary>
    public static string SignWithHeader(string headerJson, byte[] payload, Key key)
    {
        var protectedHeader = Base64Url.Encode(Encoding.UTF8.GetBytes(headerJson));
        var encodedPayload = Base64Url.Encode(payload);
        var signature = SignatureAlgorithm.Ed25519.Sign(key, JwsFlattened.SigningInput(protectedHeader, encodedPayload));
        return $"{{\"protected\":\"{protectedHeader}\",\"payload\":\"{encodedPayload}\",\"signature\":\"{Base64Url.Encode(signature)}\"}}";
    }
}
