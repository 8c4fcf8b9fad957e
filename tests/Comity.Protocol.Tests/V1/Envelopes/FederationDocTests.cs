using System.Text.Json.Nodes;
using Comity.Protocol.V1;

namespace Comity.Protocol.Tests.V1.Envelopes;

/// <summary>docs/protocol/federation-v1.md says what the code does: every refusal code, every vector file and signature.</summary>
public sealed class FederationDocTests
{
    private static readonly string Doc = File.ReadAllText(RepositoryFiles.Path("docs", "protocol", "federation-v1.md"));

    [Fact]
    public void Doc_MapsEveryRefusal_ToItsStatusAndCode()
    {
        foreach (var verdict in Enum.GetValues<EnvelopeVerdict>().Where(v => v != EnvelopeVerdict.Accepted))
        {
            var problem = FederationRefusals.Problem(verdict);
            Assert.Contains($"| `{verdict}` | {problem.Status} | `{problem.Code}` |", Doc, StringComparison.Ordinal);
        }

        foreach (var problem in new[] { FederationRefusals.Replay, FederationRefusals.UnknownType })
        {
            Assert.Contains($"| {problem.Status} | `{problem.Code}` |", Doc, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Doc_NamesEveryReceiptVerdict()
    {
        Assert.All(Enum.GetValues<ReceiptVerdict>().Where(v => v != ReceiptVerdict.Accepted), v => Assert.Contains($"`{v}`", Doc, StringComparison.Ordinal));
    }

    [Fact]
    public void Doc_ListsEveryVectorFile_AndTheCommittedSignatures()
    {
        Assert.All(FederationTestVector.Files().Keys, name => Assert.Contains($"| `{name}` |", Doc, StringComparison.Ordinal));
        foreach (var jws in new[] { "envelope.jws.json", "receipt.jws.json" })
        {
            var signature = (string)JsonNode.Parse(File.ReadAllText(Path.Combine(FederationTestVector.Folder, jws)))!["signature"]!;
            Assert.Contains(signature, Doc, StringComparison.Ordinal);
        }

        Assert.Contains(File.ReadAllText(Path.Combine(FederationTestVector.Folder, "envelope.payload.json")), Doc, StringComparison.Ordinal);
    }
}
