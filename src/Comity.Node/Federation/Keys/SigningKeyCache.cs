using System.Collections.Concurrent;
using NSec.Cryptography;

namespace Comity.Node.Federation.Keys;

/// <summary>
/// The node's decrypted Ed25519 private keys, imported once per kid and held in memory for the life of the
/// process (a kid is the thumbprint of its public key, so its private key never changes). Saves the Data
/// Protection decrypt and the key import on every signature. Emptied when keys rotate; never logged or exported.
/// </summary>
internal sealed class SigningKeyCache : IDisposable
{
    private readonly ConcurrentDictionary<string, Key> keys = new(StringComparer.Ordinal);
    private long generation;
    private volatile CurrentKey? current;

    /// <summary>
    /// The key record the node signs with now, as last read (every envelope and receipt is signed, so it is not
    /// read per signature); null until read, and again after <see cref="Clear"/>.
    /// </summary>
    public NodeKey? CurrentSigning(DateTimeOffset now) =>
        current is { } known && known.Generation == Interlocked.Read(ref generation) && known.Key.NotAfter > now ? known.Key : null;

    /// <summary>The generation to pass to <see cref="RememberCurrentSigning"/>: read it before reading the key.</summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>Remembers the current signing key read at <paramref name="readGeneration"/> (ignored if keys changed since).</summary>
    public void RememberCurrentSigning(NodeKey key, long readGeneration)
    {
        if (readGeneration == Interlocked.Read(ref generation))
        {
            current = new CurrentKey(key, readGeneration);
        }
    }

    /// <summary>The imported private key of <paramref name="kid"/>, importing it with <paramref name="unprotect"/> the first time.</summary>
    public Key Get(string kid, Func<byte[]> unprotect)
    {
        if (keys.TryGetValue(kid, out var cached))
        {
            return cached;
        }

        var raw = unprotect();
        Key imported;
        try
        {
            imported = Key.Import(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPrivateKey);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(raw);
        }

        if (keys.TryAdd(kid, imported))
        {
            return imported;
        }

        imported.Dispose();
        return keys[kid];
    }

    /// <summary>
    /// Forgets every key (after a rotation or expiry). The keys are not disposed here: a signature in
    /// progress may still hold one; the finalizer of each key's handle frees its memory.
    /// </summary>
    public void Clear()
    {
        Interlocked.Increment(ref generation);
        current = null;
        keys.Clear();
    }

    private sealed record CurrentKey(NodeKey Key, long Generation);

    public void Dispose()
    {
        foreach (var key in keys.Values)
        {
            key.Dispose();
        }

        keys.Clear();
    }
}
