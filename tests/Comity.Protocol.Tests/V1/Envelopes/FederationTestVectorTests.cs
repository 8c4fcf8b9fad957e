using System.Text;
using System.Text.Json.Nodes;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;

namespace Comity.Protocol.Tests.V1.Envelopes;

/// <summary>
/// The committed vector (docs/protocol/vectors/federation-v1/) is exactly what this implementation
/// produces, and verifies. To rewrite the files after a deliberate change, run the tests with
/// COMITY_WRITE_VECTORS=1 and review the diff.
/// </summary>
public sealed class FederationTestVectorTests
{
    private static readonly DateTimeOffset Now = FederationTestVector.CreatedAt.AddSeconds(1);

    private static string Committed(string name) => Path.Combine(FederationTestVector.Folder, name);

    public static TheoryData<string> FileNames => [.. FederationTestVector.Files().Keys];

    [Theory]
    [MemberData(nameof(FileNames))]
    public void CommittedFile_IsByteForByteWhatTheImplementationProduces(string name)
    {
        var expected = FederationTestVector.Files()[name];
        if (Environment.GetEnvironmentVariable("COMITY_WRITE_VECTORS") == "1")
        {
            Directory.CreateDirectory(FederationTestVector.Folder);
            File.WriteAllBytes(Committed(name), expected);
        }

        Assert.True(File.Exists(Committed(name)), $"{Committed(name)} is missing; run the tests once with COMITY_WRITE_VECTORS=1 to write it.");
        var actual = File.ReadAllBytes(Committed(name));
        Assert.True(expected.AsSpan().SequenceEqual(actual), $"{name} differs from what the implementation produces:\nexpected {Encoding.UTF8.GetString(expected)}\nactual   {Encoding.UTF8.GetString(actual)}");
    }

    [Fact]
    public void CommittedFolder_KeepsBytesExact()
    {
        Assert.Equal("* -text\n", File.ReadAllText(Committed(".gitattributes")));
    }

    [Fact]
    public void CommittedEnvelope_VerifiesAgainstTheCommittedRegister()
    {
        var register = RegisterJson.Deserialize(File.ReadAllBytes(Committed("register.json")));

        var result = EnvelopeVerifier.Verify(File.ReadAllBytes(Committed("envelope.jws.json")), register, "XB", Now, EnvelopeVerifier.DefaultClockSkew, EnvelopeVerifier.DefaultMaxBytes);

        Assert.Equal(EnvelopeVerdict.Accepted, result.Verdict);
        Assert.Equal(File.ReadAllBytes(Committed("envelope.payload.json")), result.Payload);
        Assert.Equal(FederationTestVector.EnvelopeId, result.Envelope!.Id);
        Assert.Equal("ping/v1", result.Envelope.Type);
        Assert.Equal("ping", result.Envelope.Body.GetProperty("message").GetString());
    }

    [Fact]
    public void CommittedReceipt_VerifiesForTheCommittedEnvelopeBytes()
    {
        var register = RegisterJson.Deserialize(File.ReadAllBytes(Committed("register.json")));
        var envelopeBytes = File.ReadAllBytes(Committed("envelope.jws.json"));

        var result = ReceiptVerifier.Verify(File.ReadAllText(Committed("receipt.jws.json")), envelopeBytes, register, "XB");

        Assert.Equal(ReceiptVerdict.Accepted, result.Verdict);
        Assert.Equal(FederationJson.Sha256(envelopeBytes), result.Receipt!.EnvelopeSha256);
        Assert.Equal(FederationTestVector.ReceivedAt, result.Receipt.ReceivedAt);
    }

    [Fact]
    public void Vector_ResigningTheCommittedPayloads_GivesTheCommittedJws()
    {
        using var sender = FederationTestVector.SenderKey();
        using var receiver = FederationTestVector.ReceiverKey();

        var envelope = JwsFlattened.Sign(File.ReadAllBytes(Committed("envelope.payload.json")), new JwsHeader(JwsHeader.EdDsa, FederationTestVector.SenderKid, EnvelopeV1.MediaType), sender);
        var receipt = JwsFlattened.Sign(File.ReadAllBytes(Committed("receipt.payload.json")), new JwsHeader(JwsHeader.EdDsa, FederationTestVector.ReceiverKid, ReceiptV1.MediaType), receiver);

        Assert.Equal(File.ReadAllText(Committed("envelope.jws.json")), envelope);
        Assert.Equal(File.ReadAllText(Committed("receipt.jws.json")), receipt);
    }

    [Theory]
    [InlineData("sender-key.private.jwk.json", FederationTestVector.SenderSeedText)]
    [InlineData("receiver-key.private.jwk.json", FederationTestVector.ReceiverSeedText)]
    public void CommittedKeys_AreDerivedFromTheDocumentedSeedsAndMarkedTestOnly(string file, string seedText)
    {
        var privateJwk = JsonNode.Parse(File.ReadAllText(Committed(file)))!;
        var seed = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(seedText));

        Assert.Equal(Base64Url.Encode(seed), (string?)privateJwk["d"]);
        Assert.StartsWith("TEST ONLY", (string?)privateJwk["_comment"], StringComparison.Ordinal);
        Assert.Null(JsonNode.Parse(File.ReadAllText(Committed(file.Replace(".private", "", StringComparison.Ordinal))))!["d"]);
    }
}
