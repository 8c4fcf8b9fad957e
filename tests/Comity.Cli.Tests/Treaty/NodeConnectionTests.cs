namespace Comity.Cli.Tests.Treaty;

/// <summary>Client verbs without a working node: no treaty API needed.</summary>
public sealed class NodeConnectionTests
{
    [Fact]
    public async Task Status_ConnectionRefused_ExitsOneWithAClearMessage()
    {
        // Port 1 (tcpmux) is not served on a test machine's loopback.
        var result = await CliRunner.RunAsync("treaty", "status", "--node", "http://127.0.0.1:1", "--token", "cmt_0123456789abcdefghijkl");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Contains("could not reach the node at http://127.0.0.1:1/", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_NoNodeAnywhere_ExitsTwoAndSaysHowToChooseOne()
    {
        var empty = Directory.CreateTempSubdirectory("comity-cli-").FullName;
        var result = await new CliRunner { WorkingDirectory = empty }.RunAsync(["treaty", "status"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--node", result.Error, StringComparison.Ordinal);
        Assert.Contains("COMITY_NODE", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_BadKind_ExitsTwoNamingTheFlag()
    {
        var result = await CliRunner.RunAsync("treaty", "record", "--participant", "FR", "--kind", "ratify", "--date", "2026-03-01", "--node", "http://127.0.0.1:1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--kind", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_MissingDate_ExitsTwo()
    {
        var result = await CliRunner.RunAsync("treaty", "record", "--participant", "FR", "--kind", "ratification", "--node", "http://127.0.0.1:1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("date", result.Error, StringComparison.Ordinal);
    }
}
