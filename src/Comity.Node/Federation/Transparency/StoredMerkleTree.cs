using Comity.Domain.Transparency;
using Comity.Node.Storage;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Federation.Transparency;

/// <summary>
/// The log's Merkle tree as stored: leaf hashes in <c>LogLeaves</c>, complete interior subtree hashes in
/// <c>LogNodes</c>. Roots and proofs read only the O(log n) complete subtrees they need, found by a
/// first pass of the proof algorithm over a recording <see cref="IMerkleHashSource"/> (which subtrees a
/// proof visits depends on the sizes alone), then loaded in one query per tree level and used in a
/// second pass. No tree is kept in memory, so start-up costs nothing whatever the log's size.
/// </summary>
internal static class StoredMerkleTree
{
    /// <summary>The number of leaves: the highest index + 1 (dense from 0).</summary>
    public static async Task<long> SizeAsync(ComityDbContext db, CancellationToken cancellationToken) =>
        (await db.LogLeaves().MaxAsync(l => (long?)l.Index, cancellationToken) ?? -1) + 1;

    public static Task<byte[]> RootAsync(ComityDbContext db, long size, CancellationToken cancellationToken) =>
        ComputeAsync(db, size, s => MerkleProofs.Root(s, size), cancellationToken);

    public static Task<IReadOnlyList<byte[]>> InclusionAsync(ComityDbContext db, long index, long size, CancellationToken cancellationToken) =>
        ComputeAsync(db, size, s => MerkleProofs.Inclusion(s, index, size), cancellationToken);

    public static Task<IReadOnlyList<byte[]>> ConsistencyAsync(ComityDbContext db, long first, long second, CancellationToken cancellationToken) =>
        ComputeAsync(db, second, s => MerkleProofs.Consistency(s, first, second), cancellationToken);

    /// <summary>Runs <paramref name="compute"/> over the stored tree of <paramref name="size"/> leaves.</summary>
    public static async Task<T> ComputeAsync<T>(ComityDbContext db, long size, Func<IMerkleHashSource, T> compute, CancellationToken cancellationToken)
    {
        var recorder = new NodeSource(size, null);
        compute(recorder);
        var hashes = await LoadAsync(db, recorder.Requested, cancellationToken);
        return compute(new NodeSource(size, hashes));
    }

    /// <summary>
    /// The complete subtrees at the right edge of a tree of <paramref name="size"/> leaves (one per set bit of the
    /// size): the only hashes needed to append leaves and compute the new interior nodes.
    /// </summary>
    public static IEnumerable<(int Level, long Index)> Frontier(long size)
    {
        for (var level = 0; level < 63; level++)
        {
            if (((size >> level) & 1) == 1)
            {
                yield return (level, (size >> level) - 1);
            }
        }
    }

    public static async Task<Dictionary<(int Level, long Index), byte[]>> LoadAsync(
        ComityDbContext db, IEnumerable<(int Level, long Index)> wanted, CancellationToken cancellationToken)
    {
        var result = new Dictionary<(int, long), byte[]>();
        foreach (var group in wanted.Distinct().GroupBy(w => w.Level))
        {
            var indexes = group.Select(g => g.Index).ToList();
            if (group.Key == 0)
            {
                foreach (var leaf in await db.LogLeaves().AsNoTracking().Where(l => indexes.Contains(l.Index))
                    .Select(l => new { l.Index, l.LeafHash }).ToListAsync(cancellationToken))
                {
                    result[(0, leaf.Index)] = leaf.LeafHash;
                }
            }
            else
            {
                var level = group.Key;
                foreach (var node in await db.LogNodes().AsNoTracking().Where(n => n.Level == level && indexes.Contains(n.Index))
                    .Select(n => new { n.Index, n.Hash }).ToListAsync(cancellationToken))
                {
                    result[(level, node.Index)] = node.Hash;
                }
            }
        }

        return result;
    }

    /// <summary>Records which complete subtrees are asked for (when <c>hashes</c> is null), or answers from them.</summary>
    private sealed class NodeSource(long size, Dictionary<(int Level, long Index), byte[]>? hashes) : IMerkleHashSource
    {
        private static readonly byte[] Placeholder = new byte[MerkleHash.Size];

        public HashSet<(int Level, long Index)> Requested { get; } = [];

        public long Size => size;

        public ReadOnlyMemory<byte> LeafHash(long index) => Complete(0, index);

        public byte[] SubtreeHash(long first, long last)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(first);
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(last, first);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(last, size);
            var n = last - first;
            if ((n & (n - 1)) == 0 && first % n == 0)
            {
                var level = (int)long.TrailingZeroCount(n);
                return Complete(level, first >> level);
            }

            var k = 1L << (63 - (int)long.LeadingZeroCount(n - 1)); // RFC 9162: the largest power of two < n
            return MerkleHash.Node(SubtreeHash(first, first + k), SubtreeHash(first + k, last));
        }

        private byte[] Complete(int level, long index)
        {
            if (hashes is null)
            {
                Requested.Add((level, index));
                return Placeholder;
            }

            return hashes.TryGetValue((level, index), out var hash)
                ? hash
                : throw new InvalidOperationException($"The log's storage lacks the subtree hash at level {level}, index {index}: the log tables are damaged.");
        }
    }
}
