namespace Comity.Domain.Transparency;

/// <summary>
/// An append-only in-memory Merkle tree that keeps every complete subtree hash, so a root or a
/// subtree hash costs O(log n) lookups and a proof O(log² n) at worst, with no rehashing of leaves.
/// </summary>
public sealed class MerkleTree : IMerkleHashSource
{
    // levels[h][i] = MTH of the complete subtree of 2^h leaves starting at leaf i * 2^h.
    private readonly List<List<byte[]>> levels = [[]];

    public long Size => levels[0].Count;

    /// <summary>Appends a leaf of raw data; returns its index.</summary>
    public long Append(ReadOnlySpan<byte> data) => AppendLeafHash(MerkleHash.Leaf(data));

    /// <summary>Appends an already computed leaf hash; returns its index.</summary>
    public long AppendLeafHash(ReadOnlySpan<byte> leafHash)
    {
        if (leafHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException($"A leaf hash is {MerkleHash.Size} bytes.", nameof(leafHash));
        }

        var index = Size;
        var hash = leafHash.ToArray();
        levels[0].Add(hash);
        var position = index;
        for (var h = 0; (position & 1) == 1; h++)
        {
            if (levels.Count == h + 1)
            {
                levels.Add([]);
            }

            hash = MerkleHash.Node(levels[h][(int)(position - 1)], hash);
            position >>= 1;
            levels[h + 1].Add(hash);
        }

        return index;
    }

    public ReadOnlyMemory<byte> LeafHash(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Size);
        return levels[0][(int)index];
    }

    public byte[] SubtreeHash(long first, long last)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(last, first);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(last, Size);
        var n = last - first;
        if (MerkleHash.IsPowerOfTwo(n) && first % n == 0)
        {
            return levels[(int)long.TrailingZeroCount(n)][(int)(first / n)];
        }

        var k = MerkleHash.SplitPoint(n);
        return MerkleHash.Node(SubtreeHash(first, first + k), SubtreeHash(first + k, last));
    }

    /// <summary>MTH of the first <paramref name="treeSize"/> leaves (default: all).</summary>
    public byte[] Root(long? treeSize = null) => MerkleProofs.Root(this, treeSize ?? Size);

    public IReadOnlyList<byte[]> InclusionProof(long index, long? treeSize = null) =>
        MerkleProofs.Inclusion(this, index, treeSize ?? Size);

    public IReadOnlyList<byte[]> ConsistencyProof(long first, long? second = null) =>
        MerkleProofs.Consistency(this, first, second ?? Size);
}
