using System.Text;
using Comity.Protocol.Transparency;
using NSec.Cryptography;

namespace Comity.Protocol.Tests.Transparency;

/// <summary>
/// Known answers computed independently from the C2SP signed-note, tlog-checkpoint and
/// tlog-cosignature texts (Python, pyca/cryptography Ed25519): log key seed 0x00..0x1f, witness
/// key seed 0x20..0x3f, the three-leaf tree of "leaf 0", "leaf 1", "leaf 2" from
/// docs/protocol/transparency-v1.md.
/// </summary>
public sealed class CheckpointNoteTests
{
    private const string LogName = "comity.example/log";
    private const string WitnessName = "witness.example/w1";
    private const string RootBase64 = "1Pksj7uJcg6ztVZ3x9fvrd/rENEaGoSguo8aIzN/qpU=";
    private const string Body = "comity.example/log\n3\n" + RootBase64 + "\n";

    private const string ExpectedNote = Body + "\n"
        + "\u2014 comity.example/log 5pv4uuxMDnlkr0xf01ZRTVJvOuRREsayoZstoLyWiDWvh2wivtCHwA81XxzPYVJRSGtqqrtCdF410LLzm3EUUmO4TwA=\n";

    private const string ExpectedCosignatureLine =
        "\u2014 witness.example/w1 IDJKvgAAAABlU/EAqW1w0QyuCH+ix9l8eRdQpxhbHYdNBflCflQOdIauYdIdGGAQFLjYbKExZwpVJc4pXb6XS1YrhmdRATpHON77Bw==\n";

    private const long CosignedAt = 1_700_000_000;

    private static Key KeyFromSeed(byte first) =>
        Key.Import(SignatureAlgorithm.Ed25519, Enumerable.Range(first, 32).Select(i => (byte)i).ToArray(), KeyBlobFormat.RawPrivateKey);

    private static readonly Key LogKey = KeyFromSeed(0);
    private static readonly Key WitnessKey = KeyFromSeed(32);

    private static Checkpoint TheCheckpoint => new(LogName, 3, Convert.FromBase64String(RootBase64));

    [Fact]
    public void Sign_ProducesTheKnownAnswer()
    {
        Assert.Equal(Body, TheCheckpoint.ToBody());
        Assert.Equal(0xe69bf8bau, SignedNote.KeyHash(LogName, SignedNote.Ed25519Algorithm, LogKey.PublicKey));
        Assert.Equal(ExpectedNote, CheckpointNote.Sign(TheCheckpoint, LogName, LogKey));
    }

    [Fact]
    public void Verify_KnownAnswer_RoundTrips()
    {
        var verdict = CheckpointNote.Verify(ExpectedNote, LogName, LogKey.PublicKey, expectedOrigin: LogName);
        Assert.True(verdict.IsValid, verdict.Reason);
        Assert.Equal(LogName, verdict.Checkpoint!.Origin);
        Assert.Equal(3, verdict.Checkpoint.TreeSize);
        Assert.Equal(Convert.FromBase64String(RootBase64), verdict.Checkpoint.RootHash.ToArray());
        Assert.Empty(verdict.Checkpoint.Extensions);
        Assert.Equal(TheCheckpoint, verdict.Checkpoint);
        Assert.NotEqual(new Checkpoint(LogName, 3, new byte[32]), verdict.Checkpoint);
        Assert.NotEqual(new Checkpoint(LogName, 3, Convert.FromBase64String(RootBase64), ["x"]), verdict.Checkpoint);
    }

    [Fact]
    public void Cosignature_ProducesTheKnownAnswer_AndVerifies()
    {
        Assert.Equal(0x20324abeu, SignedNote.KeyHash(WitnessName, SignedNote.CosignatureV1Algorithm, WitnessKey.PublicKey));
        var line = Cosignature.SignatureLine(TheCheckpoint, WitnessName, WitnessKey, CosignedAt);
        Assert.Equal(ExpectedCosignatureLine, line);

        var cosigned = SignedNote.AddSignatureLine(ExpectedNote, line);
        var byWitness = Cosignature.Verify(cosigned, WitnessName, WitnessKey.PublicKey, LogName);
        Assert.True(byWitness.IsValid, byWitness.Reason);
        Assert.Equal(CosignedAt, byWitness.CosignedAt);
        Assert.Equal(3, byWitness.Checkpoint!.TreeSize);

        // The log's signature still verifies with the witness line present (unknown signatures are ignored).
        Assert.True(CheckpointNote.Verify(cosigned, LogName, LogKey.PublicKey).IsValid);
        // A cosignature is not a log signature, and a log signature is not a cosignature.
        Assert.False(CheckpointNote.Verify(cosigned, WitnessName, WitnessKey.PublicKey).IsValid);
        Assert.False(Cosignature.Verify(cosigned, LogName, LogKey.PublicKey).IsValid);
    }

    [Fact]
    public void Verify_IgnoresUnknownSignatures_InAnyOrder()
    {
        var other = SignedNote.FormatSignatureLine("someone.else/key", 0x01020304, new byte[64]);
        var note = Body + "\n" + other + ExpectedNote[(Body.Length + 1)..] + other;
        Assert.True(CheckpointNote.Verify(note, LogName, LogKey.PublicKey).IsValid);
    }

    [Fact]
    public void Extensions_RoundTrip()
    {
        var checkpoint = new Checkpoint(LogName, 0, new byte[32], ["ext one", "ext two"]);
        var note = CheckpointNote.Sign(checkpoint, LogName, LogKey);
        Assert.StartsWith(LogName + "\n0\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\next one\next two\n\n\u2014 " + LogName + " ", note, StringComparison.Ordinal);
        var verdict = CheckpointNote.Verify(note, LogName, LogKey.PublicKey);
        Assert.True(verdict.IsValid, verdict.Reason);
        Assert.Equal(["ext one", "ext two"], verdict.Checkpoint!.Extensions);
    }

    public static TheoryData<string, string, string> Refusals()
    {
        var sigLine = ExpectedNote[(Body.Length + 1)..];
        var tampered = ExpectedNote.Replace("\n3\n", "\n4\n", StringComparison.Ordinal);
        var sigBytes = Convert.FromBase64String(sigLine.Split(' ')[2].TrimEnd('\n'));
        sigBytes[10] ^= 1;
        var flipped = Body + "\n\u2014 " + LogName + " " + Convert.ToBase64String(sigBytes) + "\n";
        return new TheoryData<string, string, string>
        {
            { "empty", "", "note is empty" },
            { "no blank line", Body + sigLine, "no blank line" },
            { "no signatures", Body + "\n", "must end in a newline" },
            { "no final newline", ExpectedNote.TrimEnd('\n'), "must end in a newline" },
            { "hyphen instead of em dash", Body + "\n- " + sigLine[2..], "em dash" },
            { "missing signature value", Body + "\n\u2014 " + LogName + "\n", "'— <name> <signature>'" },
            { "empty name", Body + "\n\u2014  AAAAAAA=\n", "'— <name> <signature>'" },
            { "not base64", Body + "\n\u2014 " + LogName + " !!!!\n", "not base64" },
            { "non-canonical base64", Body + "\n\u2014 " + LogName + " " + sigLine.Split(' ')[2].TrimEnd('\n').TrimEnd('=') + "\n", "not base64" },
            { "too short", Body + "\n\u2014 " + LogName + " AAAA\n", "too short" },
            { "control character in body", "comity.example/log\t\n3\n" + RootBase64 + "\n\n" + sigLine, "control characters" },
            { "signed by someone else only", Body + "\n" + SignedNote.FormatSignatureLine("someone.else/key", 0x01020304, new byte[64]), "no signature by comity.example/log" },
            { "tampered body", tampered, "does not verify" },
            { "flipped signature bit", flipped, "does not verify" },
            { "signature twice", ExpectedNote + sigLine, "more than one signature" },
            { "body not a checkpoint", SignedNote.Sign("just text\n", LogName, LogKey), "checkpoint needs" },
            { "size with leading zero", SignedNote.Sign(LogName + "\n03\n" + RootBase64 + "\n", LogName, LogKey), "leading zeros" },
            { "negative size", SignedNote.Sign(LogName + "\n-3\n" + RootBase64 + "\n", LogName, LogKey), "tree size" },
            { "size overflows", SignedNote.Sign(LogName + "\n99999999999999999999\n" + RootBase64 + "\n", LogName, LogKey), "tree size" },
            { "short root", SignedNote.Sign(LogName + "\n3\nAAAA\n", LogName, LogKey), "root hash" },
            { "unpadded root", SignedNote.Sign(LogName + "\n3\n" + RootBase64.TrimEnd('=') + "\n", LogName, LogKey), "root hash" },
            { "empty extension line", SignedNote.Sign(Body + "\n", LogName, LogKey), "extension line must not be empty" },
            { "space-padded base64", Body + "\n\u2014 " + LogName + " " + sigLine.Split(' ')[2].TrimEnd('\n') + " \n", "not canonical base64" },
            { "empty origin", SignedNote.Sign("\n3\n" + RootBase64 + "\n", LogName, LogKey), "origin must not be empty" },
        };
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Verify_RefusesMalformedOrForged_WithAReason(string what, string note, string reasonContains)
    {
        var verdict = CheckpointNote.Verify(note, LogName, LogKey.PublicKey);
        Assert.False(verdict.IsValid, what);
        Assert.Null(verdict.Checkpoint);
        Assert.False(string.IsNullOrWhiteSpace(verdict.Reason), what);
        Assert.Contains(reasonContains, verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_RefusesALoneSurrogate()
    {
        // Not in the theory: test-case serialization would replace the lone surrogate.
        var note = "comity\ud800\n3\n" + RootBase64 + "\n\n" + ExpectedNote[(Body.Length + 1)..];
        Assert.Contains("not valid Unicode", CheckpointNote.Verify(note, LogName, LogKey.PublicKey).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_RefusesWrongOriginAndWrongKey()
    {
        Assert.Contains("expected 'other/log'", CheckpointNote.Verify(ExpectedNote, LogName, LogKey.PublicKey, "other/log").Reason, StringComparison.Ordinal);
        Assert.Contains("no signature by", CheckpointNote.Verify(ExpectedNote, LogName, WitnessKey.PublicKey).Reason, StringComparison.Ordinal);
        Assert.Contains("invalid", CheckpointNote.Verify(ExpectedNote, "bad name", LogKey.PublicKey).Reason, StringComparison.Ordinal);
        Assert.False(CheckpointNote.Verify(null, LogName, LogKey.PublicKey).IsValid);
    }

    [Fact]
    public void Cosignature_RefusesTamperedTimeOrWrongLength()
    {
        var lineValue = Convert.FromBase64String(ExpectedCosignatureLine.Split(' ')[2].TrimEnd('\n'));
        lineValue[11] ^= 1; // inside the timestamp
        var badTime = ExpectedNote + "\u2014 " + WitnessName + " " + Convert.ToBase64String(lineValue) + "\n";
        Assert.Contains("does not verify", Cosignature.Verify(badTime, WitnessName, WitnessKey.PublicKey).Reason, StringComparison.Ordinal);

        var shortValue = lineValue.AsSpan(0, 4 + 64).ToArray();
        var badLength = ExpectedNote + "\u2014 " + WitnessName + " " + Convert.ToBase64String(shortValue) + "\n";
        Assert.Contains("8-byte time", Cosignature.Verify(badLength, WitnessName, WitnessKey.PublicKey).Reason, StringComparison.Ordinal);

        var otherCheckpoint = CheckpointNote.Sign(new Checkpoint(LogName, 4, Convert.FromBase64String(RootBase64)), LogName, LogKey);
        Assert.Contains("does not verify", Cosignature.Verify(otherCheckpoint + ExpectedCosignatureLine, WitnessName, WitnessKey.PublicKey).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_RefusesInvalidInputAsProgrammingErrors()
    {
        Assert.Throws<ArgumentException>(() => new Checkpoint("", 1, new byte[32]));
        Assert.Throws<ArgumentException>(() => new Checkpoint("a\nb", 1, new byte[32]));
        Assert.Throws<ArgumentException>(() => new Checkpoint(LogName, 1, new byte[31]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Checkpoint(LogName, -1, new byte[32]));
        Assert.Throws<ArgumentException>(() => new Checkpoint(LogName, 1, new byte[32], [""]));
        Assert.Throws<ArgumentException>(() => CheckpointNote.Sign(TheCheckpoint, "has space", LogKey));
        Assert.Throws<ArgumentException>(() => CheckpointNote.Sign(TheCheckpoint, "a+b", LogKey));
        Assert.Throws<ArgumentException>(() => SignedNote.Sign("no newline", LogName, LogKey));
        Assert.Equal(Encoding.UTF8.GetBytes("cosignature/v1\ntime 1700000000\n" + Body), Cosignature.SignedMessage(TheCheckpoint, CosignedAt));
    }
}
