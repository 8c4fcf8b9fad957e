using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Comity.Bench.Federation;
using Comity.Domain.Cooperation;
using Comity.Domain.Directory;
using Comity.Node.Features.Directory.Manage;
using Comity.Node.Identity;
using Comity.Protocol.V1;
using Comity.Testing.Processes;
using Microsoft.Data.Sqlite;
using Npgsql;
using Spectre.Console;

namespace Comity.Bench.Requests;

/// <summary>
/// <c>--request-list [--requests 10000] [--templates 110] [--samples 300] [--warmup 30] [--provider sqlite|postgres|both]
/// [--postgres "Host=127.0.0.1;Port=55442;Username=postgres"] [--reuse earlier-run-folder] [--set Key=Value]…</c>: the request list and the request page's API on a State
/// node (<c>comity serve</c>, XB) holding <c>--requests</c> requests, on SQLite and on PostgreSQL. The requests are
/// submitted and walked through the public API between XA and XB (<see cref="RequestTemplates"/>), then replicated
/// with fresh ids, moved instants and genuine signatures (<see cref="RequestReplicator"/>). Each API call is measured
/// over HTTP one at a time, interleaved with its same-run baseline: one <c>SELECT</c> of the same rows (for a request, by id) directly
/// on the node's database (ADO.NET). <c>--reuse</c> starts the nodes on copies of an earlier run's seeded data folders
/// (and a copy of its PostgreSQL database) instead of seeding again: to measure a change to the node on the same data.
/// </summary>
public static class RequestListBenchmark
{
    private static Dictionary<string, string?> Settings { get; set; } = [];

    public static async Task<int> RunAsync(string[] args)
    {
        var console = AnsiConsole.Console;
        var total = BenchArgs.Int(args, "--requests") ?? 10_000;
        var templates = BenchArgs.Int(args, "--templates") ?? 110;
        var samples = BenchArgs.Int(args, "--samples") ?? 300;
        var warmup = BenchArgs.Int(args, "--warmup") ?? 30;
        var providers = (BenchArgs.String(args, "--provider") ?? "both") switch
        {
            "sqlite" => new[] { "sqlite" },
            "postgres" => ["postgres"],
            _ => ["sqlite", "postgres"],
        };
        var postgres = BenchArgs.String(args, "--postgres") ?? "Host=127.0.0.1;Port=55442;Username=postgres";
        var reuse = BenchArgs.String(args, "--reuse");

        // --set Key=Value (repeatable): node configuration for a profile, e.g. --set Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information.
        Settings = args.Select((a, i) => (a, i)).Where(p => p.a == "--set" && p.i + 1 < args.Length)
            .Select(p => args[p.i + 1].Split('=', 2)).ToDictionary(kv => kv[0], kv => (string?)kv[1]);
        var folder = BenchArgs.String(args, "--run-folder")
            ?? Path.Combine(Path.GetTempPath(), "comity-request-list", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        System.IO.Directory.CreateDirectory(folder);
        console.MarkupLineInterpolated($"Request list and show: {total} requests on XB ({templates} through the API), {samples} samples per operation after {warmup} warm-up, on {string.Join(" and ", providers)}; data and logs in {folder}");

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z, {Environment.ProcessorCount} cores, .NET {Environment.Version}; load average at the start {LoadAverage()}.");
        foreach (var provider in providers)
        {
            text.Append(await RunProviderAsync(console, provider, postgres, Path.Combine(folder, provider), reuse is null ? null : Path.Combine(reuse, provider), total, templates, samples, warmup));
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "results.md"), text.ToString());
        console.WriteLine(text.ToString());
        return 0;
    }

    private sealed record Operation(string Name, string Path, NodeApi Api, Func<JsonCheck> Check, string BaselineName, Func<DbConnection, Task<int>> Baseline)
    {
        public List<double> ApiMs { get; } = [];

        public List<double> BaselineMs { get; } = [];

        public List<int> Rows { get; } = [];
    }

    private delegate string? JsonCheck(System.Text.Json.JsonElement answer);

    private static async Task<string> RunProviderAsync(IAnsiConsole console, string provider, string postgres, string folder, string? reuse, int total, int templateCount, int samples, int warmup)
    {
        var ct = CancellationToken.None;
        System.IO.Directory.CreateDirectory(folder);
        if (reuse is not null)
        {
            foreach (var node in new[] { "un", "xa", "xb" })
            {
                CopyFolder(Path.Combine(reuse, node), Path.Combine(folder, node));
            }
        }

        string? connectionString = null;
        if (provider == "postgres")
        {
            var name = "comity_bench_" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            var template = reuse is null ? "" : " TEMPLATE " + (await File.ReadAllTextAsync(Path.Combine(reuse, "postgres-database.txt"), ct)).Trim();
            await using (var admin = new NpgsqlConnection(postgres))
            {
                await admin.OpenAsync(ct);
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}{template}", admin);
                await create.ExecuteNonQueryAsync(ct);
            }

            await File.WriteAllTextAsync(Path.Combine(folder, "postgres-database.txt"), name, ct);
            connectionString = postgres + ";Database=" + name;
        }

        console.MarkupLineInterpolated($"[bold]{provider}[/]: starting the Secretariat, XA and XB (XB on {provider})");
        await using var network = await ProcessNetwork.StartAsync(new ProcessNetworkOptions
        {
            RunFolder = folder,
            States = ["XA", "XB"],
            Settings = Settings,
            Postgres = connectionString is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["XB"] = connectionString },
        }, ct);
        if (reuse is null)
        {
            await DesignateAsync(network, ct);
        }

        var xa = network["XA"];
        var xb = network["XB"];
        using var xaOfficer = new NodeApi(xa.BaseAddress, await TokenAsync(xa, "bench-officer", [Roles.DutyOfficer, Roles.CentralAuthorityOfficer], ct), TimeSpan.FromSeconds(60));
        using var xbOfficer = new NodeApi(xb.BaseAddress, await TokenAsync(xb, "bench-officer", [Roles.DutyOfficer, Roles.CentralAuthorityOfficer], ct), TimeSpan.FromSeconds(60));
        using var xbSupervisor = new NodeApi(xb.BaseAddress, await TokenAsync(xb, "bench-supervisor", [Roles.Supervisor], ct), TimeSpan.FromSeconds(60));
        using var xbDuty = new NodeApi(xb.BaseAddress, await TokenAsync(xb, "bench-duty", [Roles.DutyOfficer], ct), TimeSpan.FromSeconds(60));

        var seeding = $"reused from {reuse}";
        if (reuse is null)
        {
            // Requests through the public API, both directions, three at a time.
            var ids = new Guid[templateCount];
            var seedClock = Stopwatch.StartNew();
            await console.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask($"{provider}: requests through the API", maxValue: templateCount);
                    await Parallel.ForEachAsync(Enumerable.Range(0, templateCount), new ParallelOptions { MaxDegreeOfParallelism = 3 }, async (k, token) =>
                    {
                        var scenario = RequestTemplates.All[k % RequestTemplates.All.Count];
                        var outgoing = k / RequestTemplates.All.Count % 2 == 0;
                        ids[k] = outgoing
                            ? await RequestTemplates.RunAsync(scenario, k, ("XB", xbOfficer), ("XA", xaOfficer), token)
                            : await RequestTemplates.RunAsync(scenario, k, ("XA", xaOfficer), ("XB", xbOfficer), token);
                        task.Increment(1);
                    });
                });
            var apiSeconds = seedClock.Elapsed.TotalSeconds;

            seedClock.Restart();
            await using (var replicator = new RequestReplicator(xb, xa))
            {
                await console.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask($"{provider}: replicated with fresh ids and signatures", maxValue: total - templateCount);
                        await replicator.ReplicateAsync(ids, total, seed: 42, new Progress<int>(done => task.Value = done), ct);
                    });
            }

            seeding = $"{templateCount} requests through the API in {apiSeconds:0} s, {total - templateCount} replicated in {seedClock.Elapsed.TotalSeconds:0} s";
        }

        await using var connection = connectionString is null
            ? (DbConnection)new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(xb.Options.DataFolder, "comity.db") }.ToString())
            : new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        if (connectionString is not null)
        {
            // What autovacuum does after a bulk load, done now rather than whenever it next wakes.
            await ExecuteAsync(connection, "ANALYZE");
        }

        // The node's clocks worker raises an alert for every clock the moved histories have passed: let it finish first.
        console.MarkupLine("Waiting for the clocks worker to raise the alerts of the moved histories…");
        var alerts = await QuiescentAsync(connection, ct);
        var shape = await ShapeAsync(connection);
        console.MarkupLine(Markup.Escape(shape));

        var allIds = new List<Guid>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT \"Id\" FROM cooperation_requests";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                allIds.Add(reader.GetFieldValue<Guid>(0));
            }
        }

        var filterState = await ScalarAsync(connection, "SELECT \"State\" FROM cooperation_requests WHERE \"Side\" = 'requested' GROUP BY \"State\" ORDER BY COUNT(*) DESC, \"State\" LIMIT 1");
        var dutyKinds = RequestKindProfiles.All.Where(p => p.Channel == DesignationRole.PointOfContact247).Select(p => p.Kind.Wire()).ToList();
        var kindList = string.Join(", ", dutyKinds.Select(k => "'" + k + "'"));
        const string Order = " ORDER BY \"IsOpen\" DESC, \"NextDueAt\" IS NULL, \"NextDueAt\", \"LastMovedAt\" DESC";
        var random = new Random(7);
        var showId = Guid.Empty;
        var operations = new List<Operation>
        {
            new("list, supervisor (both channels): `GET /api/v1/requests` (first page, 100 rows)", "api/v1/requests", xbSupervisor, () => Items(100),
                "`SELECT` of the first 100 rows in the list's order", c => RowsAsync(c, "SELECT * FROM cooperation_requests" + Order + " LIMIT 100")),
            new("list, duty officer (24/7 channel): `GET /api/v1/requests?limit=200` (the inbox page's 200 rows)", "api/v1/requests?limit=200", xbDuty, () => Items(200),
                "`SELECT` of the first 200 24/7 rows in the list's order", c => RowsAsync(c, $"SELECT * FROM cooperation_requests WHERE \"Kind\" IN ({kindList})" + Order + " LIMIT 200")),
            new($"list, supervisor, filtered: `GET /api/v1/requests?box=incoming&state={filterState}`", $"api/v1/requests?box=incoming&state={filterState}", xbSupervisor, () => Items(100),
                "`SELECT` of the same filtered page", c => RowsAsync(c, $"SELECT * FROM cooperation_requests WHERE \"Side\" = 'requested' AND \"State\" = '{filterState}'" + Order + " LIMIT 100")),
            new("show, supervisor: `GET /api/v1/requests/{id}`, random ids", "", xbSupervisor, () => Signed,
                "`SELECT` of the request row, then of its events by request id", c => ShowRowsAsync(c, showId)),
        };

        async Task Sample(bool record)
        {
            showId = allIds[random.Next(allIds.Count)];
            foreach (var operation in operations)
            {
                var path = operation.Path.Length == 0 ? $"api/v1/requests/{showId:D}" : operation.Path;
                var clock = Stopwatch.StartNew();
                var answer = await operation.Api.GetAsync(path, ct);
                var apiMs = clock.Elapsed.TotalMilliseconds;
                if (answer.Status != 200 || operation.Check()(answer.Json) is { } problem)
                {
                    throw new InvalidOperationException($"GET {path}: {(answer.Status != 200 ? answer.ToString() : operation.Check()(answer.Json))}");
                }

                clock.Restart();
                var rows = await operation.Baseline(connection);
                var baselineMs = clock.Elapsed.TotalMilliseconds;
                if (record)
                {
                    operation.ApiMs.Add(apiMs);
                    operation.BaselineMs.Add(baselineMs);
                    operation.Rows.Add(rows);
                }
            }
        }

        for (var i = 0; i < warmup; i++)
        {
            await Sample(record: false);
        }

        await console.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"{provider}: {operations.Count} operations and their baselines, interleaved", maxValue: samples);
                for (var i = 0; i < samples; i++)
                {
                    await Sample(record: true);
                    task.Increment(1);
                }
            });

        foreach (var operation in operations)
        {
            var file = string.Concat(operation.Name.TakeWhile(c => c != ':').Where(char.IsAsciiLetterOrDigit));
            await File.WriteAllLinesAsync(Path.Combine(folder, file + ".api.csv"), operation.ApiMs.Select(l => l.ToString("0.000", CultureInfo.InvariantCulture)), ct);
            await File.WriteAllLinesAsync(Path.Combine(folder, file + ".baseline.csv"), operation.BaselineMs.Select(l => l.ToString("0.000", CultureInfo.InvariantCulture)), ct);
        }

        var table = new Table().Title($"{provider}: {total} requests").AddColumns("what", "p50", "p90", "p99", "baseline p50", "baseline p99", "p50 ratio", "p99 ratio");
        foreach (var o in operations)
        {
            table.AddRow(Markup.Escape(o.Name), Ms(o.ApiMs, 0.5), Ms(o.ApiMs, 0.9), Ms(o.ApiMs, 0.99), Ms(o.BaselineMs, 0.5), Ms(o.BaselineMs, 0.99),
                (Percentile(o.ApiMs, 0.5) / Percentile(o.BaselineMs, 0.5)).ToString("0", CultureInfo.InvariantCulture),
                (Percentile(o.ApiMs, 0.99) / Percentile(o.BaselineMs, 0.99)).ToString("0", CultureInfo.InvariantCulture));
        }

        console.Write(table);
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine();
        text.AppendLine(inv, $"### {provider}: {total} requests on XB");
        text.AppendLine();
        text.AppendLine(inv, $"Seeding: {seeding}; {alerts} alerts raised by the clocks worker before measuring. {shape}");
        text.AppendLine(inv, $"{samples} samples per operation after {warmup} warm-up, one request at a time, each API call followed by its baseline; load average at the end {LoadAverage()}; node settings beyond the defaults: {(Settings.Count == 0 ? "none" : string.Join(", ", Settings.Select(kv => kv.Key + "=" + kv.Value)))}.");
        text.AppendLine();
        text.AppendLine("| operation | p50 | p90 | p99 | baseline | baseline p50 | baseline p90 | baseline p99 | ratio p50 | ratio p99 |");
        text.AppendLine("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|");
        foreach (var o in operations)
        {
            text.AppendLine(inv, $"| {o.Name} | {Ms(o.ApiMs, 0.5)} | {Ms(o.ApiMs, 0.9)} | {Ms(o.ApiMs, 0.99)} | {o.BaselineName} ({o.Rows.Average():0} rows) | {Ms(o.BaselineMs, 0.5)} | {Ms(o.BaselineMs, 0.9)} | {Ms(o.BaselineMs, 0.99)} | {Percentile(o.ApiMs, 0.5) / Percentile(o.BaselineMs, 0.5):0} | {Percentile(o.ApiMs, 0.99) / Percentile(o.BaselineMs, 0.99):0} |");
        }

        var listP99 = operations.Take(3).Max(o => Percentile(o.ApiMs, 0.99));
        text.AppendLine();
        text.AppendLine(inv, $"Goal p99 ≤ 50 ms for the list: {(listP99 <= 50 ? "met" : "missed")} (worst list p99 {listP99:0.0} ms).");
        if (connectionString is not null)
        {
            connection.Close();
            NpgsqlConnection.ClearAllPools();
        }

        return text.ToString();
    }

    private static void CopyFolder(string from, string to)
    {
        System.IO.Directory.CreateDirectory(to);
        foreach (var file in System.IO.Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in System.IO.Directory.EnumerateDirectories(from))
        {
            CopyFolder(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }

    private static JsonCheck Items(int max) => answer =>
    {
        var count = answer.GetProperty("items").GetArrayLength();
        return count is > 0 && count <= max ? null : $"{count} items";
    };

    /// <summary>Every event of the shown request carries a signature the node verified.</summary>
    private static string? Signed(System.Text.Json.JsonElement answer)
    {
        var events = answer.GetProperty("events").EnumerateArray().ToList();
        var unverified = events.Where(e => !e.GetProperty("signature").GetProperty("verified").GetBoolean()).Select(e => e.GetProperty("signature").GetProperty("problem").GetString()).ToList();
        return events.Count == 0 ? "no events" : unverified.Count == 0 ? null : "unverified: " + string.Join("; ", unverified);
    }

    private static async Task<int> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await ReadAllAsync(command);
    }

    private static async Task<int> ShowRowsAsync(DbConnection connection, Guid id)
    {
        var rows = 0;
        foreach (var sql in new[] { "SELECT * FROM cooperation_requests WHERE \"Id\" = @id", "SELECT * FROM cooperation_request_events WHERE \"RequestId\" = @id ORDER BY \"Index\"" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "id";

            // As the node's provider stores a Guid: uppercase text on SQLite, uuid on PostgreSQL.
            parameter.Value = connection is SqliteConnection ? id.ToString("D").ToUpperInvariant() : id;
            command.Parameters.Add(parameter);
            rows += await ReadAllAsync(command);
        }

        return rows;
    }

    /// <summary>Reads every column of every row, as a page would need them.</summary>
    private static async Task<int> ReadAllAsync(DbCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var values = new object[reader.FieldCount];
        var rows = 0;
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            rows++;
        }

        return rows;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "";
    }

    private static async Task<long> QuiescentAsync(DbConnection connection, CancellationToken ct)
    {
        var last = -1L;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            var count = long.Parse(await ScalarAsync(connection, "SELECT COUNT(*) FROM cooperation_request_alerts"), CultureInfo.InvariantCulture);
            if (count == last && clock.Elapsed > TimeSpan.FromSeconds(40))
            {
                return count;
            }

            last = count;
            await Task.Delay(TimeSpan.FromSeconds(10), ct);
        }

        return last;
    }

    private static async Task<string> ShapeAsync(DbConnection connection)
    {
        var central = string.Join(", ", RequestKindProfiles.All.Where(p => p.Channel == DesignationRole.CentralAuthority).Select(p => "'" + p.Kind.Wire() + "'"));
        var parts = new List<string>();
        foreach (var (label, sql) in new[]
        {
            ("requests", "SELECT COUNT(*) FROM cooperation_requests"),
            ("open", "SELECT COUNT(*) FROM cooperation_requests WHERE \"IsOpen\""),
            ("incoming", "SELECT COUNT(*) FROM cooperation_requests WHERE \"Side\" = 'requested'"),
            ("central-authority kinds", $"SELECT COUNT(*) FROM cooperation_requests WHERE \"Kind\" IN ({central})"),
            ("events", "SELECT COUNT(*) FROM cooperation_request_events"),
            ("outbox envelopes", "SELECT COUNT(*) FROM \"OutboxEnvelopes\""),
            ("inbox envelopes", "SELECT COUNT(*) FROM \"InboxEnvelopes\""),
        })
        {
            parts.Add($"{await ScalarAsync(connection, sql)} {label}");
        }

        var states = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"State\", COUNT(*) FROM cooperation_requests GROUP BY \"State\" ORDER BY 2 DESC";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            states.Add($"{reader.GetString(0)} {reader.GetInt64(1)}");
        }

        return $"XB holds {string.Join(", ", parts)}; by state: {string.Join(", ", states)}.";
    }

    private static string Ms(List<double> values, double p) => Percentile(values, p).ToString("0.00", CultureInfo.InvariantCulture) + " ms";

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
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

    /// <summary>Each State designates its 24/7 point of contact (Art. 41(1)) and its central authority (Art. 40(13)), with an officer on duty now.</summary>
    private static async Task DesignateAsync(ProcessNetwork network, CancellationToken ct)
    {
        foreach (var code in network.States.Keys)
        {
            var admin = network.Api(code);
            var designation = NodeApi.Ok(await admin.PostAsync("api/v1/directory/own/designations", new DesignationInput(
                null, $"{code} 24/7 desk", "pointOfContact247", [new ContactChannelV1("phone", "+1 555 0100")], ["en"], "UTC", [], true), ct), $"{code}: designate the 24/7 point");
            var now = DateTimeOffset.UtcNow;
            NodeApi.Ok(await admin.PutAsync($"api/v1/directory/own/designations/{designation.GetProperty("id").GetString()}/roster",
                new RosterInput([new RosterShiftV1(now.AddHours(-1), now.AddDays(2), $"Officer {code}", [])]), ct), $"{code}: roster");
            NodeApi.Ok(await admin.PostAsync("api/v1/directory/own/designations", new DesignationInput(
                null, $"{code} Ministry of Justice, central authority", "centralAuthority", [new ContactChannelV1("email", $"mla@{code.ToLowerInvariant()}.example")], ["en"], "UTC", [], true), ct), $"{code}: designate the central authority");
            var submitted = await admin.PostOkAsync("api/v1/directory/own/submit", null, ct);
            await network.SecretariatApi.PostOkAsync($"api/v1/directory/notifications/{submitted.GetProperty("submission").GetProperty("id").GetString()}/approve", null, ct);
        }

        await network.RefreshRegistersAsync(ct);
    }

    private static async Task<string> TokenAsync(NodeProcess node, string user, IReadOnlyList<string> roles, CancellationToken ct)
    {
        List<string> args = ["admin", "token", "--data", node.Options.DataFolder, .. node.Options.DatabaseArguments, "--user", user, "--name", "request list benchmark", "--expires-in-days", "1",
            "--role", "state", "--state", node.Options.StateCode!];
        foreach (var role in roles)
        {
            args.AddRange(["--grant", role]);
        }

        var (exit, output, error) = await ProcessNetwork.RunCliAsync(args, ct);
        return exit == 0 ? output.Trim() : throw new InvalidOperationException($"comity admin token failed for {node.Name} (exit {exit}): {error}");
    }
}
