using System.Security.Cryptography;
using System.Text;
using Comity.Protocol.V1;
using NSec.Cryptography;

namespace Comity.Protocol.Jose;

/// <summary>Conversions between NSec keys and JWKs (RFC 8037), and JWK thumbprints (RFC 7638).</summary>
public static class JwkKeys
{
    /// <summary>The public JWK of an Ed25519 or X25519 key.</summary>
    public static Jwk ToPublicJwk(PublicKey key, string? kid = null, string? use = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        var crv = key.Algorithm switch
        {
            Ed25519 => Jwk.Ed25519,
            X25519 => Jwk.X25519,
            _ => throw new ArgumentException("Only Ed25519 and X25519 keys are supported.", nameof(key)),
        };
        var raw = key.Export(KeyBlobFormat.RawPublicKey);
        return new Jwk(Jwk.OctetKeyPair, crv, Base64Url.Encode(raw), kid, use, crv == Jwk.Ed25519 ? "EdDSA" : null);
    }

    /// <summary>The Ed25519 public key of a JWK; throws <see cref="FormatException"/> for anything else.</summary>
    public static PublicKey ToEd25519PublicKey(Jwk jwk)
    {
        ArgumentNullException.ThrowIfNull(jwk);
        if (jwk.Kty != Jwk.OctetKeyPair || jwk.Crv != Jwk.Ed25519)
        {
            throw new FormatException($"Expected an OKP Ed25519 key, got kty={jwk.Kty} crv={jwk.Crv}.");
        }

        var raw = Base64Url.Decode(jwk.X);
        if (!PublicKey.TryImport(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey, out var key) || key is null)
        {
            throw new FormatException("The x member is not an Ed25519 public key.");
        }

        return key;
    }

    /// <summary>
    /// The RFC 7638 thumbprint: SHA-256 over the required members in lexicographic order, base64url.
    /// Comity uses it as the <c>kid</c> of node keys.
    /// </summary>
    public static string Thumbprint(Jwk jwk)
    {
        ArgumentNullException.ThrowIfNull(jwk);
        var canonical = $"{{\"crv\":\"{jwk.Crv}\",\"kty\":\"{jwk.Kty}\",\"x\":\"{jwk.X}\"}}";
        return Base64Url.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
