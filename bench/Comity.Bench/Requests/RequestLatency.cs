using System.Diagnostics;
using System.Globalization;
using System.Text;
using Comity.Bench.Federation;
using Comity.Node.Features.Directory.Manage;
using Comity.Node.Features.Requests;
using Comity.Node.Features.Requests.Transitions;
using Comity.Node.Features.Requests.Validate;
using Comity.Node.Identity;
using Comity.Protocol.V1;
using Comity.Testing.Processes;
using Spectre.Console;

namespace Comity.Bench.Requests;

/// <summary>
/// <c>--request-latency [--requests 300] [--warmup 30]</c>: how long an urgent 24/7 request (emergency
/// disclosure, Art. 41(3)(e)) takes from <c>POST /api/v1/requests</c> on XA until it is listed in XB's
/// <c>GET /api/v1/requests?box=incoming</c>, between two State nodes running as <c>comity serve</c>
/// processes on loopback, one request at a time, with two baselines measured in the same run on the same
/// nodes: a federation ping with <c>wait: true</c> (one signed envelope delivered and its receipt back) and
/// an authenticated GET round trip to XB.
/// </summary>
public static class RequestLatency
{
    public static async Task<int> RunAsync(string[] args)
    {
        var console = AnsiConsole.Console;
        var count = BenchArgs.Int(args, "--requests") ?? 300;
        var warmup = BenchArgs.Int(args, "--warmup") ?? 30;
        var folder = BenchArgs.String(args, "--run-folder")
            ?? Path.Combine(Path.GetTempPath(), "comity-request-latency", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        System.IO.Directory.CreateDirectory(folder);
        var ct = CancellationToken.None;
        console.MarkupLineInterpolated($"24/7 request latency: {count} emergency requests XA → XB after {warmup} warm-up; data and logs in {folder}");

        await using var network = await ProcessNetwork.StartAsync(new ProcessNetworkOptions { RunFolder = folder, States = ["XA", "XB"] }, ct);
        await DesignatePointsOfContactAsync(network, ct);
        using var xa = new NodeApi(network["XA"].BaseAddress, await DutyTokenAsync(network["XA"], ct), TimeSpan.FromSeconds(30));
        using var xb = new NodeApi(network["XB"].BaseAddress, await DutyTokenAsync(network["XB"], ct), TimeSpan.FromSeconds(30));
        var admin = network.Api("XA");

        var polls = new List<int>();
        async Task<double> Request(int index)
        {
            var clock = Stopwatch.StartNew();
            var submitted = await xa.PostAsync("api/v1/requests", Draft(index), ct);
            if (submitted.Status != 201)
            {
                throw new InvalidOperationException("submit: " + submitted);
            }

            var id = submitted.Json.GetProperty("header").GetProperty("id").GetString()!;
            var pollCount = 0;
            while (true)
            {
                pollCount++;
                var list = await xb.GetAsync("api/v1/requests?box=incoming&state=received&kind=emergencyDisclosure", ct);
                if (list.Status != 200)
                {
                    throw new InvalidOperationException("list: " + list);
                }

                if (list.Json.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("id").GetString() == id))
                {
                    break;
                }

                if (clock.Elapsed > TimeSpan.FromSeconds(30))
                {
                    throw new InvalidOperationException($"request {id} not visible at XB after 30 s");
                }
            }

            var elapsed = clock.Elapsed.TotalMilliseconds;
            polls.Add(pollCount);

            // Outside the measured time: XB's duty officer acknowledges, so the incoming "received" list stays short.
            var acknowledged = await xb.PostAsync($"api/v1/requests/{id}/acknowledge", new AcknowledgeInput(), ct);
            return acknowledged.Status == 200 ? elapsed : throw new InvalidOperationException("acknowledge: " + acknowledged);
        }

        async Task<double> Ping(int index)
        {
            var clock = Stopwatch.StartNew();
            var answer = await admin.PostAsync("api/v1/federation/pings", new { to = "XB", message = "baseline", wait = true }, ct);
            return answer.Status == 200 && answer.Json.GetProperty("status").GetString() == "delivered"
                ? clock.Elapsed.TotalMilliseconds
                : throw new InvalidOperationException("ping: " + answer);
        }

        async Task<double> Get(int index)
        {
            var clock = Stopwatch.StartNew();
            var answer = await xb.GetAsync("api/v1/requests?box=incoming&state=received&kind=emergencyDisclosure", ct);
            return answer.Status == 200 ? clock.Elapsed.TotalMilliseconds : throw new InvalidOperationException("get: " + answer);
        }

        // Interleaved phases, so that a neighbour's load on the shared machine hits all three alike.
        var requests = new List<double>();
        var pings = new List<double>();
        var gets = new List<double>();
        for (var i = 0; i < warmup; i++)
        {
            await Request(i);
            await Ping(i);
            await Get(i);
        }

        polls.Clear();
        await console.Progress().AutoClear(true).StartAsync(async context =>
        {
            var task = context.AddTask("requests, pings and GETs", maxValue: count);
            for (var i = 0; i < count; i++)
            {
                requests.Add(await Request(warmup + i));
                pings.Add(await Ping(i));
                gets.Add(await Get(i));
                task.Increment(1);
            }
        });

        await File.WriteAllLinesAsync(Path.Combine(folder, "requests.csv"), requests.Select(l => l.ToString("0.000", CultureInfo.InvariantCulture)), ct);
        await File.WriteAllLinesAsync(Path.Combine(folder, "pings.csv"), pings.Select(l => l.ToString("0.000", CultureInfo.InvariantCulture)), ct);
        await File.WriteAllLinesAsync(Path.Combine(folder, "gets.csv"), gets.Select(l => l.ToString("0.000", CultureInfo.InvariantCulture)), ct);
        var text = Report(count, warmup, requests, pings, gets, polls);
        await File.WriteAllTextAsync(Path.Combine(folder, "results.md"), text, ct);
        console.WriteLine(text);
        return 0;
    }

    private static string Report(int count, int warmup, List<double> requests, List<double> pings, List<double> gets, List<int> polls)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(inv, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z, {Environment.ProcessorCount} cores, .NET {Environment.Version}; {count} of each after {warmup} warm-up, one at a time, the three interleaved.");
        text.AppendLine();
        text.AppendLine("| what | p50 | p90 | p99 | mean | p50 ratio to ping | p50 ratio to GET |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        var ping50 = Percentile(pings, 0.5);
        var get50 = Percentile(gets, 0.5);
        void Row(string name, List<double> values) => text.AppendLine(inv,
            $"| {name} | {Percentile(values, 0.5):0.00} ms | {Percentile(values, 0.9):0.00} ms | {Percentile(values, 0.99):0.00} ms | {values.Average():0.00} ms | {Percentile(values, 0.5) / ping50:0.00} | {Percentile(values, 0.5) / get50:0.00} |");
        Row("baseline: authenticated GET /api/v1/requests on XB", gets);
        Row("baseline: federation ping XA → XB, `wait: true` (envelope + receipt)", pings);
        Row("emergency request: POST on XA → listed in XB's incoming box", requests);
        text.AppendLine();
        text.AppendLine(inv, $"Polls of XB's list per request: median {Percentile([.. polls.Select(p => (double)p)], 0.5):0}, max {polls.Max()}.");
        return text.ToString();
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static RequestDraftInput Draft(int index) => new(
        "emergencyDisclosure", "XB", "XA National Cybercrime Directorate",
        new LegalBasisInput("reciprocity", null),
        new RequestTextInput("en", "Emergency: credible threat to life. XA asks XB to disclose the data below at once."),
        null,
        new RequestContentsDto
        {
            RequestingAuthority = "XA National Cybercrime Directorate, 24/7 desk",
            Offence = "Extortion with threats to life (Art. 13)",
            SummaryOfFacts = "A victim in XA is threatened by an account whose provider is in XB.",
            Emergency = "Threat to kill within hours.",
            DataSought = "Subscriber identity and last connection of account " + index.ToString(CultureInfo.InvariantCulture),
            CustodianOrLocation = "Lion City Messaging Pte Ltd, XB",
        },
        new HandlingConditionsDto("confidential", "statedPurposeOnly"),
        "BENCH-" + index.ToString(CultureInfo.InvariantCulture));

    /// <summary>Each State designates a 24/7 point of contact (Art. 41(1)) with an officer on duty now, and the Register is republished.</summary>
    private static async Task DesignatePointsOfContactAsync(ProcessNetwork network, CancellationToken ct)
    {
        foreach (var code in network.States.Keys)
        {
            var admin = network.Api(code);
            var designation = NodeApi.Ok(await admin.PostAsync("api/v1/directory/own/designations", new DesignationInput(
                null, $"{code} 24/7 desk", "pointOfContact247", [new ContactChannelV1("phone", "+1 555 0100")], ["en"], "UTC", [], true), ct), $"{code}: designate the 24/7 point");
            var now = DateTimeOffset.UtcNow;
            NodeApi.Ok(await admin.PutAsync($"api/v1/directory/own/designations/{designation.GetProperty("id").GetString()}/roster",
                new RosterInput([new RosterShiftV1(now.AddHours(-1), now.AddDays(1), $"Officer {code}", [])]), ct), $"{code}: roster");
            var submitted = await admin.PostOkAsync("api/v1/directory/own/submit", null, ct);
            await network.SecretariatApi.PostOkAsync($"api/v1/directory/notifications/{submitted.GetProperty("submission").GetProperty("id").GetString()}/approve", null, ct);
        }

        await network.RefreshRegistersAsync(ct);
    }

    /// <summary>A duty officer's token, issued with <c>comity admin token</c> against the node's data folder.</summary>
    private static async Task<string> DutyTokenAsync(NodeProcess node, CancellationToken ct)
    {
        var (exit, output, error) = await ProcessNetwork.RunCliAsync(
            ["admin", "token", "--data", node.Options.DataFolder, "--user", "bench-duty", "--name", "request latency", "--expires-in-days", "1",
             "--role", "state", "--state", node.Options.StateCode!, "--grant", Roles.DutyOfficer], ct);
        return exit == 0 ? output.Trim() : throw new InvalidOperationException($"comity admin token failed for {node.Name} (exit {exit}): {error}");
    }
}
