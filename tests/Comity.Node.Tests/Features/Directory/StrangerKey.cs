using Comity.Protocol.Jose;
using Comity.Protocol.V1;
using NSec.Cryptography;

namespace Comity.Node.Tests.Features.Directory;

/// <summary>
/// An Ed25519 key (NSec) that belongs to no node of the federation: what an intruder or a State the
/// Secretariat has never heard of would sign with. kid = RFC 7638 thumbprint, signatures as flattened
/// JWS. Refusal tests also use it to sign under a kid that is not its own, which no real node does.
/// </summary>
public sealed class StrangerKey : IDisposable
{
    private readonly Key key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None });

    public StrangerKey(DateTimeOffset notBefore)
    {
        var jwk = JwkKeys.ToPublicJwk(key.PublicKey);
        Kid = JwkKeys.Thumbprint(jwk);
        PublicKey = new RegisterKeyV1(Kid, "sig", jwk with { Kid = Kid, Use = "sig" }, notBefore, notBefore.AddYears(1));
    }

    public string Kid { get; }

    public RegisterKeyV1 PublicKey { get; }

    public string Sign(byte[] payload, string typ) => SignAs(Kid, payload, typ);

    /// <summary>Signs with the given kid in the header regardless of the key: to forge documents in refusal tests.</summary>
    public string SignAs(string kid, byte[] payload, string typ) => JwsFlattened.Sign(payload, new JwsHeader(JwsHeader.EdDsa, kid, typ), key);

    public void Dispose() => key.Dispose();
}
