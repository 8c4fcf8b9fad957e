using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Comity.Cli.Demo;
using Comity.Node.Identity;
using Comity.Testing.Nodes;

namespace Comity.Cli.Tests.Keys;

/// <summary><c>comity keys show|rotate</c> against a real node on loopback, and the demo's Register wiring.</summary>
public sealed class KeysCommandTests : IAsyncLifetime
{
    private TestNode node = null!;
    private string adminToken = null!;

    public async ValueTask InitializeAsync()
    {
        node = await TestNode.StartAsync(new TestNodeOptions { Kestrel = true });
        adminToken = await node.CreateUserWithTokenAsync("admin", Roles.NodeAdmin);
    }

    public async ValueTask DisposeAsync() => await node.DisposeAsync();

    private string Node => node.BaseAddress.ToString();

    [Fact]
    public async Task Show_Json_PrintsTheApisKeys()
    {
        var result = await CliRunner.RunAsync("keys", "show", "--node", Node, "--token", adminToken, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var keys = JsonNode.Parse(result.Out)!.AsArray();
        Assert.Equal(["enc", "sig"], keys.Select(k => (string?)k!["use"]).Order(StringComparer.Ordinal));
        Assert.All(keys, k => Assert.Equal("current", (string?)k!["status"]));
    }

    [Fact]
    public async Task Rotate_ShowsOldAndNewKeys_AndSaysToResubmitTheNodeEntry()
    {
        var before = JsonNode.Parse((await CliRunner.RunAsync("keys", "show", "--node", Node, "--token", adminToken, "--json")).Out)!.AsArray();

        var result = await CliRunner.RunAsync("keys", "rotate", "--node", Node, "--token", adminToken, "--overlap-days", "3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("overlap", result.Out, StringComparison.Ordinal);
        Assert.Contains("re-submit", result.Out, StringComparison.Ordinal);
        foreach (var key in before)
        {
            Assert.Contains((string)key!["kid"]!, result.Out, StringComparison.Ordinal);
        }

        var after = JsonNode.Parse((await CliRunner.RunAsync("keys", "show", "--node", Node, "--token", adminToken, "--json")).Out)!.AsArray();
        Assert.Equal(4, after.Count);
        Assert.Equal(node.Time.GetUtcNow().AddDays(3), DateTimeOffset.Parse((string)after.First(k => (string?)k!["status"] == "overlap")!["notAfter"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Show_AsAUserWithoutTheNodeAdminRole_ExitsOneNamingTheRole()
    {
        var officer = await node.CreateUserWithTokenAsync("duty", Roles.DutyOfficer);

        var result = await CliRunner.RunAsync("keys", "show", "--node", Node, "--token", officer);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("403", result.Error, StringComparison.Ordinal);
        Assert.Contains(Roles.NodeAdmin, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotate_OverlapOutOfRange_ExitsTwoWithoutCallingTheNode()
    {
        var result = await CliRunner.RunAsync("keys", "rotate", "--node", Node, "--token", adminToken, "--overlap-days", "91");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--overlap-days", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_StateNodesVerifyTheSecretariatsRegister_AndKeysShowUsesTheChosenNodesAdmin()
    {
        var folder = Directory.CreateTempSubdirectory("comity-demo-keys-").FullName;
        var started = new TaskCompletionSource<DemoStarted>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var runner = new CliRunner { WorkingDirectory = folder, DemoStarted = s => started.TrySetResult(s) };
        var run = runner.RunAsync(["demo", "--base-port", Comity.Testing.Processes.NodeProcess.FreePortRange(4).ToString(System.Globalization.CultureInfo.InvariantCulture)], stop.Token);
        try
        {
            var first = await Task.WhenAny(run, started.Task).WaitAsync(TimeSpan.FromMinutes(5));
            Assert.False(first == run, "The demo ended before it started:\n" + (first == run ? await run : null));
            var demo = await started.Task;

            using var http = new HttpClient();
            foreach (var state in demo.Nodes.Where(n => n.Role == "state"))
            {
                using var refresh = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(state.Url), "/api/v1/register/refresh"));
                refresh.Headers.Authorization = new AuthenticationHeaderValue("Bearer", state.User("admin")!.Token);
                using var response = await http.SendAsync(refresh);
                var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                Assert.True(response.StatusCode == HttpStatusCode.OK, status.ToJsonString());
                Assert.True(status["serial"] is JsonValue serial && (long)serial >= 1, status.ToJsonString());
                Assert.Equal("current", (string?)status["freshness"]);
                Assert.False((bool)status["lastAttemptRefused"]!);
            }

            var keys = await new CliRunner { WorkingDirectory = folder }.RunAsync(["keys", "show", "--node-name", "xb", "--json"]);
            Assert.True(keys.ExitCode == 0, keys.ToString());
            Assert.Contains("Using the demo node xb", keys.Error, StringComparison.Ordinal);
            Assert.Equal(2, JsonNode.Parse(keys.Out)!.AsArray().Count);
        }
        finally
        {
            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromMinutes(1));
            Directory.Delete(folder, recursive: true);
        }
    }
}
