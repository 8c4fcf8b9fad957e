using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Comity.Cli.Demo;
using Comity.Node.Kernel;
using Comity.Testing.Processes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Comity.Cli.Tests.Demo;

public sealed class DemoCommandTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Demo_StartsFourNodes_AndASecondRunReusesDataPasswordsAndTokens()
    {
        var folder = Directory.CreateTempSubdirectory("comity-demo-").FullName;
        var basePort = NodeProcess.FreePortRange(4);
        try
        {
            // First run: everything is created.
            var (first, firstStarted) = await StartDemoAsync(folder, basePort, async started =>
            {
                Assert.Equal(Path.Combine(folder, ".comity", "demo", "credentials.json"), started.CredentialsPath);
                using var http = new HttpClient();
                foreach (var node in started.Nodes)
                {
                    var ready = await http.GetAsync(new Uri(new Uri(node.Url), "/health/ready"));
                    Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
                }

                var xa = started.Nodes.Single(n => n.Name == "xa");
                var me = await MeAsync(http, xa.Url, xa.User("duty")!.Token!);
                Assert.Equal(["duty-officer"], me["roles"]!.AsArray().Select(r => (string?)r));
                Assert.True((bool)me["demo"]!);
                await AssertPasswordsWorkAsync(started);
            });

            Assert.True(first.ExitCode == 0, first.ToString());
            Assert.Contains("Ctrl+C", first.Out, StringComparison.Ordinal);
            Assert.Contains("credentials.json", first.Out, StringComparison.Ordinal);
            var file = JsonNode.Parse(await File.ReadAllTextAsync(firstStarted.CredentialsPath))!;
            var nodes = file["nodes"]!.AsArray();
            Assert.Equal(["un", "xa", "xb", "xc"], nodes.Select(n => (string?)n!["name"]));
            Assert.All(nodes, n => Assert.All(n!["users"]!.AsArray(), u =>
            {
                Assert.StartsWith("cmt_", (string?)u!["token"], StringComparison.Ordinal);
                Assert.False(string.IsNullOrEmpty((string?)u["password"]));
            }));
            Assert.Equal(["secretariat", "admin"], nodes[0]!["users"]!.AsArray().Select(u => (string?)u!["userName"]));
            Assert.Equal(["duty", "supervisor", "prosecutor", "central", "auditor", "admin"], nodes[1]!["users"]!.AsArray().Select(u => (string?)u!["userName"]));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(firstStarted.CredentialsPath));
            }

            var before = await File.ReadAllTextAsync(firstStarted.CredentialsPath);

            // A client verb run in the demo folder finds the Secretariat and its token by itself.
            var status = await new CliRunner { WorkingDirectory = folder }.RunAsync(["treaty", "status", "--json"]);
            Assert.Contains("Using the demo Secretariat", status.Error, StringComparison.Ordinal);

            // Second run on the same folder: same file, same passwords and tokens, and they still work.
            var (second, _) = await StartDemoAsync(folder, basePort, async started =>
            {
                using var http = new HttpClient();
                foreach (var node in started.Nodes)
                {
                    foreach (var user in node.Users)
                    {
                        var me = await MeAsync(http, node.Url, user.Token!);
                        Assert.Equal(user.UserName, (string?)me["userName"]);
                    }
                }

                await AssertPasswordsWorkAsync(started);
            });

            Assert.True(second.ExitCode == 0, second.ToString());
            Assert.Contains("Reusing", second.Error, StringComparison.Ordinal);
            Assert.Equal(before, await File.ReadAllTextAsync(firstStarted.CredentialsPath));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Demo_BadBasePort_ExitsTwoNamingTheFlag()
    {
        var result = await CliRunner.RunAsync("demo", "--base-port", "70000");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--base-port", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_BasePortInUse_ExitsOneWithOneLineNamingThePort_AndNoHostLogOrStackTrace()
    {
        var folder = Directory.CreateTempSubdirectory("comity-demo-busy-").FullName;
        var basePort = NodeProcess.FreePortRange(4);
        using var holder = new TcpListener(IPAddress.Loopback, basePort);
        holder.Start();
        try
        {
            var (exit, output, error) = await ProcessNetwork.RunCliAsync(
                ["demo", "--base-port", basePort.ToString(CultureInfo.InvariantCulture), "--data", folder], TestContext.Current.CancellationToken);

            var all = $"exit {exit}\n--- stdout\n{output}\n--- stderr\n{error}";
            Assert.True(exit == 1, all);
            Assert.Contains($"Secretariat (UN) could not listen on http://127.0.0.1:{basePort}: ", error, StringComparison.Ordinal);
            Assert.Contains("address already in use", error, StringComparison.Ordinal);
            Assert.Contains("--base-port", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
            Assert.DoesNotContain((output + error).Split('\n'), line => line.TrimStart().StartsWith('{'));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs <c>comity demo</c> until <paramref name="whileRunning"/> has checked the running nodes, then stops it as Ctrl+C does.</summary>
    private static async Task<(CliResult Result, DemoStarted Started)> StartDemoAsync(string folder, int basePort, Func<DemoStarted, Task> whileRunning)
    {
        var started = new TaskCompletionSource<DemoStarted>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var runner = new CliRunner { WorkingDirectory = folder, DemoStarted = s => started.TrySetResult(s) };
        var run = runner.RunAsync(["demo", "--base-port", basePort.ToString(CultureInfo.InvariantCulture)], stop.Token);

        var first = await Task.WhenAny(run, started.Task).WaitAsync(StartTimeout);
        if (first == run)
        {
            Assert.Fail("The demo ended before it started:\n" + await run);
        }

        var demo = await started.Task;
        try
        {
            await whileRunning(demo);
        }
        finally
        {
            await stop.CancelAsync();
        }

        return (await run.WaitAsync(StartTimeout), demo);
    }

    private static async Task<JsonNode> MeAsync(HttpClient http, string nodeUrl, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(nodeUrl), "/api/v1/me"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task AssertPasswordsWorkAsync(DemoStarted started)
    {
        foreach (var node in started.Nodes)
        {
            await using var scope = started.Services[node.Name].CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ComityUser>>();
            foreach (var saved in node.Users)
            {
                var user = await users.FindByNameAsync(saved.UserName);
                Assert.NotNull(user);
                Assert.True(user.IsDemo);
                Assert.True(await users.CheckPasswordAsync(user, saved.Password), $"{node.Name}/{saved.UserName}'s password");
                Assert.Equal(saved.Roles.Order(StringComparer.Ordinal), (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal));
            }
        }
    }
}
