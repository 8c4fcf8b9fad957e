using Comity.Protocol.Transparency;
using CsCheck;
using NSec.Cryptography;

namespace Comity.Protocol.Tests.Transparency;

public sealed class CheckpointNotePropertyTests
{
    private static readonly Key LogKey = Key.Import(
        SignatureAlgorithm.Ed25519, Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray(), KeyBlobFormat.RawPrivateKey);

    private static readonly Gen<string> Line = Gen.Char["abcxyz0123456789./-_ é€"].Array[1, 20].Select(c => new string(c))
        .Where(s => s.Trim().Length == s.Length);

    private static readonly Gen<Checkpoint> Checkpoints = Gen.Select(
        Line, Gen.Long[0, long.MaxValue], Gen.Byte.Array[32], Line.Array[0, 3],
        (origin, size, root, extensions) => new Checkpoint(origin, size, root, extensions));

    [Fact]
    public void SignThenVerify_RoundTrips_AndEveryCharacterSubstitutionIsRefused()
    {
        Gen.Select(Checkpoints, Gen.Int[0, int.MaxValue], Gen.Char["A/+=\n—x0 "]).Sample((checkpoint, position, replacement) =>
        {
            var note = CheckpointNote.Sign(checkpoint, "log.example/one", LogKey);
            var verdict = CheckpointNote.Verify(note, "log.example/one", LogKey.PublicKey, checkpoint.Origin);
            Assert.True(verdict.IsValid, verdict.Reason);
            Assert.Equal(checkpoint, verdict.Checkpoint);

            var at = position % note.Length;
            if (note[at] != replacement)
            {
                var mutated = note[..at] + replacement + note[(at + 1)..];
                var refused = CheckpointNote.Verify(mutated, "log.example/one", LogKey.PublicKey);
                Assert.False(refused.IsValid, $"accepted a note with character {at} replaced: {mutated}");
                Assert.False(string.IsNullOrEmpty(refused.Reason));
            }
        }, iter: 300);
    }
}
