using System.Numerics;
using System.Security.Cryptography;

namespace Comity.Domain.Transparency;

/// <summary>Why a proof was refused.</summary>
public enum ProofFailure
{
    None = 0,

    /// <summary>A tree size is negative, or the first size is larger than the second.</summary>
    WrongSize,

    /// <summary>The leaf index is negative or not below the tree size.</summary>
    IndexOutOfRange,

    /// <summary>The proof has more or fewer hashes than the sizes require.</summary>
    ProofLength,

    /// <summary>A hash in the proof, the leaf hash or a root is missing or not 32 bytes.</summary>
    Malformed,

    /// <summary>The proof is well formed but does not lead to the given root(s).</summary>
    RootMismatch,
}

/// <summary>The verdict on a proof: valid, or refused with a reason.</summary>
public readonly record struct ProofVerification(ProofFailure Failure, string Reason)
{
    public bool IsValid => Failure == ProofFailure.None;

    internal static ProofVerification Valid { get; } = new(ProofFailure.None, "valid");

    internal static ProofVerification Refuse(ProofFailure failure, string reason) => new(failure, reason);
}

/// <summary>
/// Verification of inclusion and consistency proofs (RFC 9162 sections 2.1.3.2 and 2.1.4.2).
/// Every input may be hostile: nothing here throws, every refusal carries a reason.
/// </summary>
public static class MerkleVerifier
{
    /// <summary>Checks that <paramref name="leafHash"/> is leaf <paramref name="index"/> of the tree of <paramref name="treeSize"/> leaves with root <paramref name="root"/>.</summary>
    public static ProofVerification VerifyInclusion(
        long index, long treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]?>? proof, ReadOnlySpan<byte> root)
    {
        if (treeSize <= 0)
        {
            return ProofVerification.Refuse(ProofFailure.WrongSize, $"tree size {treeSize} holds no leaf");
        }

        if (index < 0 || index >= treeSize)
        {
            return ProofVerification.Refuse(ProofFailure.IndexOutOfRange, $"leaf index {index} is outside a tree of {treeSize} leaves");
        }

        if (leafHash.Length != MerkleHash.Size)
        {
            return ProofVerification.Refuse(ProofFailure.Malformed, $"leaf hash is {leafHash.Length} bytes, not {MerkleHash.Size}");
        }

        if (proof is null)
        {
            return ProofVerification.Refuse(ProofFailure.Malformed, "proof is missing");
        }

        var (inner, border) = DecomposeInclusion(index, treeSize);
        if (proof.Count != inner + border)
        {
            return ProofVerification.Refuse(ProofFailure.ProofLength, $"proof has {proof.Count} hashes, a tree of {treeSize} leaves needs {inner + border} for leaf {index}");
        }

        if (FirstMalformed(proof) is { } bad)
        {
            return ProofVerification.Refuse(ProofFailure.Malformed, $"proof hash {bad} is not {MerkleHash.Size} bytes");
        }

        var hash = ChainInner(leafHash.ToArray(), proof, 0, inner, index);
        hash = ChainBorderRight(hash, proof, inner, border);
        return Matches(hash, root)
            ? ProofVerification.Valid
            : ProofVerification.Refuse(ProofFailure.RootMismatch, "the proof leads to a different root");
    }

    /// <summary>Checks that the tree of <paramref name="size2"/> leaves with root <paramref name="root2"/> extends the tree of <paramref name="size1"/> leaves with root <paramref name="root1"/>.</summary>
    public static ProofVerification VerifyConsistency(
        long size1, long size2, IReadOnlyList<byte[]?>? proof, ReadOnlySpan<byte> root1, ReadOnlySpan<byte> root2)
    {
        if (size1 < 0 || size2 < 0)
        {
            return ProofVerification.Refuse(ProofFailure.WrongSize, "tree sizes cannot be negative");
        }

        if (size1 > size2)
        {
            return ProofVerification.Refuse(ProofFailure.WrongSize, $"first size {size1} is larger than second size {size2}: a log cannot shrink");
        }

        if (proof is null)
        {
            return ProofVerification.Refuse(ProofFailure.Malformed, "proof is missing");
        }

        if (size1 == 0)
        {
            // The empty tree has one root, SHA-256(); a consistency proof from it proves nothing,
            // so only the trivial case of two empty trees is accepted (and then only with that root).
            if (size2 != 0)
            {
                return ProofVerification.Refuse(ProofFailure.WrongSize, "a consistency proof from the empty tree is meaningless");
            }

            if (proof.Count != 0)
            {
                return ProofVerification.Refuse(ProofFailure.ProofLength, "equal sizes need an empty proof");
            }

            var empty = MerkleHash.EmptyRoot();
            return Matches(empty, root1) && Matches(empty, root2)
                ? ProofVerification.Valid
                : ProofVerification.Refuse(ProofFailure.RootMismatch, "the root of the empty tree is SHA-256 of nothing");
        }

        if (size1 == size2)
        {
            if (proof.Count != 0)
            {
                return ProofVerification.Refuse(ProofFailure.ProofLength, "equal sizes need an empty proof");
            }

            return Matches(root1.ToArray(), root2)
                ? ProofVerification.Valid
                : ProofVerification.Refuse(ProofFailure.RootMismatch, "two trees of the same size with different roots (a split view)");
        }

        if (proof.Count == 0)
        {
            return ProofVerification.Refuse(ProofFailure.ProofLength, "the proof is empty but the sizes differ");
        }

        if (root1.Length != MerkleHash.Size || root2.Length != MerkleHash.Size)
        {
            return ProofVerification.Refuse(ProofFailure.Malformed, $"roots must be {MerkleHash.Size} bytes");
        }

        if (FirstMalformed(proof) is { } bad)
        {
            return ProofVerification.Refuse(ProofFailure.Malformed, $"proof hash {bad} is not {MerkleHash.Size} bytes");
        }

        // This follows RFC 9162 2.1.4.2 in the decomposed form of transparency-dev/merkle: the proof is
        // a suffix of the inclusion proof of leaf size1 - 1 in the tree of size2, starting at the
        // level of the largest complete subtree ending at size1.
        var (inner, border) = DecomposeInclusion(size1 - 1, size2);
        var shift = (int)long.TrailingZeroCount(size1);
        inner -= shift;

        byte[] seed;
        int start;
        if (size1 == 1L << shift)
        {
            seed = root1.ToArray();
            start = 0;
        }
        else
        {
            seed = proof[0]!;
            start = 1;
        }

        if (proof.Count != start + inner + border)
        {
            return ProofVerification.Refuse(ProofFailure.ProofLength, $"proof has {proof.Count} hashes, sizes {size1} and {size2} need {start + inner + border}");
        }

        var mask = (size1 - 1) >> shift;
        var hash1 = ChainInnerRight(seed, proof, start, inner, mask);
        hash1 = ChainBorderRight(hash1, proof, start + inner, border);
        if (!Matches(hash1, root1))
        {
            return ProofVerification.Refuse(ProofFailure.RootMismatch, "the proof does not lead to the first root");
        }

        var hash2 = ChainInner(seed, proof, start, inner, mask);
        hash2 = ChainBorderRight(hash2, proof, start + inner, border);
        return Matches(hash2, root2)
            ? ProofVerification.Valid
            : ProofVerification.Refuse(ProofFailure.RootMismatch, "the proof does not lead to the second root");
    }

    private static (int Inner, int Border) DecomposeInclusion(long index, long size)
    {
        var inner = 64 - BitOperations.LeadingZeroCount((ulong)(index ^ (size - 1)));
        var border = BitOperations.PopCount((ulong)index >> inner);
        return (inner, border);
    }

    private static byte[] ChainInner(byte[] seed, IReadOnlyList<byte[]?> proof, int from, int count, long index)
    {
        for (var i = 0; i < count; i++)
        {
            var h = proof[from + i]!;
            seed = ((index >> i) & 1) == 0 ? MerkleHash.Node(seed, h) : MerkleHash.Node(h, seed);
        }

        return seed;
    }

    private static byte[] ChainInnerRight(byte[] seed, IReadOnlyList<byte[]?> proof, int from, int count, long index)
    {
        for (var i = 0; i < count; i++)
        {
            if (((index >> i) & 1) == 1)
            {
                seed = MerkleHash.Node(proof[from + i]!, seed);
            }
        }

        return seed;
    }

    private static byte[] ChainBorderRight(byte[] seed, IReadOnlyList<byte[]?> proof, int from, int count)
    {
        for (var i = 0; i < count; i++)
        {
            seed = MerkleHash.Node(proof[from + i]!, seed);
        }

        return seed;
    }

    private static int? FirstMalformed(IReadOnlyList<byte[]?> proof)
    {
        for (var i = 0; i < proof.Count; i++)
        {
            if (proof[i] is not { Length: MerkleHash.Size })
            {
                return i;
            }
        }

        return null;
    }

    private static bool Matches(byte[] computed, ReadOnlySpan<byte> expected) =>
        computed.Length == expected.Length && CryptographicOperations.FixedTimeEquals(computed, expected);
}
