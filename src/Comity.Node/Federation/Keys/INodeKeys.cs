using Comity.Protocol.V1;

namespace Comity.Node.Federation.Keys;

/// <summary>
/// This node's own keys: an Ed25519 signing key and an X25519 encryption key, generated at first
/// start and kept protected at rest. Private keys never leave the node and are never logged.
/// </summary>
public interface INodeKeys
{
    /// <summary>Signs <paramref name="payload"/> with the current signing key as a flattened JWS (<c>alg: EdDSA</c>, <c>kid</c> = the key's RFC 7638 thumbprint).</summary>
    Task<string> SignJwsAsync(ReadOnlyMemory<byte> payload, string? typ, CancellationToken cancellationToken);

    /// <summary>The node's public keys that are valid now or later (current and overlapping rotated ones), as published in the Register.</summary>
    Task<IReadOnlyList<RegisterKeyV1>> PublicKeysAsync(CancellationToken cancellationToken);
}
