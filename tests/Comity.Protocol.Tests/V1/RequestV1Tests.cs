using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Comity.Protocol.V1;

namespace Comity.Protocol.Tests.V1;

/// <summary>The request bodies (docs/protocol/requests-v1.md): typed, read leniently where the doc says so, written in one form.</summary>
public sealed partial class RequestV1Tests
{
    private static readonly string Doc = File.ReadAllText(RepositoryFiles.Path("docs", "protocol", "requests-v1.md")).ReplaceLineEndings("\n");

    private static readonly HandlingConditionsV1 Conditions = new("confidential", "statedPurposeOnly", "withPriorAuthorization", null, []);

    [Fact]
    public void DocExamples_ReadAndWriteBackByteForByte()
    {
        var examples = JsonBlock().Matches(Doc).Select(m => m.Groups[1].Value.Replace("\n", "", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, examples.Count);

        var submitted = Read<RequestSubmittedV1>(examples[0]);
        var preserved = Read<RequestEventEnvelopeV1>(examples[1]);

        Assert.Equal(examples[0], Write(submitted));
        Assert.Equal(examples[1], Write(preserved));
        Assert.Equal("Mailbox contents and access logs of account x@mail.example", submitted.Request.Contents.DataToPreserve);
        Assert.Null(submitted.Event.Fields.Conditions);
        Assert.Equal(new DateTimeOffset(2027, 1, 31, 9, 0, 0, TimeSpan.Zero), preserved.Event.Fields.Until);
    }

    [Fact]
    public void Doc_ListsEveryMemberOfTheContentsAndTheEventFields()
    {
        foreach (var type in new[] { typeof(RequestContentsV1), typeof(RequestEventFieldsV1) })
        {
            var table = Doc[Doc.IndexOf($"### `{type.Name}`", StringComparison.Ordinal)..];
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                Assert.Contains($"| `{JsonNamingPolicy.CamelCase.ConvertName(property.Name)}` |", table, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Fields_AreWrittenInAlphabeticalOrder_LeavingOutMembersWithoutAValue()
    {
        var fields = new RequestEventFieldsV1
        {
            Until = new DateTimeOffset(2027, 1, 31, 10, 0, 0, TimeSpan.FromHours(1)).AddMilliseconds(250),
            Note = "Mailbox frozen.",
            Conditions = Conditions,
        };

        Assert.Equal(
            "{\"conditions\":{\"confidentiality\":\"confidential\",\"useLimitation\":\"statedPurposeOnly\",\"onwardTransfer\":\"withPriorAuthorization\",\"retentionDays\":null,\"dataProtection\":[]},\"note\":\"Mailbox frozen.\",\"until\":\"2027-01-31T09:00:00.25Z\"}",
            Write(fields));
        Assert.Equal("{}", Write(new RequestEventFieldsV1()));
    }

    [Fact]
    public void Fields_WrittenByEarlierSenders_ExplicitNullsConditionsAndUnknownMembers_Read()
    {
        // What nodes wrote before the typed contracts: sorted members, nulls written, the submitted event's conditions.
        var submitted = Read<RequestEventFieldsV1>("{\"conditions\":{\"confidentiality\":\"confidential\",\"useLimitation\":\"statedPurposeOnly\",\"onwardTransfer\":\"withPriorAuthorization\",\"retentionDays\":null,\"dataProtection\":[]}}");
        var acknowledged = Read<RequestEventFieldsV1>("{\"note\":\"On it.\",\"officer\":null}");
        var later = Read<RequestEventFieldsV1>("{\"reason\":null,\"severity\":\"high\",\"until\":\"2027-01-31T09:00:00Z\"}");

        Assert.Equal(("confidential", "withPriorAuthorization"), (submitted.Conditions!.Confidentiality, submitted.Conditions.OnwardTransfer));
        Assert.Equal(new RequestEventFieldsV1 { Note = "On it." }, acknowledged);
        Assert.Equal(new RequestEventFieldsV1 { Until = new DateTimeOffset(2027, 1, 31, 9, 0, 0, TimeSpan.Zero) }, later);
    }

    [Theory]
    [InlineData("{\"until\":\"2027-01-31T09:00:00+01:00\"}")]
    [InlineData("{\"officer\":5}")]
    [InlineData("{\"reason\":\"a\",\"reason\":\"b\"}")]
    [InlineData("{\"conditions\":{\"confidentiality\":\"none\"}}")]
    public void Fields_NotFollowingTheSchema_AreRefused(string json)
    {
        Assert.Null(RequestJson.Read<RequestEventFieldsV1>(JsonDocument.Parse(json).RootElement, out var problem));
        Assert.StartsWith("The body does not follow the schema", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Event_WithoutFields_IsRefused()
    {
        Assert.Null(RequestJson.Read<RequestEventV1>(JsonDocument.Parse("{\"type\":\"received\",\"by\":\"requested\",\"at\":\"2026-11-02T09:00:00Z\",\"actor\":null,\"fields\":null}").RootElement, out var problem));
        Assert.Contains("fields", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Contents_AreWrittenWithEveryItem_AndMissingItemsReadAsNull()
    {
        var contents = Read<RequestContentsV1>("{\"question\":\"How long are logs kept?\",\"unknownItem\":\"x\"}");

        Assert.Equal(new RequestContentsV1 { Question = "How long are logs kept?" }, contents);
        var written = JsonDocument.Parse(Write(contents)).RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(
            ["requestingAuthority", "offence", "summaryOfFacts", "dataToPreserve", "linkToOffence", "custodianOrLocation", "preservationNecessity", "intendedFollowUp",
             "preservationReference", "trafficDataSought", "emergency", "dataSought", "personSought", "question"],
            written);
    }

    private static T Read<T>(string json)
        where T : class =>
        RequestJson.Read<T>(JsonDocument.Parse(json).RootElement, out var problem) ?? throw new InvalidOperationException(problem);

    private static string Write<T>(T value) => JsonSerializer.Serialize(value, FederationJson.Options);

    [GeneratedRegex("```json\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
