using System.Diagnostics;
using System.Globalization;
using System.Text;
using Comity.Node.Kernel;
using Comity.Node.Identity;

namespace Comity.Testing.Processes;

/// <summary>How to start a <see cref="ProcessNetwork"/>.</summary>
public sealed record ProcessNetworkOptions
{
    /// <summary>Folder for the run: one data folder and one log file per node. Created if missing.</summary>
    public required string RunFolder { get; init; }

    /// <summary>The State nodes to start, e.g. XA and XB.</summary>
    public IReadOnlyList<string> States { get; init; } = ["XA", "XB"];

    /// <summary>States reached through a <see cref="TcpProxy"/>: their endpoint in the Register is the proxy's port.</summary>
    public IReadOnlyList<string> Proxied { get; init; } = [];

    /// <summary>States whose node runs on PostgreSQL, with its connection string; the others run on SQLite in their data folder.</summary>
    public IReadOnlyDictionary<string, string> Postgres { get; init; } = new Dictionary<string, string>();

    /// <summary>Configuration for every node (as <c>Comity:…</c> keys, passed as environment variables).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>How long a node may take to answer <c>/health/ready</c> after it is started.</summary>
    /// <summary>How long a node process may take to answer ready: generous, since a loaded 2-core machine starts .NET slowly; a bound on waiting, not a measurement.</summary>
    public static readonly TimeSpan DefaultReadyTimeout = TimeSpan.FromSeconds(180);

    public TimeSpan ReadyTimeout { get; init; } = DefaultReadyTimeout;

    /// <summary>Timeout of each API request the harness makes.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// A federation of real <c>comity serve</c> processes on loopback: a Secretariat and State nodes, each
/// with its own data folder, SQLite database, fixed port and log file under the run folder. State nodes
/// join the Register through the real API, as operators do: the node administrator sets the node's
/// endpoint and submits the signed directory notification, a Secretariat officer approves it, and every
/// State node refreshes the Register. API tokens come from <c>comity admin token</c>, run as its own process
/// against each node's data folder. A State listed in <see cref="ProcessNetworkOptions.Proxied"/> is
/// published at a <see cref="TcpProxy"/> in the harness, which can cut the network in front of it.
/// </summary>
public sealed class ProcessNetwork : IAsyncDisposable
{
    private readonly Dictionary<string, NodeProcess> states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NodeApi> apis = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TcpProxy> proxies = new(StringComparer.Ordinal);

    private ProcessNetwork(ProcessNetworkOptions options, NodeProcess secretariat)
    {
        Options = options;
        Secretariat = secretariat;
    }

    public ProcessNetworkOptions Options { get; }

    public NodeProcess Secretariat { get; }

    /// <summary>The Secretariat's API, as a node administrator and Secretariat officer.</summary>
    public NodeApi SecretariatApi { get; private set; } = null!;

    /// <summary>The State node processes by State code.</summary>
    public IReadOnlyDictionary<string, NodeProcess> States => states;

    /// <summary>The State node of <paramref name="state"/>.</summary>
    public NodeProcess this[string state] => states[state];

    /// <summary>The State node's API, as a node administrator.</summary>
    public NodeApi Api(string state) => apis[state];

    /// <summary>The proxy in front of <paramref name="state"/> (only for proxied States).</summary>
    public TcpProxy Proxy(string state) => proxies[state];

    /// <summary>Where <paramref name="state"/> is published in the Register: its proxy, or its own port.</summary>
    public Uri PublishedAddress(string state) => proxies.TryGetValue(state, out var proxy) ? proxy.BaseAddress : states[state].BaseAddress;

    /// <summary>Starts the Secretariat and every State node, joins them to the Register and syncs it on each.</summary>
    public static async Task<ProcessNetwork> StartAsync(ProcessNetworkOptions options, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.RunFolder);
        var secretariat = new NodeProcess(new NodeProcessOptions
        {
            Name = "un",
            Role = NodeRole.Secretariat,
            Port = NodeProcess.FreePort(),
            DataFolder = Path.Combine(options.RunFolder, "un"),
            LogFile = Path.Combine(options.RunFolder, "un.log"),
            Settings = options.Settings,
        });
        var network = new ProcessNetwork(options, secretariat);
        try
        {
            await secretariat.StartAsync(options.ReadyTimeout, cancellationToken);
            network.SecretariatApi = new NodeApi(
                secretariat.BaseAddress,
                await IssueTokenAsync(secretariat, [Roles.NodeAdmin, Roles.SecretariatOfficer], cancellationToken),
                options.RequestTimeout);
            using var anonymous = new HttpClient { BaseAddress = secretariat.BaseAddress, Timeout = options.RequestTimeout };
            var registerKey = await anonymous.GetStringAsync("federation/v1/register/key", cancellationToken);

            foreach (var code in options.States)
            {
                var port = NodeProcess.FreePort();
                var name = code.ToLowerInvariant();
                if (options.Proxied.Contains(code, StringComparer.Ordinal))
                {
                    network.proxies[code] = TcpProxy.Start(port);
                }

                var published = network.proxies.TryGetValue(code, out var proxy)
                    ? proxy.BaseAddress
                    : new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
                var settings = new Dictionary<string, string?>(options.Settings)
                {
                    ["Comity:Federation:SecretariatUrl"] = secretariat.BaseAddress.ToString(),
                    ["Comity:Federation:SecretariatKey"] = registerKey,
                    ["Comity:Federation:PublicUrl"] = published.ToString(),
                };
                network.states[code] = new NodeProcess(new NodeProcessOptions
                {
                    Name = name,
                    Role = NodeRole.State,
                    StateCode = code,
                    Port = port,
                    DataFolder = Path.Combine(options.RunFolder, name),
                    LogFile = Path.Combine(options.RunFolder, name + ".log"),
                    Settings = settings,
                    PostgresConnectionString = options.Postgres.TryGetValue(code, out var cs) ? cs : null,
                });
            }

            await Task.WhenAll(network.states.Values.Select(n => n.StartAsync(options.ReadyTimeout, cancellationToken)));
            foreach (var (code, node) in network.states)
            {
                network.apis[code] = new NodeApi(node.BaseAddress, await IssueTokenAsync(node, [Roles.NodeAdmin], cancellationToken), options.RequestTimeout);
            }

            foreach (var code in network.states.Keys)
            {
                await network.JoinAsync(code, cancellationToken);
            }

            await network.RefreshRegistersAsync(cancellationToken);
            return network;
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            // Say which node was down and what it logged last: a clean-clone run once failed here with "connection refused"
            // from a node that had answered /health/ready, and nothing left to tell why.
            var report = network.DescribeNodes();
            await network.DisposeAsync();
            throw new InvalidOperationException($"The process network did not start: {e.Message}{Environment.NewLine}{report}", e);
        }
        catch
        {
            await network.DisposeAsync();
            throw;
        }
    }

    /// <summary>Each node's port, whether its process runs, and the last lines of its log.</summary>
    private string DescribeNodes() => string.Join(
        Environment.NewLine,
        new[] { Secretariat }.Concat(states.Values).Select(n =>
            $"--- {n.Options.Name} on {n.BaseAddress} ({(n.IsRunning ? "running" : "not running")}):{Environment.NewLine}{n.LogTail(15)}"));

    /// <summary>Every State node fetches and verifies the Register now (<c>POST /api/v1/register/refresh</c>).</summary>
    public async Task RefreshRegistersAsync(CancellationToken cancellationToken)
    {
        var serial = (await SecretariatApi.GetOkAsync("api/v1/register/status", cancellationToken)).GetProperty("serial").GetInt64();
        foreach (var (code, api) in apis)
        {
            var status = await api.PostOkAsync("api/v1/register/refresh", null, cancellationToken);
            if (!status.TryGetProperty("serial", out var held) || held.ValueKind != System.Text.Json.JsonValueKind.Number || held.GetInt64() != serial)
            {
                throw new InvalidOperationException($"{code} did not take the Secretariat's Register serial {serial}: {status}");
            }
        }
    }

    /// <summary>
    /// Issues a token for the API-only user <c>harness</c> with <paramref name="roles"/> by running
    /// <c>comity admin token</c> against the node's data folder (the node keeps running: SQLite in WAL
    /// mode takes the second writer).
    /// </summary>
    public static async Task<string> IssueTokenAsync(NodeProcess node, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        List<string> args = ["admin", "token", "--data", node.Options.DataFolder, .. node.Options.DatabaseArguments, "--user", "harness", "--name", "fault harness", "--expires-in-days", "2"];
        args.AddRange(node.Options.Role == NodeRole.Secretariat ? ["--role", "secretariat"] : ["--role", "state", "--state", node.Options.StateCode!]);
        foreach (var role in roles)
        {
            args.AddRange(["--grant", role]);
        }

        var (exit, output, error) = await RunCliAsync(args, cancellationToken);
        var token = output.Trim();
        return exit == 0 && PersonalAccessTokens.LooksLikeToken(token)
            ? token
            : throw new InvalidOperationException($"comity admin token failed for {node.Name} (exit {exit}): {error}");
    }

    /// <summary>Runs the <c>comity</c> executable once and returns its exit code, standard output and error.</summary>
    public static async Task<(int Exit, string Out, string Error)> RunCliAsync(IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ComityExecutable.DllPath());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output, await error);
    }

    private async Task JoinAsync(string code, CancellationToken cancellationToken)
    {
        var admin = apis[code];
        NodeApi.Ok(await admin.PutAsync("api/v1/directory/own/node", new { endpoint = PublishedAddress(code).ToString(), name = $"{code} node (process harness)" }, cancellationToken), $"{code}: set the node endpoint");
        var submitted = await admin.PostOkAsync("api/v1/directory/own/submit", null, cancellationToken);
        var id = submitted.GetProperty("submission").GetProperty("id").GetString();
        await SecretariatApi.PostOkAsync($"api/v1/directory/notifications/{id}/approve", null, cancellationToken);
    }

    /// <summary>A one-line description of every node, for reports.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"un {Secretariat.BaseAddress} (pid {Secretariat.ProcessId})");
        foreach (var (code, node) in states)
        {
            text.Append(CultureInfo.InvariantCulture, $"; {code} {node.BaseAddress} (pid {node.ProcessId})");
            if (proxies.TryGetValue(code, out var proxy))
            {
                text.Append(CultureInfo.InvariantCulture, $" behind proxy :{proxy.Port}");
            }
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var api in apis.Values)
        {
            api.Dispose();
        }

        SecretariatApi?.Dispose();
        foreach (var proxy in proxies.Values)
        {
            await proxy.DisposeAsync();
        }

        foreach (var node in states.Values)
        {
            await node.DisposeAsync();
        }

        await Secretariat.DisposeAsync();
    }
}
