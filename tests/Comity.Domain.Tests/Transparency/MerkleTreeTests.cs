using System.Text;
using Comity.Domain.Transparency;
using CsCheck;

namespace Comity.Domain.Tests.Transparency;

public sealed class MerkleTreeTests
{
    private static MerkleTree TreeOf(int n)
    {
        var tree = new MerkleTree();
        for (var i = 0; i < n; i++)
        {
            tree.Append(Encoding.ASCII.GetBytes("leaf " + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return tree;
    }

    // The reference definition of RFC 9162 2.1.1, straight from the text, over raw leaf data.
    private static byte[] ReferenceRoot(IReadOnlyList<byte[]> leaves)
    {
        if (leaves.Count == 0)
        {
            return MerkleHash.EmptyRoot();
        }

        if (leaves.Count == 1)
        {
            return MerkleHash.Leaf(leaves[0]);
        }

        var k = 1;
        while (k * 2 < leaves.Count)
        {
            k *= 2;
        }

        return MerkleHash.Node(ReferenceRoot(leaves.Take(k).ToList()), ReferenceRoot(leaves.Skip(k).ToList()));
    }

    private static IReadOnlyList<byte[]?> FlipBit(IReadOnlyList<byte[]> proof, int hash, int bit)
    {
        var copy = proof.Select(p => (byte[]?)p.ToArray()).ToList();
        copy[hash]![bit / 8] ^= (byte)(1 << (bit % 8));
        return copy;
    }

    [Fact]
    public void Hashes_FollowRfc9162DomainSeparation()
    {
        // SHA-256("") and SHA-256(0x00) are fixed well-known values (RFC 6962 test data).
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Convert.ToHexStringLower(MerkleHash.EmptyRoot()));
        Assert.Equal("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", Convert.ToHexStringLower(MerkleHash.Leaf([])));
        Assert.Equal(MerkleHash.EmptyRoot(), new MerkleTree().Root());
    }

    [Fact]
    public void Root_OfSmallTree_MatchesTheDefinitionByHand()
    {
        var tree = TreeOf(3);
        var l = Enumerable.Range(0, 3).Select(i => MerkleHash.Leaf(Encoding.ASCII.GetBytes("leaf " + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ToArray();
        Assert.Equal(MerkleHash.Node(MerkleHash.Node(l[0], l[1]), l[2]), tree.Root());

        // The worked example of docs/protocol/transparency-v1.md (computed independently with Python hashlib).
        Assert.Equal("1bb97dcc21635d47e2663efdfd0a174686d98dd701352dd2cd06e8b43fd3d305", Convert.ToHexStringLower(l[0]));
        Assert.Equal("cb5a3ce862c3e321f3f7df6d2690549e936a8e377135aae9f3d69f691f547d5b", Convert.ToHexStringLower(l[1]));
        Assert.Equal("ab37ba34d1dfe29015de717a6d5764a8fb029c3a7a0f5b64b93b54351885bf7c", Convert.ToHexStringLower(l[2]));
        Assert.Equal("d4f92c8fbb89720eb3b55677c7d7efaddfeb10d11a1a84a0ba8f1a23337faa95", Convert.ToHexStringLower(tree.Root()));
        Assert.True(MerkleVerifier.VerifyInclusion(0, 3, l[0], tree.InclusionProof(0), tree.Root()).IsValid);
        Assert.Equal([l[2]], tree.ConsistencyProof(2, 3));
        Assert.Equal("fc5f6b88ff8554f75bb2f9e6f39c31b1936d44b69276edf7b1205a955b9761e3", Convert.ToHexStringLower(tree.Root(2)));
        Assert.Equal([l[1], l[2]], tree.InclusionProof(0));
        Assert.Equal([MerkleHash.Node(l[0], l[1])], tree.InclusionProof(2));
    }

    [Fact]
    public void Root_IncrementalEqualsAtOnceAndReference()
    {
        Gen.Byte.Array[0, 8].Array[0, 70].Sample(leaves =>
        {
            var tree = new MerkleTree();
            for (var i = 0; i < leaves.Length; i++)
            {
                tree.Append(leaves[i]);
                // The root of every prefix, from the incremental tree, equals the root of that prefix built at once.
                Assert.Equal(ReferenceRoot(leaves.Take(i + 1).ToList()), tree.Root());
            }

            var atOnce = new DelegateMerkleHashSource(leaves.Length, i => MerkleHash.Leaf(leaves[i]));
            Assert.Equal(MerkleProofs.Root(atOnce, leaves.Length), tree.Root());
            for (var size = 0; size <= leaves.Length; size++)
            {
                Assert.Equal(ReferenceRoot(leaves.Take(size).ToList()), tree.Root(size));
            }
        }, iter: 60);
    }

    [Fact]
    public void InclusionProofs_Verify_AndEveryBitFlipFails()
    {
        Gen.Int[1, 300].SelectMany(n => Gen.Int[0, n - 1].SelectMany(i => Gen.Int[i + 1, n].Select(size => (n, i, size))))
            .Sample(t =>
            {
                var (n, index, size) = t;
                var tree = TreeOf(n);
                var proof = tree.InclusionProof(index, size);
                var leaf = tree.LeafHash(index).ToArray();
                var root = tree.Root(size);
                Assert.True(MerkleVerifier.VerifyInclusion(index, size, leaf, proof, root).IsValid);

                // The delegate source (what the node will use over stored leaf hashes) gives the same proof.
                var slow = new DelegateMerkleHashSource(n, tree.LeafHash);
                Assert.Equal(proof, MerkleProofs.Inclusion(slow, index, size));

                for (var h = 0; h < proof.Count; h++)
                {
                    for (var bit = 0; bit < 256; bit += 37)
                    {
                        Assert.False(MerkleVerifier.VerifyInclusion(index, size, leaf, FlipBit(proof, h, bit), root).IsValid);
                    }
                }

                var badLeaf = leaf.ToArray();
                badLeaf[0] ^= 1;
                Assert.Equal(ProofFailure.RootMismatch, MerkleVerifier.VerifyInclusion(index, size, badLeaf, proof, root).Failure);
                var badRoot = root.ToArray();
                badRoot[31] ^= 0x80;
                Assert.Equal(ProofFailure.RootMismatch, MerkleVerifier.VerifyInclusion(index, size, leaf, proof, badRoot).Failure);
                // (A tree size alone is not bound by the proof — the size-3 proof of leaf 0 also chains as a
                // size-4 proof — which is why sizes and roots travel together in signed checkpoints.)
                if (index + 1 < size)
                {
                    Assert.False(MerkleVerifier.VerifyInclusion(index + 1, size, leaf, proof, root).IsValid);
                }
            }, iter: 150);
    }

    [Fact]
    public void ConsistencyProofs_Verify_AndEveryBitFlipFails()
    {
        Gen.Int[1, 300].SelectMany(n => Gen.Int[1, n].Select(m => (n, m)))
            .Sample(t =>
            {
                var (n, m) = t;
                var tree = TreeOf(n);
                var proof = tree.ConsistencyProof(m, n);
                var root1 = tree.Root(m);
                var root2 = tree.Root(n);
                Assert.True(MerkleVerifier.VerifyConsistency(m, n, proof, root1, root2).IsValid);
                Assert.Equal(proof, MerkleProofs.Consistency(new DelegateMerkleHashSource(n, tree.LeafHash), m, n));

                for (var h = 0; h < proof.Count; h++)
                {
                    for (var bit = 0; bit < 256; bit += 41)
                    {
                        Assert.False(MerkleVerifier.VerifyConsistency(m, n, FlipBit(proof, h, bit), root1, root2).IsValid);
                    }
                }

                if (m < n)
                {
                    Assert.False(MerkleVerifier.VerifyConsistency(m, n, proof, root2, root1).IsValid);
                    Assert.False(MerkleVerifier.VerifyConsistency(n, m, proof, root1, root2).IsValid);
                    Assert.Equal(ProofFailure.ProofLength, MerkleVerifier.VerifyConsistency(m, n, proof.Take(proof.Count - 1).ToList(), root1, root2).Failure);
                }
            }, iter: 150);
    }

    [Fact]
    public void LargeTree_ProofsNeedNoRehashing()
    {
        // 2^17 + 3 leaves: every proof is computed from cached subtree hashes (well under a second in total).
        const int n = (1 << 17) + 3;
        var tree = new MerkleTree();
        var data = new byte[8];
        for (var i = 0; i < n; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(data, i);
            tree.Append(data);
        }

        var root = tree.Root();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var index in new long[] { 0, 1, 65_535, 65_536, 131_071, 131_072, n - 1 })
        {
            var proof = tree.InclusionProof(index);
            Assert.True(proof.Count <= 18);
            Assert.True(MerkleVerifier.VerifyInclusion(index, n, tree.LeafHash(index).Span, proof, root).IsValid);
        }

        foreach (var first in new long[] { 1, 3, 65_536, 100_000, n - 1, n })
        {
            Assert.True(MerkleVerifier.VerifyConsistency(first, n, tree.ConsistencyProof(first), tree.Root(first), root).IsValid);
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"proofs took {watch.Elapsed}");
    }

    [Fact]
    public void Generation_RejectsOutOfRangeArgumentsAsBugs()
    {
        var tree = TreeOf(4);
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.InclusionProof(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.InclusionProof(0, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.ConsistencyProof(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.ConsistencyProof(3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.Root(5));
        Assert.Throws<ArgumentException>(() => tree.AppendLeafHash(new byte[31]));
        var broken = new DelegateMerkleHashSource(2, _ => new byte[31]);
        Assert.Throws<InvalidOperationException>(() => MerkleProofs.Root(broken, 2));
    }

    [Fact]
    public void Verifier_RefusesGarbageWithAReason_NeverThrows()
    {
        var tree = TreeOf(5);
        var leaf = tree.LeafHash(2).ToArray();
        var proof = tree.InclusionProof(2);
        var root = tree.Root();

        Assert.Equal(ProofFailure.WrongSize, MerkleVerifier.VerifyInclusion(0, 0, leaf, proof, root).Failure);
        Assert.Equal(ProofFailure.IndexOutOfRange, MerkleVerifier.VerifyInclusion(5, 5, leaf, proof, root).Failure);
        Assert.Equal(ProofFailure.IndexOutOfRange, MerkleVerifier.VerifyInclusion(-1, 5, leaf, proof, root).Failure);
        Assert.Equal(ProofFailure.Malformed, MerkleVerifier.VerifyInclusion(2, 5, leaf.AsSpan(0, 31), proof, root).Failure);
        Assert.Equal(ProofFailure.Malformed, MerkleVerifier.VerifyInclusion(2, 5, leaf, null, root).Failure);
        Assert.Equal(ProofFailure.Malformed, MerkleVerifier.VerifyInclusion(2, 5, leaf, [proof[0], null, proof[2]], root).Failure);
        Assert.Equal(ProofFailure.Malformed, MerkleVerifier.VerifyInclusion(2, 5, leaf, [proof[0], new byte[33], proof[2]], root).Failure);
        Assert.Equal(ProofFailure.ProofLength, MerkleVerifier.VerifyInclusion(2, 5, leaf, [new byte[32], .. proof], root).Failure);
        Assert.Equal(ProofFailure.ProofLength, MerkleVerifier.VerifyInclusion(2, 5, leaf, [.. proof, new byte[32]], root).Failure);
        Assert.Equal(ProofFailure.RootMismatch, MerkleVerifier.VerifyInclusion(2, 5, leaf, proof, new byte[32]).Failure);
        Assert.Equal(ProofFailure.RootMismatch, MerkleVerifier.VerifyInclusion(2, 5, leaf, proof, []).Failure);
        Assert.Equal(ProofFailure.ProofLength, MerkleVerifier.VerifyInclusion(2, long.MaxValue, leaf, proof, root).Failure);

        var c = tree.ConsistencyProof(3);
        var r3 = tree.Root(3);
        Assert.Equal(ProofFailure.WrongSize, MerkleVerifier.VerifyConsistency(-1, 5, c, r3, root).Failure);
        Assert.Equal(ProofFailure.WrongSize, MerkleVerifier.VerifyConsistency(5, 3, c, root, r3).Failure);
        Assert.Equal(ProofFailure.WrongSize, MerkleVerifier.VerifyConsistency(0, 5, [], MerkleHash.EmptyRoot(), root).Failure);
        Assert.Equal(ProofFailure.Malformed, MerkleVerifier.VerifyConsistency(3, 5, null, r3, root).Failure);
        Assert.Equal(ProofFailure.ProofLength, MerkleVerifier.VerifyConsistency(3, 5, [], r3, root).Failure);
        Assert.Equal(ProofFailure.ProofLength, MerkleVerifier.VerifyConsistency(5, 5, c, root, root).Failure);
        Assert.Equal(ProofFailure.RootMismatch, MerkleVerifier.VerifyConsistency(5, 5, [], root, r3).Failure);
        Assert.Equal(ProofFailure.Malformed, MerkleVerifier.VerifyConsistency(3, 5, c, r3.AsSpan(1), root).Failure);
        Assert.True(MerkleVerifier.VerifyConsistency(0, 0, [], MerkleHash.EmptyRoot(), MerkleHash.EmptyRoot()).IsValid);
        Assert.True(MerkleVerifier.VerifyConsistency(3, 5, c, r3, root).IsValid);
    }
}
