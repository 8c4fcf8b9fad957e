using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Comity.Cli.Demo;

namespace Comity.Cli.Tests.Federation;

/// <summary><c>comity demo</c> ends its start-up with XA pinging XB and XB pinging XC, each acknowledged with a receipt.</summary>
public sealed class DemoFederationTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Demo_PingsXbFromXaAndXcFromXb_AndTheCliReadsThemWithTheDemoCredentials()
    {
        var folder = Directory.CreateTempSubdirectory("comity-demo-federation-").FullName;
        try
        {
            var started = new TaskCompletionSource<DemoStarted>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var stop = new CancellationTokenSource();
            var runner = new CliRunner { WorkingDirectory = folder, DemoStarted = s => started.TrySetResult(s) };
            var run = runner.RunAsync(["demo", "--base-port", Comity.Testing.Processes.NodeProcess.FreePortRange(4).ToString(System.Globalization.CultureInfo.InvariantCulture)], stop.Token);
            if (await Task.WhenAny(run, started.Task).WaitAsync(StartTimeout) == run)
            {
                Assert.Fail("The demo ended before it started:\n" + await run);
            }

            var demo = await started.Task;
            try
            {
                using var http = new HttpClient();
                var xaOutbox = await OutboxAsync(http, demo.Nodes.Single(n => n.Name == "xa"));
                var xbOutbox = await OutboxAsync(http, demo.Nodes.Single(n => n.Name == "xb"));
                Assert.Contains(xaOutbox, e => (string?)e!["to"] == "XB" && (string?)e["status"] == "delivered");
                Assert.Contains(xbOutbox, e => (string?)e!["to"] == "XC" && (string?)e["status"] == "delivered");

                var peers = await new CliRunner { WorkingDirectory = folder }.RunAsync(["federation", "peers", "--node-name", "xb"]);
                Assert.True(peers.ExitCode == 0, peers.ToString());
                Assert.Contains("XC", peers.Out, StringComparison.Ordinal);
                Assert.Contains("Using the demo node xb", peers.Error, StringComparison.Ordinal);
            }
            finally
            {
                await stop.CancelAsync();
            }

            var result = await run.WaitAsync(StartTimeout);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("XA pinged XB: delivered", result.Error, StringComparison.Ordinal);
            Assert.Contains("XB pinged XC: delivered", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the temp cleaner.
            }
        }
    }

    private static async Task<JsonArray> OutboxAsync(HttpClient http, DemoNodeCredentials node)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(node.Url), "/api/v1/federation/outbox"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", node.User("admin")!.Token);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }
}
