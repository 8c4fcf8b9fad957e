namespace Comity.Protocol.V1;

/// <summary>
/// The Secretariat public key a node is configured to trust, with an optional validity. Outside
/// [<see cref="NotBefore"/>, <see cref="NotAfter"/>) nothing signed with it is accepted, whatever the
/// document says about itself: a Register's own <c>issuedAt</c> cannot vouch for the key that signed it.
/// </summary>
/// <param name="Key">The public JWK (<c>kty: OKP</c>, <c>crv: Ed25519</c>). When it has a <c>kid</c>, the JWS header must name the same one.</param>
/// <param name="NotBefore">First instant the key may be used; null for no lower bound.</param>
/// <param name="NotAfter">Instant from which the key is no longer accepted; null for no upper bound.</param>
public sealed record TrustedKey(Jwk Key, DateTimeOffset? NotBefore = null, DateTimeOffset? NotAfter = null)
{
    public static implicit operator TrustedKey(Jwk key) => new(key);

    public static TrustedKey FromJwk(Jwk key) => new(key);
}
