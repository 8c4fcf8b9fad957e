using System.Text.Json.Nodes;
using Comity.Cli.Demo;

namespace Comity.Cli.Tests.Requests;

/// <summary><c>comity demo</c> leaves sample 24/7 requests in several states across XA, XB and XC, readable with <c>--as</c>.</summary>
public sealed class DemoRequestsTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Demo_LeavesSampleRequestsInSeveralStates_AndRequestListAsReadsThem()
    {
        var folder = Directory.CreateTempSubdirectory("comity-demo-requests-").FullName;
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

            await started.Task;
            try
            {
                var cli = new CliRunner { WorkingDirectory = folder };
                var xb = await cli.RunAsync(["request", "list", "--as", "xb", "--json"]);
                Assert.True(xb.ExitCode == 0, xb.ToString());
                var xbItems = JsonNode.Parse(xb.Out)!["items"]!.AsArray();
                var preservation = Row(xbItems, "incoming", "expeditedPreservation", "preserved");
                Row(xbItems, "outgoing", "emergencyDisclosure", "received");
                Row(xbItems, "outgoing", "locateSuspect", "withdrawn");

                var xa = JsonNode.Parse((await cli.RunAsync(["request", "list", "--as", "xa", "--json"])).Out)!["items"]!.AsArray();
                Row(xa, "incoming", "expeditedDisclosureOfTrafficData", "refused");
                Row(xa, "outgoing", "legalInformation", "awaitingInformation");

                var xc = await cli.RunAsync(["request", "list", "--as", "xc", "--box", "incoming"]);
                Assert.True(xc.ExitCode == 0, xc.ToString());
                var emergencyRow = xc.Out.Split('\n').Single(l => l.Contains("emergencyDisclosure", StringComparison.Ordinal));
                Assert.Matches(@"due in (1[0-5]|[0-9]) min acknowledgement", emergencyRow);

                var shown = JsonNode.Parse((await cli.RunAsync(["request", "show", (string)preservation["id"]!, "--as", "xa", "--json"])).Out)!;
                var events = shown["events"]!.AsArray();
                Assert.Equal(["submitted", "received", "acknowledged", "preserved", "followUpLinked"], events.Select(e => (string?)e!["type"]));
                Assert.All(events, e => Assert.True((bool)e!["signature"]!["verified"]!, e!.ToJsonString()));
                Assert.Single(shown["preservation"]!["followUpReferences"]!.AsArray());
            }
            finally
            {
                await stop.CancelAsync();
            }

            var result = await run.WaitAsync(StartTimeout);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.DoesNotContain("sample requests stopped", result.Error, StringComparison.Ordinal);
            Assert.Contains("comity request list --as xb", result.Out, StringComparison.Ordinal);
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

    private static JsonNode Row(JsonArray items, string box, string kind, string state)
    {
        var row = items.FirstOrDefault(i => (string?)i!["box"] == box && (string?)i["kind"] == kind);
        Assert.True(row is not null, $"no {box} {kind} in {items.ToJsonString()}");
        Assert.Equal(state, (string?)row["state"]);
        return row;
    }
}
