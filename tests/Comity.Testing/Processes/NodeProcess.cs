using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Comity.Node.Kernel;

namespace Comity.Testing.Processes;

/// <summary>How to run one <c>comity serve</c> process.</summary>
public sealed record NodeProcessOptions
{
    /// <summary>A short name for logs and reports: <c>un</c>, <c>xa</c>, <c>xb</c>.</summary>
    public required string Name { get; init; }

    public required NodeRole Role { get; init; }

    /// <summary>The State served (null for the Secretariat).</summary>
    public string? StateCode { get; init; }

    /// <summary>The loopback port the node listens on; kept across restarts.</summary>
    public required int Port { get; init; }

    /// <summary>The node's data folder (SQLite database, keys); kept across restarts.</summary>
    public required string DataFolder { get; init; }

    /// <summary>File the process's standard output and error are appended to, across restarts.</summary>
    public required string LogFile { get; init; }

    /// <summary>Configuration passed as environment variables (<c>Comity:Federation:PublicUrl</c> becomes <c>Comity__Federation__PublicUrl</c>).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>A PostgreSQL connection string: the node runs on PostgreSQL (<c>--database postgres</c>) instead of SQLite in its data folder.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>The database flags of <c>comity serve</c> and <c>comity admin token</c> for this node.</summary>
    public IReadOnlyList<string> DatabaseArguments => PostgresConnectionString is { } cs
        ? ["--database", "postgres", "--connection-string", cs]
        : ["--database", "sqlite"];
}

/// <summary>
/// One Comity node as a real OS process: <c>dotnet comity.dll serve</c> on a fixed loopback port with its
/// own data folder and SQLite database, its output appended to a log file. It can be killed with
/// SIGKILL (<see cref="KillAsync"/>) and started again on the same data and port, as a crashed server would be.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Lock gate = new();
    private Process? process;
    private StreamWriter? log;
    private Task pumps = Task.CompletedTask;

    public NodeProcess(NodeProcessOptions options)
    {
        Options = options;
        BaseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{options.Port}/"));
    }

    public NodeProcessOptions Options { get; }

    public string Name => Options.Name;

    public Uri BaseAddress { get; }

    /// <summary>How many times the process was started.</summary>
    public int Starts { get; private set; }

    /// <summary>How many times it was killed with SIGKILL.</summary>
    public int Kills { get; private set; }

    /// <summary>Whether the process is running now (it may not be ready yet).</summary>
    public bool IsRunning
    {
        get
        {
            lock (gate)
            {
                return process is { HasExited: false };
            }
        }
    }

    /// <summary>The OS process id of the current run, or null.</summary>
    public int? ProcessId
    {
        get
        {
            lock (gate)
            {
                return process is { HasExited: false } p ? p.Id : null;
            }
        }
    }

    /// <summary>Starts the process and waits until <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync(TimeSpan readyTimeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            WorkingDirectory = Options.DataFolder,
        };
        start.ArgumentList.Add(ComityExecutable.DllPath());
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--role");
        start.ArgumentList.Add(Options.Role == NodeRole.Secretariat ? "secretariat" : "state");
        if (Options.StateCode is { } state)
        {
            start.ArgumentList.Add("--state");
            start.ArgumentList.Add(state);
        }

        start.ArgumentList.Add("--url");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(Options.DataFolder);
        foreach (var argument in Options.DatabaseArguments)
        {
            start.ArgumentList.Add(argument);
        }

        // One JSON log line per event, whatever the terminal; nothing from the node reaches the harness console.
        start.Environment["Comity__LogFormat"] = "json";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in Options.Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        Directory.CreateDirectory(Options.DataFolder);
        lock (gate)
        {
            if (process is { HasExited: false })
            {
                throw new InvalidOperationException($"{Name} is already running (pid {process.Id}).");
            }

            log ??= new StreamWriter(new FileStream(Options.LogFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite), Encoding.UTF8) { AutoFlush = true };
            Starts++;
            Note(string.Create(CultureInfo.InvariantCulture, $"start #{Starts} of {Name} at {DateTimeOffset.UtcNow:O} on {BaseAddress}"));
            process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
            var current = process;
            var writer = log;
            pumps = Task.WhenAll(
                PumpAsync(current.StandardOutput, writer),
                PumpAsync(current.StandardError, writer));
        }

        await WaitReadyAsync(readyTimeout, cancellationToken);
    }

    /// <summary>Kills the process with SIGKILL (no shutdown, no flush) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        Process? victim;
        lock (gate)
        {
            victim = process;
            if (victim is null || victim.HasExited)
            {
                return;
            }

            victim.Kill(entireProcessTree: false);
            Kills++;
            Note(string.Create(CultureInfo.InvariantCulture, $"SIGKILL to {Name} (pid {victim.Id}) at {DateTimeOffset.UtcNow:O}"));
        }

        await victim.WaitForExitAsync();
        await pumps;
        victim.Dispose();
        lock (gate)
        {
            if (ReferenceEquals(process, victim))
            {
                process = null;
            }
        }
    }

    /// <summary>SIGKILL, then start again on the same port and data folder, and wait until ready.</summary>
    public async Task RestartAsync(TimeSpan readyTimeout, CancellationToken cancellationToken)
    {
        await KillAsync();
        await StartAsync(readyTimeout, cancellationToken);
    }

    /// <summary>Writes a line of the harness's own into the node's log (start, kill), between the node's lines.</summary>
    public void Note(string line)
    {
        if (log is { } writer)
        {
            lock (writer)
            {
                writer.WriteLine();
                writer.WriteLine("=== harness: " + line);
            }
        }
    }

    /// <summary>The last lines of the log, for error messages.</summary>
    public string LogTail(int lines = 30)
    {
        try
        {
            using var stream = new FileStream(Options.LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException e)
        {
            return $"(log {Options.LogFile} unreadable: {e.Message})";
        }
    }

    private async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lock (gate)
            {
                if (process is null || process.HasExited)
                {
                    throw new InvalidOperationException($"{Name} exited before it was ready (exit code {process?.ExitCode.ToString(CultureInfo.InvariantCulture) ?? "?"}). Log {Options.LogFile}:\n{LogTail()}");
                }
            }

            try
            {
                using var response = await http.GetAsync("health/ready", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Slow first answer while the node starts.
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"{Name} was not ready within {timeout.TotalSeconds:0} s. Log {Options.LogFile}:\n{LogTail()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    private static async Task PumpAsync(StreamReader from, StreamWriter to)
    {
        var buffer = new char[4096];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer)) > 0)
            {
                lock (to)
                {
                    to.Write(buffer, 0, read);
                }
            }
        }
        catch (IOException)
        {
            // The process was killed mid-write: what it wrote before is in the file.
        }
        catch (ObjectDisposedException)
        {
            // Disposed while the harness stops.
        }
    }

    /// <summary>Kills the process if it runs (the harness never leaves nodes behind) and closes the log.</summary>
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        lock (gate)
        {
            log?.Dispose();
            log = null;
        }
    }

    /// <summary>A free TCP port on 127.0.0.1, chosen by the OS (free now; a race with another process is unlikely on a test machine).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A random run of <paramref name="count"/> consecutive loopback ports that are free right now (the demo takes a base port and the next ones).</summary>
    public static int FreePortRange(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var start = Random.Shared.Next(20000, 60000);
            var listeners = new List<TcpListener>();
            try
            {
                for (var port = start; port < start + count; port++)
                {
                    var listener = new TcpListener(IPAddress.Loopback, port);
                    listener.Start();
                    listeners.Add(listener);
                }

                return start;
            }
            catch (SocketException)
            {
                // Taken: try another range.
            }
            finally
            {
                listeners.ForEach(l => l.Stop());
            }
        }

        throw new InvalidOperationException($"No {count} free consecutive loopback ports found.");
    }
}
