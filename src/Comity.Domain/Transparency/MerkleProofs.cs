namespace Comity.Domain.Transparency;

/// <summary>
/// Root, inclusion proof and consistency proof generation (RFC 9162 sections 2.1.1, 2.1.3.1 and
/// 2.1.4.1) over any <see cref="IMerkleHashSource"/>. Arguments out of range are bugs in the caller
/// and throw; verification of untrusted proofs is <see cref="MerkleVerifier"/>, which never throws.
/// </summary>
public static class MerkleProofs
{
    /// <summary>MTH(D[0:treeSize]).</summary>
    public static byte[] Root(IMerkleHashSource source, long treeSize)
    {
        ArgumentNullException.ThrowIfNull(source);
        CheckSize(source, treeSize);
        return treeSize == 0 ? MerkleHash.EmptyRoot() : source.SubtreeHash(0, treeSize);
    }

    /// <summary>PATH(index, D[0:treeSize]) — the audit path of leaf <paramref name="index"/>, leaf side first.</summary>
    public static IReadOnlyList<byte[]> Inclusion(IMerkleHashSource source, long index, long treeSize)
    {
        ArgumentNullException.ThrowIfNull(source);
        CheckSize(source, treeSize);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, treeSize);
        var path = new List<byte[]>();
        Path(source, index, 0, treeSize, path);
        return path;
    }

    /// <summary>PROOF(first, D[0:second]) for 0 &lt; first &lt;= second.</summary>
    public static IReadOnlyList<byte[]> Consistency(IMerkleHashSource source, long first, long second)
    {
        ArgumentNullException.ThrowIfNull(source);
        CheckSize(source, second);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first, second);
        var proof = new List<byte[]>();
        SubProof(source, first, 0, second, true, proof);
        return proof;
    }

    // RFC 9162 2.1.3.1: PATH(m, D[n]); the sibling hashes are appended bottom-up.
    private static void Path(IMerkleHashSource source, long m, long start, long end, List<byte[]> path)
    {
        var n = end - start;
        if (n == 1)
        {
            return;
        }

        var k = MerkleHash.SplitPoint(n);
        if (m < k)
        {
            Path(source, m, start, start + k, path);
            path.Add(source.SubtreeHash(start + k, end));
        }
        else
        {
            Path(source, m - k, start + k, end, path);
            path.Add(source.SubtreeHash(start, start + k));
        }
    }

    // RFC 9162 2.1.4.1: SUBPROOF(m, D[n], b).
    private static void SubProof(IMerkleHashSource source, long m, long start, long end, bool b, List<byte[]> proof)
    {
        var n = end - start;
        if (m == n)
        {
            if (!b)
            {
                proof.Add(source.SubtreeHash(start, end));
            }

            return;
        }

        var k = MerkleHash.SplitPoint(n);
        if (m <= k)
        {
            SubProof(source, m, start, start + k, b, proof);
            proof.Add(source.SubtreeHash(start + k, end));
        }
        else
        {
            SubProof(source, m - k, start + k, end, false, proof);
            proof.Add(source.SubtreeHash(start, start + k));
        }
    }

    /// <summary>MTH(D[start:end]) computed from leaf hashes only.</summary>
    internal static byte[] ComputeSubtree(IMerkleHashSource source, long start, long end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(end, start);
        CheckSize(source, end);
        var n = end - start;
        if (n == 1)
        {
            var leaf = source.LeafHash(start);
            if (leaf.Length != MerkleHash.Size)
            {
                throw new InvalidOperationException($"Leaf hash {start} is {leaf.Length} bytes, not {MerkleHash.Size}.");
            }

            return leaf.ToArray();
        }

        var k = MerkleHash.SplitPoint(n);
        return MerkleHash.Node(ComputeSubtree(source, start, start + k), ComputeSubtree(source, start + k, end));
    }

    private static void CheckSize(IMerkleHashSource source, long treeSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        if (treeSize > source.Size)
        {
            throw new ArgumentOutOfRangeException(nameof(treeSize), treeSize, $"The source holds only {source.Size} leaves.");
        }
    }
}
