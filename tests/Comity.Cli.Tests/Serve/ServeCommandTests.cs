using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Comity.Testing.Processes;

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
    public async Task Serve_PortInUse_ExitsOneWithOneLineNamingThePort_AndNoErrorLogOrStackTrace()
    {
        var data = Directory.CreateTempSubdirectory("comity-serve-busy-").FullName;
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{((IPEndPoint)holder.LocalEndpoint).Port}");
        try
        {
            var (exit, output, error) = await ProcessNetwork.RunCliAsync(
                ["serve", "--role", "secretariat", "--data", data, "--url", url], TestContext.Current.CancellationToken);

            // Standard output is a pipe, so the node logs JSON there: its start-up records at Information, but no
            // error about the port (nor about workers cancelled when it gives up), and no stack trace anywhere.
            var all = $"exit {exit}\n--- stdout\n{output}\n--- stderr\n{error}";
            Assert.True(exit == 1, all);
            Assert.Contains($"error: the node could not listen: Failed to bind to address {url}: address already in use.", error, StringComparison.Ordinal);
            Assert.Contains("--url", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
            Assert.DoesNotContain(output.Split('\n'), line => line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) || line.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task UnknownCommand_ExitsTwo()
    {
        var result = await CliRunner.RunAsync("frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("frobnicate", result.Error, StringComparison.Ordinal);
    }
}
