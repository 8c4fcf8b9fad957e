using System.Diagnostics;
using System.Globalization;
using System.Net;
using Comity.Testing.Processes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Comity.Bench.Federation;

/// <summary>
/// The throughput baseline: the least a durable hand-off between two processes must do. Peer A answers
/// <c>POST /send</c> by inserting the body into its SQLite database (one transaction), POSTing it to peer B's
/// <c>/receive</c>, which inserts it into its own database and answers 200, and then answering 200. Each
/// process writes one row at a time (a semaphore: SQLite has one writer; concurrent writers would only
/// wait in its busy handler), one transaction per message, no batching. Same
/// loopback, same SQLite settings as a node (WAL, the library's default <c>synchronous</c>, checked by
/// <c>GET /durability</c>), no signing, no verification, no outbox worker, no receipt. Run as its own process:
/// <c>dotnet Comity.Bench.dll --baseline-peer --port P --db FILE [--forward URL]</c>.
/// </summary>
public static class BaselinePeer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var port = BenchArgs.Int(args, "--port") ?? throw new ArgumentException("--port is required");
        var file = BenchArgs.String(args, "--db") ?? throw new ArgumentException("--db is required");
        var forward = BenchArgs.String(args, "--forward") is { } f ? new Uri(f) : null;
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString();
        await using (var setup = new SqliteConnection(connectionString))
        {
            await setup.OpenAsync();
            await using var command = setup.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS messages (id INTEGER PRIMARY KEY AUTOINCREMENT, body BLOB NOT NULL, at TEXT NOT NULL);";
            await command.ExecuteNonQueryAsync();
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        builder.Logging.ClearProviders();
        using var peer = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { Timeout = TimeSpan.FromSeconds(30) };
        var app = builder.Build();
        app.MapGet("/ready", () => "ready");
        app.MapGet("/durability", async () =>
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode; ";
            var journal = (string?)await command.ExecuteScalarAsync();
            command.CommandText = "PRAGMA synchronous;";
            var synchronous = Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            return Results.Text($"{journal} {synchronous}");
        });
        app.MapPost("/receive", async (HttpRequest request) =>
        {
            await InsertAsync(connectionString, await ReadAsync(request));
            return Results.Ok();
        });
        app.MapPost("/send", async (HttpRequest request) =>
        {
            if (forward is null)
            {
                return Results.Problem("This peer has no --forward.", statusCode: 500);
            }

            var body = await ReadAsync(request);
            await InsertAsync(connectionString, body);
            using var response = await peer.PostAsync(new Uri(forward, "receive"), new ByteArrayContent(body));
            return response.StatusCode == HttpStatusCode.OK ? Results.Ok() : Results.StatusCode(502);
        });
        await app.RunAsync();
        return 0;
    }

    private static async Task<byte[]> ReadAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    /// <summary>One writer at a time, as SQLite allows: concurrent writers would only sleep in SQLite's busy handler.</summary>
    private static readonly SemaphoreSlim Writer = new(1, 1);

    private static async Task InsertAsync(string connectionString, byte[] body)
    {
        await Writer.WaitAsync();
        try
        {
            await InsertOnceAsync(connectionString, body);
        }
        finally
        {
            Writer.Release();
        }
    }

    private static async Task InsertOnceAsync(string connectionString, byte[] body)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO messages (body, at) VALUES ($body, $at);";
        command.Parameters.AddWithValue("$body", body);
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Starts a baseline peer process and waits until it answers.</summary>
    public static async Task<Process> StartAsync(int port, string database, Uri? forward, string logFile, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(BaselinePeer).Assembly.Location);
        foreach (var arg in new[] { "--baseline-peer", "--port", port.ToString(CultureInfo.InvariantCulture), "--db", database })
        {
            start.ArgumentList.Add(arg);
        }

        if (forward is not null)
        {
            start.ArgumentList.Add("--forward");
            start.ArgumentList.Add(forward.ToString());
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var log = File.AppendText(logFile);
        _ = Task.Run(async () =>
        {
            var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
            var output = await process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            await log.WriteAsync(output + await error);
            await log.DisposeAsync();
        }, CancellationToken.None);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                if ((await http.GetAsync(new Uri($"http://127.0.0.1:{port}/ready"), cancellationToken)).IsSuccessStatusCode)
                {
                    return process;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken);
        }

        process.Kill();
        throw new TimeoutException($"The baseline peer on port {port} did not start; see {logFile}.");
    }

    /// <summary>A free port, for the peers.</summary>
    public static int FreePort() => NodeProcess.FreePort();
}
