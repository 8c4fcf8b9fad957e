using System.Buffers.Binary;
using System.Text;
using Comity.Protocol.Transparency;
using NSec.Cryptography;

namespace Comity.Protocol.Tests.Transparency;

/// <summary>
/// Comity's signed notes checked against known answers published by the reference implementations:
/// Go's <c>golang.org/x/mod/sumdb/note</c> (the format's origin, used by the Go checksum database) and
/// <c>github.com/transparency-dev/formats/note</c> (cosignature/v1 as witnesses use it). Sources and
/// licences: Transparency/Vectors/reference-notes/README.md.
/// </summary>
public sealed class ReferenceNoteVectorTests
{
    // sumdb/note/note_test.go, TestNewVerifier / TestNewSigner / TestSign.
    private const string PeterVerifierKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private const string PeterSignerKey = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private const string Text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    private const string PeterSignature = "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=";

    // sumdb/note/note_test.go, TestOpen.
    private const string EnochVerifierKey = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    private const string EnochSignature = "rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=";

    // transparency-dev/formats note/note_cosigv1_test.go, TestCoSigV1NewVerifier and TestCoSigV1Timestamp.
    private const string RemoraCosignatureKey = "remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2";
    private const string TimestampedCosignature = "ZGhGuQAAAABm/qTPeyKXD+R2rzyQsxPiP8mXum7qq/iF0u4vanlqJyocWODBt97w9uL+8qT7S5gxEHWWOworDcFiEBYJXORmnFBOBA==";

    /// <summary>A vkey "name+hash+base64(alg || key)" (or skey "PRIVATE+KEY+name+hash+base64(alg || seed)") as the Go package writes it.</summary>
    private static (string Name, uint Hash, byte Algorithm, byte[] Key) ParseKey(string vkey)
    {
        // The base64 part may itself contain '+': split off the fixed fields only.
        var parts = vkey.StartsWith("PRIVATE+KEY+", StringComparison.Ordinal) ? vkey["PRIVATE+KEY+".Length..].Split('+', 3) : vkey.Split('+', 3);
        var bytes = Convert.FromBase64String(parts[2]);
        return (parts[0], uint.Parse(parts[1], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture), bytes[0], bytes[1..]);
    }

    private static PublicKey Ed25519Public(byte[] raw) => PublicKey.Import(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey);

    [Theory]
    [InlineData(PeterVerifierKey)]
    [InlineData(EnochVerifierKey)]
    [InlineData(RemoraCosignatureKey)]
    public void KeyHash_MatchesTheReferenceImplementation(string vkey)
    {
        var (name, hash, algorithm, key) = ParseKey(vkey);

        Assert.Equal(hash, SignedNote.KeyHash(name, algorithm, Ed25519Public(key)));
    }

    [Fact]
    public void Sign_WithGosTestKey_GivesGosSignedNoteByteForByte()
    {
        var (name, _, algorithm, seed) = ParseKey(PeterSignerKey);
        Assert.Equal(SignedNote.Ed25519Algorithm, algorithm);
        using var key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);

        var note = SignedNote.Sign(Text, name, key);

        Assert.Equal(Text + "\n\u2014 PeterNeumann " + PeterSignature + "\n", note);
        Assert.Equal(ParseKey(PeterVerifierKey).Key, key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    [Fact]
    public void Parse_GosTwoSignatureNote_EachSignatureVerifiesWithItsKey_AndATamperedOneDoesNot()
    {
        var text = Text + "\n\u2014 PeterNeumann " + PeterSignature + "\n\u2014 EnochRoot " + EnochSignature + "\n";

        Assert.True(SignedNote.TryParse(text, out var note, out var reason), reason);
        Assert.Equal(Text, note!.Body);
        Assert.Equal(2, note.Signatures.Count);
        foreach (var (signature, vkey) in note.Signatures.Zip([PeterVerifierKey, EnochVerifierKey]))
        {
            var (name, hash, _, key) = ParseKey(vkey);
            Assert.Equal(name, signature.Name);
            Assert.Equal(hash, signature.KeyHash);
            Assert.True(SignatureAlgorithm.Ed25519.Verify(Ed25519Public(key), Encoding.UTF8.GetBytes(note.Body), signature.Signature.Span), name);
            Assert.False(SignatureAlgorithm.Ed25519.Verify(Ed25519Public(key), Encoding.UTF8.GetBytes(note.Body.Replace("problem,", "problem;", StringComparison.Ordinal)), signature.Signature.Span), name);
        }
    }

    [Theory]
    [InlineData(Text)] // no signature block
    [InlineData(Text + "\n")] // blank line but no signature
    [InlineData(Text + "\n\u2014 PeterNeumann " + PeterSignature)] // no final newline
    [InlineData("\u0001" + Text + "\n\u2014 PeterNeumann " + PeterSignature + "\n")] // control character
    [InlineData(Text + "\n\u2014 Bad Name " + PeterSignature + "\n")] // name with a space
    [InlineData(Text + "\n\u2014 PeterNeumann " + PeterSignature + "\nUnexpected line.\n")] // trailing text
    public void Parse_RefusesWhatGoRefusesAsMalformed(string text)
    {
        Assert.False(SignedNote.TryParse(text, out _, out var reason));
        Assert.False(string.IsNullOrEmpty(reason));
    }

    [Fact]
    public void Parse_RefusesMoreThanAHundredSignatures_AsGoDoes()
    {
        var text = Text + "\n" + string.Concat(Enumerable.Repeat("\u2014 PeterNeumann " + PeterSignature + "\n", 101));

        Assert.False(SignedNote.TryParse(text, out _, out _));
    }

    [Fact]
    public void CosignatureValue_HasTheLayoutWitnessesUse_KeyHashTimestampSignature()
    {
        var value = Convert.FromBase64String(TimestampedCosignature);

        Assert.Equal(4 + 8 + 64, value.Length);
        Assert.Equal(1_727_964_367UL, BinaryPrimitives.ReadUInt64BigEndian(value.AsSpan(4, 8)));
    }

    [Fact]
    public void CosignedMessage_IsTheReferenceFormat_OverTheWholeNoteBody()
    {
        // formatEd25519CosignatureV1 in transparency-dev/formats: "cosignature/v1\ntime <t>\n" + every line of the note body.
        var checkpoint = new Checkpoint("example.com/log", 123, new byte[32], ["extension line"]);

        var message = Encoding.UTF8.GetString(Cosignature.SignedMessage(checkpoint, 1_727_964_367));

        Assert.Equal("cosignature/v1\ntime 1727964367\n" + checkpoint.ToBody(), message);
        Assert.EndsWith("extension line\n", message, StringComparison.Ordinal);
    }
}
