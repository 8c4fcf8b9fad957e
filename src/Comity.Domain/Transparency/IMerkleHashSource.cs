namespace Comity.Domain.Transparency;

/// <summary>
/// Where the leaf hashes of a log come from: the node's stored leaf hashes, or an in-memory
/// <see cref="MerkleTree"/>. Proofs are computed from these alone (RFC 9162 section 2.1).
/// </summary>
public interface IMerkleHashSource
{
    /// <summary>Number of leaves available.</summary>
    long Size { get; }

    /// <summary>The leaf hash MTH({d(index)}) of leaf <paramref name="index"/>, 0 &lt;= index &lt; <see cref="Size"/>.</summary>
    ReadOnlyMemory<byte> LeafHash(long index);

    /// <summary>
    /// MTH(D[first:last]) (last exclusive). Implementations that cache interior nodes override this; the default
    /// recomputes it from the leaf hashes (O(last - first) hashes).
    /// </summary>
    byte[] SubtreeHash(long first, long last) => MerkleProofs.ComputeSubtree(this, first, last);
}

/// <summary>An <see cref="IMerkleHashSource"/> over a function from index to leaf hash.</summary>
public sealed class DelegateMerkleHashSource(long size, Func<long, ReadOnlyMemory<byte>> leafHash) : IMerkleHashSource
{
    public long Size { get; } = size >= 0 ? size : throw new ArgumentOutOfRangeException(nameof(size));

    public ReadOnlyMemory<byte> LeafHash(long index) => leafHash(index);
}
