using System.Text.Json.Serialization;

namespace Comity.Protocol.V1;

/// <summary>
/// A public key as a JSON Web Key (RFC 7517) of key type <c>OKP</c> (RFC 8037): <c>crv</c> is
/// <c>Ed25519</c> for signing keys and <c>X25519</c> for encryption keys; <c>x</c> is the raw public
/// key in base64url without padding.
/// </summary>
public sealed record Jwk(
    [property: JsonPropertyName("kty")] string Kty,
    [property: JsonPropertyName("crv")] string Crv,
    [property: JsonPropertyName("x")] string X,
    [property: JsonPropertyName("kid")] string? Kid = null,
    [property: JsonPropertyName("use")] string? Use = null,
    [property: JsonPropertyName("alg")] string? Alg = null)
{
    public const string OctetKeyPair = "OKP";
    public const string Ed25519 = "Ed25519";
    public const string X25519 = "X25519";
}
