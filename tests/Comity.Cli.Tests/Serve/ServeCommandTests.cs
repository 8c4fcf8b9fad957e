namespace Comity.Cli.Tests.Serve;

public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_UnknownFlag_ExitsTwoNamingTheFlag()
    {
        var result = await CliRunner.RunAsync("serve", "--colour", "blue");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("colour", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Theory]
    [InlineData("--role", "king")]
    [InlineData("--state", "XAB")]
    [InlineData("--database", "oracle")]
    [InlineData("--url", "not-a-url")]
    public async Task Serve_InvalidValue_ExitsTwoNamingTheFlag(string flag, string value)
    {
        var result = await CliRunner.RunAsync("serve", flag, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(flag, result.Error, StringComparison.Ordinal);
        Assert.Contains(value, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_StateNodeWithoutStateCode_ExitsTwoNamingTheSetting()
    {
        var data = Directory.CreateTempSubdirectory("comity-serve-").FullName;

        var result = await CliRunner.RunAsync("serve", "--role", "state", "--data", data, "--url", "http://127.0.0.1:0");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Comity:StateCode", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_PostgresWithoutConnectionString_ExitsTwo()
    {
        var result = await CliRunner.RunAsync("serve", "--role", "secretariat", "--database", "postgres", "--url", "http://127.0.0.1:0");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("ConnectionString", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_ExitsTwo()
    {
        var result = await CliRunner.RunAsync("frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("frobnicate", result.Error, StringComparison.Ordinal);
    }
}
