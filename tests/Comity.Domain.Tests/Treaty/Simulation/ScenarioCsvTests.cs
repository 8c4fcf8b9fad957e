using Comity.Domain.Treaty.Simulation;
using static Comity.Domain.Tests.Treaty.TreatyBuilder;

namespace Comity.Domain.Tests.Treaty.Simulation;

public sealed class ScenarioCsvTests
{
    [Fact]
    public void Parse_BomCrlfWhitespaceQuotesAndNames_Accepted()
    {
        var csv = "\uFEFFParticipant , Kind, Date\r\n FR , Signature , 2025-10-25 \r\n\"Iran (Islamic Republic of)\",SIGNATURE,2025-10-25\r\n\r\nCôte d'Ivoire,accession,2027-01-01\r\n";
        var result = ScenarioCsv.Parse(csv);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(3, result.Rows.Count);
        Assert.Equal(new ScenarioRow(3, 5, Accede("CI", "2027-01-01")), result.Rows[2]);
    }

    [Fact]
    public void Parse_BadHeader_Reported()
    {
        var error = Assert.Single(ScenarioCsv.Parse("kind,participant,date\nFR,signature,2025-10-25\n").Errors);
        Assert.Equal("scenario.bad-header", error.Code);
        Assert.StartsWith("line 1:", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Atlantis,signature,2025-10-25", "scenario.unknown-participant")]
    [InlineData("FR,signing,2025-10-25", "scenario.unknown-kind")]
    [InlineData("FR,signature,25/10/2025", "scenario.bad-date")]
    [InlineData("FR,signature", "scenario.wrong-field-count")]
    [InlineData("\"FR,signature,2025-10-25", "scenario.malformed-row")]
    public void Parse_BadRow_NamesRowAndLine(string row, string code)
    {
        var result = ScenarioCsv.Parse($"participant,kind,date\nDE,signature,2025-10-25\n{row}\n");
        var error = Assert.Single(result.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(2, error.Row);
        Assert.Equal(3, error.Line);
        Assert.StartsWith("row 2 (line 3): [" + code, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Article", "64(1)")]
    public void Run_RuleViolation_NamesRowRuleAndArticle()
    {
        var outcome = Comity.Domain.Treaty.Simulation.Simulation.Run("participant,kind,date\nFR,signature,2025-10-25\nDE,signature,2027-02-01\n");
        var error = Assert.Single(outcome.Errors);
        Assert.StartsWith("row 2 (line 3): [treaty.signature-closed, Art. 64(1)] DE cannot sign", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Article", "65(1)")]
    public void Run_FortyAccessions_ProducesJson()
    {
        var rows = string.Join('\n', NonEuStates.Take(40).Select(c => $"{c},accession,2027-01-01"));
        var outcome = Comity.Domain.Treaty.Simulation.Simulation.Run("participant,kind,date\n" + rows + $"\n{NonEuStates[0]},denunciation,2028-01-01");
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
        var result = outcome.Result!;
        Assert.Equal(D("2027-04-01"), result.EntryIntoForce);
        Assert.Equal(40, result.Parties.Count);
        Assert.Equal(result.Parties.Select(p => p.Participant).Order(StringComparer.Ordinal), result.Parties.Select(p => p.Participant));
        var json = result.ToJson();
        Assert.StartsWith("{\"entryIntoForce\":\"2027-04-01\",\"amendmentProposalsFrom\":\"2032-04-01\",\"protocolThresholdReached\":null,\"parties\":[{\"participant\":\"" + NonEuStates[0] + "\",\"inForceFrom\":\"2027-04-01\",\"denunciationEffective\":\"2029-01-01\"},", json, StringComparison.Ordinal);
        Assert.Contains("\"denunciationEffective\":null}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NeverInForce_EmptyParties()
    {
        var outcome = Comity.Domain.Treaty.Simulation.Simulation.Run("participant,kind,date\nFR,signature,2025-10-25\nFR,ratification,2026-01-01\n");
        Assert.Equal("{\"entryIntoForce\":null,\"amendmentProposalsFrom\":null,\"protocolThresholdReached\":null,\"parties\":[]}", outcome.Result!.ToJson());
    }
}
