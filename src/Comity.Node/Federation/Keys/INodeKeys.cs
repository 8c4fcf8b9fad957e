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

    /// <summary>
    /// Signs <paramref name="payload"/> as <see cref="SignJwsAsync(ReadOnlyMemory{byte}, string?, CancellationToken)"/> does, but with
    /// the newest valid signing key among <paramref name="listedKids"/> (the kids the Register lists for this node), falling
    /// back to the current key when none is listed. For what the Secretariat checks against the Register, such as a directory
    /// notification that announces a rotated key: it must be signed with the key the Register already lists.
    /// </summary>
    Task<string> SignJwsWithListedKeyAsync(ReadOnlyMemory<byte> payload, string? typ, IReadOnlyCollection<string> listedKids, CancellationToken cancellationToken);

    /// <summary>
    /// Signs raw bytes with the current Ed25519 signing key (no envelope): for formats that carry their
    /// own signature encoding, such as C2SP signed notes (transparency-log checkpoints and cosignatures).
    /// </summary>
    Task<RawSignature> SignAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>The node's public keys that are valid now or later (current and overlapping rotated ones), as published in the Register.</summary>
    Task<IReadOnlyList<RegisterKeyV1>> PublicKeysAsync(CancellationToken cancellationToken);
}

/// <summary>An Ed25519 signature over raw bytes, with the key that made it.</summary>
/// <param name="Kid">The key's RFC 7638 thumbprint.</param>
/// <param name="PublicKey">The raw 32-byte Ed25519 public key.</param>
/// <param name="Signature">The 64-byte Ed25519 signature.</param>
public sealed record RawSignature(string Kid, byte[] PublicKey, byte[] Signature);
