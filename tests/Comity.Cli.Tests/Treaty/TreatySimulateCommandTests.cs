using System.Text.Json.Nodes;

namespace Comity.Cli.Tests.Treaty;

/// <summary>
/// <c>comity treaty simulate</c> on the scenarios in <c>Scenarios/</c>, whose expected results were
/// computed independently of the domain by <c>Scenarios/generate.py</c>.
/// </summary>
public sealed class TreatySimulateCommandTests
{
    private static string Scenario(string name) => Path.Combine(AppContext.BaseDirectory, "Scenarios", name);

    [Theory]
    [InlineData("forty-instruments")] // Art. 65(1): 40th deposit + 90 days; Art. 66(1): + 5 years
    [InlineData("later-joiners")] // Art. 65(2): 30 days after deposit, not before entry into force
    [InlineData("european-union-not-counted")] // Art. 65(1): an organization's instrument is not counted
    [InlineData("denunciation")] // Art. 67(1): one year after receipt
    [InlineData("protocol-threshold")] // Art. 62(1): sixty States Parties
    public async Task Simulate_Json_PrintsExactlyTheExpectedResult(string scenario)
    {
        var result = await CliRunner.RunAsync("treaty", "simulate", Scenario(scenario + ".csv"), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Error);
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(Scenario(scenario + ".expected.json")));
        var actual = JsonNode.Parse(result.Out);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected\n{expected}\nactual\n{actual}");
        Assert.Single(result.Out.Trim().Split('\n'));
    }

    [Fact]
    public async Task Simulate_FortyInstruments_EntersIntoForceNinetyDaysAfterTheFortieth()
    {
        var result = await CliRunner.RunAsync("treaty", "simulate", Scenario("forty-instruments.csv"), "--json");

        var json = JsonNode.Parse(result.Out)!;
        Assert.Equal("2026-08-28", (string?)json["entryIntoForce"]); // 40th deposit 2026-05-30 + 90 days
        Assert.Equal("2031-08-28", (string?)json["amendmentProposalsFrom"]);
        Assert.Null((string?)json["protocolThresholdReached"]);
        Assert.Equal(40, json["parties"]!.AsArray().Count);
    }

    [Fact]
    public async Task Simulate_ShuffledRows_GivesTheSameResult()
    {
        var ordered = await CliRunner.RunAsync("treaty", "simulate", Scenario("forty-instruments.csv"), "--json");
        var shuffled = await CliRunner.RunAsync("treaty", "simulate", Scenario("forty-instruments-shuffled.csv"), "--json");

        Assert.Equal(0, shuffled.ExitCode);
        Assert.Equal(ordered.Out, shuffled.Out);
    }

    [Theory]
    [InlineData("impossible-ratification-without-signature", "row 2 (line 3)", "treaty.consent-requires-signature", "Art. 64(2)")]
    [InlineData("impossible-signature-after-closing", "row 1 (line 2)", "treaty.signature-closed", "Art. 64(1)")]
    public async Task Simulate_ImpossibleScenario_ExitsTwoNamingRowAndRuleWithNothingOnStdout(string scenario, string where, string code, string article)
    {
        foreach (var json in new[] { true, false })
        {
            string[] args = json ? ["treaty", "simulate", Scenario(scenario + ".csv"), "--json"] : ["treaty", "simulate", Scenario(scenario + ".csv")];
            var result = await CliRunner.RunAsync(args);

            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Equal("", result.Out);
            Assert.Contains(where, result.Error, StringComparison.Ordinal);
            Assert.Contains(code, result.Error, StringComparison.Ordinal);
            Assert.Contains(article, result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Simulate_MalformedRow_ExitsTwoWithTheParseError()
    {
        var file = Path.Combine(Path.GetTempPath(), $"comity-scenario-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "participant,kind,date\nFR,signature,2026-13-01\n");
        try
        {
            var result = await CliRunner.RunAsync("treaty", "simulate", file, "--json");

            Assert.Equal(2, result.ExitCode);
            Assert.Equal("", result.Out);
            Assert.Contains("scenario.bad-date", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Simulate_MissingFile_ExitsTwoWithAMessage()
    {
        var result = await CliRunner.RunAsync("treaty", "simulate", "no-such-scenario.csv", "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Contains("no-such-scenario.csv", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_AsOfBeforeTheFortieth_HasNoEntryIntoForce()
    {
        var result = await CliRunner.RunAsync("treaty", "simulate", Scenario("forty-instruments.csv"), "--json", "--as-of", "2026-05-29");

        Assert.Equal(0, result.ExitCode);
        Assert.Null((string?)JsonNode.Parse(result.Out)!["entryIntoForce"]);
    }

    [Fact]
    public async Task Simulate_Human_ShowsDatesWithArticlesPartiesAndTimeline()
    {
        var result = await CliRunner.RunAsync("treaty", "simulate", Scenario("later-joiners.csv"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("2026-08-28", result.Out, StringComparison.Ordinal);
        Assert.Contains("Art. 65(1)", result.Out, StringComparison.Ordinal);
        Assert.Contains("Art. 66(1)", result.Out, StringComparison.Ordinal);
        Assert.Contains("Art. 65(2)", result.Out, StringComparison.Ordinal); // the later joiner in the timeline
        Assert.Contains("Timeline", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_BadAsOf_ExitsTwoNamingTheFlag()
    {
        var result = await CliRunner.RunAsync("treaty", "simulate", Scenario("forty-instruments.csv"), "--as-of", "tomorrow");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--as-of", result.Error, StringComparison.Ordinal);
    }
}
