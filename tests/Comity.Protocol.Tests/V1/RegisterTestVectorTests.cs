using System.Text;
using System.Text.Json.Nodes;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;

namespace Comity.Protocol.Tests.V1;

/// <summary>
/// The committed test vector (docs/protocol/vectors/register-v1/) is exactly what this implementation
/// produces, and verifies. To rewrite the files after a deliberate change of the vector, run the tests
/// with COMITY_WRITE_VECTORS=1 and review the diff.
/// </summary>
public sealed class RegisterTestVectorTests
{
    private static readonly DateTimeOffset DuringValidity = new(2026, 7, 2, 12, 0, 0, TimeSpan.Zero);

    private static string Committed(string name) => Path.Combine(RepositoryFiles.RegisterVectorFolder, name);

    public static TheoryData<string> FileNames => [.. RegisterTestVector.Files().Keys];

    [Theory]
    [MemberData(nameof(FileNames))]
    public void CommittedFile_IsByteForByteWhatTheImplementationProduces(string name)
    {
        var expected = RegisterTestVector.Files()[name];
        if (Environment.GetEnvironmentVariable("COMITY_WRITE_VECTORS") == "1")
        {
            Directory.CreateDirectory(RepositoryFiles.RegisterVectorFolder);
            File.WriteAllBytes(Committed(name), expected);
        }

        Assert.True(File.Exists(Committed(name)), $"{Committed(name)} is missing; run the tests once with COMITY_WRITE_VECTORS=1 to write it.");
        var actual = File.ReadAllBytes(Committed(name));
        Assert.True(expected.AsSpan().SequenceEqual(actual), $"{name} differs from what the implementation produces:\nexpected {Encoding.UTF8.GetString(expected)}\nactual   {Encoding.UTF8.GetString(actual)}");
    }

    [Fact]
    public void CommittedRegister_VerifiesWithTheCommittedPublicKey()
    {
        var jwk = System.Text.Json.JsonSerializer.Deserialize<Jwk>(File.ReadAllText(Committed("secretariat-key.jwk.json")))!;

        var result = RegisterVerifier.Verify(File.ReadAllText(Committed("register.jws.json")), jwk, lastAcceptedSerial: null, DuringValidity, TimeSpan.FromDays(1));

        Assert.Equal(RegisterVerdict.Accepted, result.Verdict);
        Assert.Equal(File.ReadAllBytes(Committed("payload.json")), result.Payload);
        Assert.Equal(42, result.Register!.Serial);
        Assert.Equal(RegisterTestVector.Register() with { Participants = [], Nodes = [], Designations = [], ServiceProviders = [] },
            result.Register with { Participants = [], Nodes = [], Designations = [], ServiceProviders = [] });
    }

    [Fact]
    public void CommittedSecretariatKey_IsDerivedFromTheDocumentedSeedAndMarkedTestOnly()
    {
        var privateJwk = JsonNode.Parse(File.ReadAllText(Committed("secretariat-key.private.jwk.json")))!;
        var seed = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("comity register test vector v1"));

        Assert.Equal(Base64Url.Encode(seed), (string?)privateJwk["d"]);
        Assert.StartsWith("TEST ONLY", (string?)privateJwk["_comment"], StringComparison.Ordinal);
        Assert.Null(JsonNode.Parse(File.ReadAllText(Committed("secretariat-key.jwk.json")))!["d"]);
    }

    [Fact]
    public void Vector_ResigningTheCommittedPayload_GivesTheCommittedJws()
    {
        using var key = RegisterTestVector.SecretariatKey();
        var payload = File.ReadAllBytes(Committed("payload.json"));

        var resigned = JwsFlattened.Sign(payload, new JwsHeader(JwsHeader.EdDsa, RegisterTestVector.SecretariatKid, RegisterV1.MediaType), key);

        Assert.Equal(File.ReadAllText(Committed("register.jws.json")), resigned);
    }

    [Fact]
    public void Vector_Payload_HasTheCompleteShapeTheDocsDescribe()
    {
        var register = RegisterJson.Deserialize(File.ReadAllBytes(Committed("payload.json")));

        Assert.Equal(2, register.Participants.Count);
        var node = Assert.Single(register.Nodes);
        Assert.Equal(["sig", "enc"], node.Keys.Select(k => k.Use));
        Assert.Equal(2, register.Designations.Count);
        Assert.Single(register.Designations.Single(d => d.Role == "pointOfContact247").Roster);
        Assert.Single(register.ServiceProviders);
        Assert.All(node.Keys, k => Assert.Equal(JwkKeys.Thumbprint(k.Jwk), k.Kid));
    }
}
