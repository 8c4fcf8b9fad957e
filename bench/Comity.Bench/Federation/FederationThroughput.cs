using System.Globalization;
using System.Text;
using Comity.Testing.Processes;
using Spectre.Console;

namespace Comity.Bench.Federation;

/// <summary>
/// <c>--federation-throughput [--envelopes 3000] [--warmup 300] [--levels 1,64] [--rounds 4] [--set Key=Value]…</c>: envelopes per second
/// and submit-to-receipt latency between two State nodes running as <c>comity serve</c> processes on
/// loopback (plus the Secretariat for the Register), durable on both sides, with a baseline measured in
/// the same run and a breakdown of where the time goes.
/// </summary>
public static class FederationThroughput
{
    private const int MessageLength = 1024;

    /// <summary>The run folder, where each phase also writes its latencies (one per line, ms).</summary>
    private static string Folder { get; set; } = Path.GetTempPath();

    private static Dictionary<string, string?> Settings { get; set; } = [];

    public static async Task<int> RunAsync(string[] args)
    {
        var console = AnsiConsole.Console;
        var count = BenchArgs.Int(args, "--envelopes") ?? 3000;
        var warmup = BenchArgs.Int(args, "--warmup") ?? 300;
        var levels = (BenchArgs.String(args, "--levels") ?? "1,64").Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        var folder = BenchArgs.String(args, "--run-folder")
            ?? Path.Combine(Path.GetTempPath(), "comity-throughput", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        System.IO.Directory.CreateDirectory(folder);
        Folder = folder;
        var message = new string('p', MessageLength);
        var ct = CancellationToken.None;
        console.MarkupLineInterpolated($"Federation throughput: {count} envelopes per level after {warmup} warm-up, levels {string.Join(", ", levels)}; data and logs in {folder}");

        var units = UnitCosts.Measure(folder, message);
        var comity = new List<(LoadResult Result, Breakdown Breakdown)>();
        string durability;
        LoadResult? enqueueOnly = null;
        // --set Key=Value (repeatable): node configuration for an experiment, e.g. --set Logging:LogLevel:Default=Warning.
        var settings = args.Select((a, i) => (a, i)).Where(p => p.a == "--set" && p.i + 1 < args.Length)
            .Select(p => args[p.i + 1].Split('=', 2)).ToDictionary(kv => kv[0], kv => (string?)kv[1]);
        Settings = settings;
        if (settings.Count > 0)
        {
            console.MarkupLineInterpolated($"Node settings: {string.Join(", ", settings.Select(kv => kv.Key + "=" + kv.Value))}");
        }

        // The baseline peers run beside the nodes, and each level alternates Comity and baseline in --rounds
        // chunks: on a shared machine both then see the same load, so their ratio means something.
        var rounds = Math.Max(1, BenchArgs.Int(args, "--rounds") ?? 4);
        var baseline = new List<LoadResult>();
        string baselineDurability;
        var receiverPort = BaselinePeer.FreePort();
        var senderPort = BaselinePeer.FreePort();
        var receiver = await BaselinePeer.StartAsync(receiverPort, Path.Combine(folder, "baseline-b.db"), null, Path.Combine(folder, "baseline-b.log"), ct);
        var sender = await BaselinePeer.StartAsync(senderPort, Path.Combine(folder, "baseline-a.db"), new Uri($"http://127.0.0.1:{receiverPort}/"), Path.Combine(folder, "baseline-a.log"), ct);
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri($"http://127.0.0.1:{senderPort}/"), Timeout = TimeSpan.FromSeconds(30) };
            baselineDurability = await http.GetStringAsync("durability", ct);
            var body = Encoding.UTF8.GetBytes($"{{\"message\":\"{message}\"}}");
            async Task<string?> Send(int index, CancellationToken token)
            {
                try
                {
                    using var response = await http.PostAsync("send", new ByteArrayContent(body), token);
                    return response.IsSuccessStatusCode ? null : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return e.Message;
                }
            }

            await using var network = await ProcessNetwork.StartAsync(new ProcessNetworkOptions { RunFolder = folder, States = ["XA", "XB"], Settings = settings }, ct);
            var xa = await FederationLedger.DurabilityAsync(network["XA"].Options.DataFolder, ct);
            var xb = await FederationLedger.DurabilityAsync(network["XB"].Options.DataFolder, ct);
            durability = $"XA journal_mode={xa.JournalMode} synchronous={xa.Synchronous}; XB journal_mode={xb.JournalMode} synchronous={xb.Synchronous}";
            console.MarkupLineInterpolated($"Durability: {durability}");
            var api = network.Api("XA");
            async Task<string?> Ping(int index, CancellationToken token)
            {
                try
                {
                    var answer = await api.PostAsync("api/v1/federation/pings", new { to = "XB", message, wait = true }, token);
                    return answer.Status == 200 && answer.Json.GetProperty("status").GetString() == "delivered" ? null : answer.ToString();
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return e.Message;
                }
            }

            async Task<string?> Enqueue(int index, CancellationToken token)
            {
                try
                {
                    var answer = await api.PostAsync("api/v1/federation/pings", new { to = "XB", message, wait = false }, token);
                    return answer.Status == 202 ? null : answer.ToString();
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return e.Message;
                }
            }

            foreach (var level in levels)
            {
                await Phase(console, $"Comity, {level} in flight: warm-up", level, warmup, Ping);
                await Phase(console, $"baseline, {level} in flight: warm-up", level, warmup, Send);
                var xaBefore = await PrometheusScrape.TakeAsync(api, ct);
                var xbBefore = await PrometheusScrape.TakeAsync(network.Api("XB"), ct);
                var comityChunks = new List<LoadResult>();
                var baselineChunks = new List<LoadResult>();
                for (var round = 0; round < rounds; round++)
                {
                    var chunk = (count / rounds) + (round < count % rounds ? 1 : 0);
                    comityChunks.Add(await Phase(console, $"Comity, {level} in flight, round {round + 1} of {rounds}", level, chunk, Ping));
                    baselineChunks.Add(await Phase(console, $"baseline, {level} in flight, round {round + 1} of {rounds}", level, chunk, Send));
                }

                var xaAfter = await PrometheusScrape.TakeAsync(api, ct);
                var xbAfter = await PrometheusScrape.TakeAsync(network.Api("XB"), ct);
                var result = LoadResult.Combine(comityChunks);
                baseline.Add(LoadResult.Combine(baselineChunks));
                await WriteLatenciesAsync($"Comity, {level} in flight", result);
                await WriteLatenciesAsync($"baseline, {level} in flight", baseline[^1]);
                var port = "server_port=\"" + network["XB"].Options.Port.ToString(CultureInfo.InvariantCulture) + "\"";
                comity.Add((result, new Breakdown(
                    PrometheusScrape.MeanBetween(xaBefore, xaAfter, "http_server_request_duration_seconds", "http_route=\"/api/v1/federation/pings\"").MeanMs,
                    PrometheusScrape.MeanBetween(xaBefore, xaAfter, "http_client_request_duration_seconds", port),
                    PrometheusScrape.MeanBetween(xbBefore, xbAfter, "http_server_request_duration_seconds", "http_route=\"/federation/v1/envelopes\""))));
                console.MarkupLineInterpolated($"{level} in flight over {rounds} rounds: Comity {result.PerSecond:0} /s, baseline {baseline[^1].PerSecond:0} /s, ratio {result.PerSecond / baseline[^1].PerSecond:0.00}");
            }

            // The sender's API alone: sign and store in the outbox, answer 202; the worker delivers behind it.
            enqueueOnly = await Phase(console, "Comity, 1 in flight, wait: false (enqueue only)", 1, Math.Min(count, 1000), Enqueue);
            var drainClock = System.Diagnostics.Stopwatch.StartNew();
            while ((await api.GetOkAsync("api/v1/federation/stats", ct)).GetProperty("outbox").GetProperty("pending").GetInt32() > 0 && drainClock.Elapsed < TimeSpan.FromMinutes(5))
            {
                await Task.Delay(200, ct);
            }
        }
        finally
        {
            sender.Kill();
            receiver.Kill();
            await sender.WaitForExitAsync(ct);
            await receiver.WaitForExitAsync(ct);
        }

        var text = Report(count, warmup, durability, baselineDurability, units, comity, baseline, enqueueOnly!);
        await File.WriteAllTextAsync(Path.Combine(folder, "results.md"), text, ct);
        console.WriteLine(text);
        return comity.All(c => c.Result.Failures == 0) && baseline.All(b => b.Failures == 0) ? 0 : 1;
    }

    /// <summary>Mean times from the nodes' own metrics over a measured phase.</summary>
    private sealed record Breakdown(double SenderApiMs, (double MeanMs, double Count) SenderToReceiver, (double MeanMs, double Count) ReceiverHandler);

    private static async Task<LoadResult> Phase(IAnsiConsole console, string name, int concurrency, int count, Func<int, CancellationToken, Task<string?>> operation)
    {
        LoadResult? result = null;
        await console.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(name, maxValue: count);
                var progress = new Progress<int>(done => task.Value = done);
                result = await LoadDriver.RunAsync(concurrency, count, operation, progress, CancellationToken.None);
            });
        await WriteLatenciesAsync(name, result!);
        console.MarkupLineInterpolated($"{name}: {result!.PerSecond:0} /s, p50 {result.P50:0.00} ms, p99 {result.P99:0.00} ms, failures {result.Failures}{(result.FirstFailure is { } f ? " (" + f + ")" : "")}");
        return result;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static async Task WriteLatenciesAsync(string name, LoadResult result)
    {
        var csv = Path.Combine(Folder, string.Concat(name.Where(char.IsAsciiLetterOrDigit)) + ".csv");
        await File.WriteAllLinesAsync(csv, result.LatenciesMs.Select(l => l.ToString("0.000", CultureInfo.InvariantCulture)));
    }

    private static string Report(int count, int warmup, string durability, string baselineDurability, UnitCostReport units, List<(LoadResult Result, Breakdown Breakdown)> comity, List<LoadResult> baseline, LoadResult enqueueOnly)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z, {Environment.ProcessorCount} cores, .NET {Environment.Version}; {count} envelopes per level after {warmup} warm-up; 1 KiB message.");
        text.AppendLine(inv, $"Nodes: {durability}. Baseline peers: journal_mode synchronous = {baselineDurability}.");
        text.AppendLine(inv, $"Load average at the end: {LoadAverage()}. Each level alternates Comity and the baseline in rounds, so both see the same load.");
        text.AppendLine(inv, $"Node settings beyond the defaults: {(Settings.Count == 0 ? "none" : string.Join(", ", Settings.Select(kv => kv.Key + "=" + kv.Value)))}.");
        text.AppendLine();
        text.AppendLine("| in flight | what | envelopes/s | p50 | p90 | p99 | mean | failures | ratio to baseline (throughput) |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < comity.Count; i++)
        {
            var c = comity[i].Result;
            var b = baseline.FirstOrDefault(x => x.Concurrency == c.Concurrency);
            if (b is not null)
            {
                text.AppendLine(inv, $"| {b.Concurrency} | baseline: POST, one durable insert on each side | {b.PerSecond:0} | {b.P50:0.00} ms | {b.Percentile(0.9):0.00} ms | {b.P99:0.00} ms | {b.Mean:0.00} ms | {b.Failures} | 1.00 |");
            }

            text.AppendLine(inv, $"| {c.Concurrency} | Comity ping, `wait: true` (signed, delivered, receipt verified and stored) | {c.PerSecond:0} | {c.P50:0.00} ms | {c.Percentile(0.9):0.00} ms | {c.P99:0.00} ms | {c.Mean:0.00} ms | {c.Failures} | {(b is null ? "" : (c.PerSecond / b.PerSecond).ToString("0.00", inv))} |");
        }

        text.AppendLine();
        text.AppendLine("Where the time goes (means over the measured phase, from the nodes' own http.server/http.client duration histograms):");
        text.AppendLine();
        text.AppendLine("| in flight | client-observed | XA: POST /pings (whole request) | XA → XB delivery POST (client side) | XB: POST /federation/v1/envelopes (server side) | deliveries per envelope |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var (c, d) in comity)
        {
            text.AppendLine(inv, $"| {c.Concurrency} | {c.Mean:0.00} ms | {d.SenderApiMs:0.00} ms | {d.SenderToReceiver.MeanMs:0.00} ms | {d.ReceiverHandler.MeanMs:0.00} ms | {d.ReceiverHandler.Count / c.Count:0.00} |");
        }

        text.AppendLine();
        text.AppendLine(inv, $"Sender API alone (`wait: false`: sign, insert into the outbox, answer 202), 1 in flight, {enqueueOnly.Count} pings: {enqueueOnly.PerSecond:0} /s, p50 {enqueueOnly.P50:0.00} ms, p99 {enqueueOnly.P99:0.00} ms, mean {enqueueOnly.Mean:0.00} ms.");
        text.AppendLine();
        text.AppendLine("Unit costs in one process (1 KiB ping envelope):");
        text.AppendLine();
        text.AppendLine("| part | cost |");
        text.AppendLine("|---|---:|");
        text.AppendLine(inv, $"| sign envelope (Ed25519, JWS) | {units.SignEnvelopeUs:0.0} µs |");
        text.AppendLine(inv, $"| verify envelope (EnvelopeVerifier) | {units.VerifyEnvelopeUs:0.0} µs |");
        text.AppendLine(inv, $"| sign receipt | {units.SignReceiptUs:0.0} µs |");
        text.AppendLine(inv, $"| verify receipt (ReceiptVerifier) | {units.VerifyReceiptUs:0.0} µs |");
        text.AppendLine(inv, $"| Ed25519 sign alone (NSec), the envelope's bytes | {units.RawSignUs:0.0} µs |");
        text.AppendLine(inv, $"| Ed25519 verify alone (NSec) | {units.RawVerifyUs:0.0} µs |");
        text.AppendLine(inv, $"| bound from the four Ed25519 operations alone, {Environment.ProcessorCount} cores | {Environment.ProcessorCount * 1e6 / (2 * units.RawSignUs + 2 * units.RawVerifyUs):#,0} envelopes/s |");
        text.AppendLine(inv, $"| SQLite commit, WAL, synchronous={units.Synchronous} (default), 1 row | {units.CommitFullMs:0.000} ms |");
        text.AppendLine(inv, $"| SQLite commit, WAL, synchronous=NORMAL (no fsync at commit), 1 row | {units.CommitNormalMs:0.000} ms |");
        return text.ToString();
    }
}
