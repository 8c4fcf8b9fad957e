using System.Security.Cryptography;

namespace Comity.Domain.Transparency;

/// <summary>The RFC 9162 section 2.1.1 hashing of a Merkle tree with SHA-256.</summary>
public static class MerkleHash
{
    /// <summary>Size of every hash in the tree, in bytes.</summary>
    public const int Size = 32;

    private const byte LeafPrefix = 0x00;
    private const byte NodePrefix = 0x01;

    /// <summary>MTH({}) = SHA-256() — the root of the empty tree.</summary>
    public static byte[] EmptyRoot() => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>MTH({d}) = SHA-256(0x00 || d).</summary>
    public static byte[] Leaf(ReadOnlySpan<byte> data)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData([LeafPrefix]);
        hash.AppendData(data);
        return hash.GetHashAndReset();
    }

    /// <summary>SHA-256(0x01 || left || right).</summary>
    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> buffer = stackalloc byte[1 + Size + Size];
        if (left.Length != Size || right.Length != Size)
        {
            throw new ArgumentException($"Both children must be {Size}-byte hashes.");
        }

        buffer[0] = NodePrefix;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + Size)..]);
        return SHA256.HashData(buffer);
    }

    /// <summary>The largest power of two strictly smaller than <paramref name="n"/> (n &gt; 1): the RFC 9162 split point k.</summary>
    internal static long SplitPoint(long n)
    {
        if (n < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "A split needs at least two leaves.");
        }

        return 1L << (63 - (int)long.LeadingZeroCount(n - 1));
    }

    internal static bool IsPowerOfTwo(long n) => n > 0 && (n & (n - 1)) == 0;
}
