using System.ComponentModel;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Comity.Node.Features.Demo;
using Comity.Node.Hosting;
using Comity.Node.Kernel;
using Microsoft.Data.Sqlite;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Comity.Cli.Demo;

internal sealed class DemoSettings : CommandSettings
{
    public const string DefaultDataFolder = ".comity/demo";

    [CommandOption("--data <DIR>")]
    [Description("Folder for the four nodes' data and credentials.json.")]
    [DefaultValue(DefaultDataFolder)]
    public string Data { get; init; } = DefaultDataFolder;

    [CommandOption("--base-port <PORT>")]
    [Description("The Secretariat listens on this port, XA, XB and XC on the next three.")]
    [DefaultValue(5080)]
    public int BasePort { get; init; } = 5080;

    public override ValidationResult Validate() =>
        BasePort is < 1 or > 65532
            ? ValidationResult.Error($"--base-port must be between 1 and 65532 (four consecutive ports), not {BasePort.ToString(CultureInfo.InvariantCulture)}.")
            : string.IsNullOrWhiteSpace(Data) ? ValidationResult.Error("--data must name a folder.") : ValidationResult.Success();
}

/// <summary>What <c>comity demo</c> started, with each node's services by name (un, xa, xb, xc): for the tests.</summary>
internal sealed record DemoStarted(string CredentialsPath, IReadOnlyList<DemoNodeCredentials> Nodes, IReadOnlyDictionary<string, IServiceProvider> Services);

/// <summary>
/// <c>comity demo</c>: a Secretariat and three fictional State nodes (XA, XB, XC) in one process on
/// loopback, each with its own SQLite database, demo users and tokens, until Ctrl+C.
/// </summary>
internal sealed class DemoCommand(CliEnvironment environment) : AsyncCommand<DemoSettings>
{
    private static readonly (string Name, NodeRole Role, string? State)[] Layout =
    [
        ("un", NodeRole.Secretariat, null),
        ("xa", NodeRole.State, "XA"),
        ("xb", NodeRole.State, "XB"),
        ("xc", NodeRole.State, "XC"),
    ];

    private readonly Lock consoleLock = new();

    public override async Task<int> ExecuteAsync(CommandContext context, DemoSettings settings, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(Path.Combine(environment.WorkingDirectory, settings.Data));
        var credentialsPath = Path.Combine(root, DemoCredentials.FileName);
        DemoCredentials? previous;
        try
        {
            previous = DemoCredentials.Load(credentialsPath);
        }
        catch (JsonException e)
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] {credentialsPath} is not a demo credentials file ({e.Message}). Delete it, or the whole folder, to start afresh.");
            return ExitCodes.Invalid;
        }

        var nodes = Layout.Select((n, i) => Plan(n.Name, n.Role, n.State, settings.BasePort + i, root, previous)).ToArray();
        environment.Error.MarkupLineInterpolated($"{(previous is null ? "Creating" : "Reusing")} the demo in [bold]{root}[/]");

        var started = new List<WebApplication>();
        try
        {
            var failure = await StartAllAsync(nodes, started, cancellationToken);
            if (failure is not null)
            {
                environment.Error.MarkupLineInterpolated($"[red]error:[/] {failure}");
                return ExitCodes.Failure;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Ok;
            }

            var credentials = Credentials(nodes, previous);
            if (credentials != previous)
            {
                credentials.Save(credentialsPath);
            }

            await new DemoDirectoryWalkthrough(environment).RunAsync(credentials, cancellationToken);
            await new DemoFederationPings(environment).RunAsync(credentials, cancellationToken);
            await new DemoRequests(environment).RunAsync(credentials, cancellationToken);
            ShowSignInDetails(credentials, credentialsPath);
            environment.DemoStarted?.Invoke(new DemoStarted(
                credentialsPath,
                credentials.Nodes,
                nodes.Zip(started).ToDictionary(p => p.First.Name, p => p.Second.Services, StringComparer.Ordinal)));
            await WaitForStopAsync(cancellationToken);
            environment.Error.MarkupLine("Stopping the demo nodes…");
            return ExitCodes.Ok;
        }
        finally
        {
            await StopAllAsync(started);
        }
    }

    private static DemoNode Plan(string name, NodeRole role, string? state, int port, string root, DemoCredentials? previous)
    {
        var known = previous?.Node(name);
        var accounts = new DemoAccounts(DemoUsers.For(role, state).Select(user => known?.User(user.UserName) is { } saved
            ? new DemoAccount { User = user, Password = saved.Password, Token = saved.Token }
            : new DemoAccount { User = user, Password = NewPassword() }));
        var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        return new DemoNode(name, role, state, url, Path.Combine(root, name), accounts);
    }

    /// <summary>20 characters from an unambiguous alphabet in groups of five, easy to type in a workshop.</summary>
    internal static string NewPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var chars = RandomNumberGenerator.GetItems<char>(alphabet, 20);
        return string.Join('-', chars.Chunk(5).Select(c => new string(c)));
    }

    private async Task<string?> StartAllAsync(DemoNode[] nodes, List<WebApplication> started, CancellationToken cancellationToken)
    {
        string? failure = null;
        await environment.Error.Status().StartAsync("Starting the Secretariat and three State nodes…", async _ =>
        {
            // The Secretariat first: the State nodes are configured with its URL and Register key.
            var secretariat = nodes.Single(n => n.Role == NodeRole.Secretariat);
            var secretariatApp = Build(secretariat, null);
            started.Add(secretariatApp);
            failure = await StartAsync(secretariat, secretariatApp);
            if (failure is not null || cancellationToken.IsCancellationRequested)
            {
                return;
            }

            var federation = await FederationSettingsAsync(secretariat, cancellationToken);
            var states = nodes.Where(n => n.Role != NodeRole.Secretariat).ToArray();
            var apps = states.Select(n => Build(n, federation)).ToArray();
            started.AddRange(apps);
            failure = (await Task.WhenAll(states.Zip(apps, StartAsync))).FirstOrDefault(f => f is not null);
        });
        return failure;

        async Task<string?> StartAsync(DemoNode node, WebApplication app)
        {
            try
            {
                await app.StartAsync(cancellationToken);
                lock (consoleLock)
                {
                    environment.Error.MarkupLineInterpolated($"[green]ready[/]  {Title(node)} at {node.Url}");
                }

                return null;
            }
            catch (IOException e)
            {
                var remedy = PortInUse.Is(e) ? "Stop what holds it (another comity demo?) or choose other ports with --base-port." : "Choose other ports with --base-port.";
                return $"{Title(node)} could not listen on {node.Url}: {e.Message} {remedy}";
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return (string?)null;
            }
        }
    }

    /// <summary>
    /// What a State node needs to verify the Register: the Secretariat's URL and the key that signs
    /// the Register, fetched from the Secretariat's <c>/federation/v1/register/key</c> on loopback (in a
    /// real deployment an operator confirms it out of band). The demo polls every 30 seconds.
    /// </summary>
    private static async Task<Dictionary<string, string?>> FederationSettingsAsync(DemoNode secretariat, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var key = await http.GetStringAsync(new Uri(new Uri(secretariat.Url), "/federation/v1/register/key"), cancellationToken);
        return new Dictionary<string, string?>
        {
            ["Comity:Federation:SecretariatUrl"] = secretariat.Url,
            ["Comity:Federation:SecretariatKey"] = key,
            ["Comity:Federation:PollInterval"] = "00:00:30",
        };
    }

    private static WebApplication Build(DemoNode node, IReadOnlyDictionary<string, string?>? federation) => ComityNodeHost.Build([], builder =>
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Comity:Federation:PublicUrl"] = node.Url,
            ["Comity:Role"] = node.Role.ToString(),
            ["Comity:StateCode"] = node.State,
            ["Comity:DisplayName"] = node.Role == NodeRole.Secretariat ? "Secretariat (demo)" : $"State {node.State} (demo, fictional)",
            ["Comity:Url"] = node.Url,
            ["Comity:DataFolder"] = node.DataFolder,
            ["Comity:Demo"] = "true",
            ["Comity:Database:Provider"] = nameof(DatabaseProvider.Sqlite),
            ["Comity:Database:ConnectionString"] = null,

            // Four nodes share one console: only warnings and errors reach it.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",

            // Demo keys sit unencrypted in the demo folder on purpose; the warning would only alarm.
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        });
        if (federation is not null)
        {
            builder.Configuration.AddInMemoryCollection(federation);
        }

        builder.Services.AddSingleton(node.Accounts);
        PortInUse.LeaveToTheCommand(builder);

        // The demo command owns Ctrl+C and stops all four nodes itself.
        builder.Services.AddSingleton<IHostLifetime, CommandOwnedLifetime>();
    });

    private async Task WaitForStopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, environment.Time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: the normal way to end the demo.
        }
    }

    private static async Task StopAllAsync(List<WebApplication> apps)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Task.WhenAll(apps.Select(async app =>
        {
            await app.StopAsync(timeout.Token);
            await app.DisposeAsync();
        }));
        SqliteConnection.ClearAllPools();
    }

    private DemoCredentials Credentials(DemoNode[] nodes, DemoCredentials? previous)
    {
        var current = new DemoCredentials(
            previous?.CreatedAt ?? environment.Time.GetUtcNow(),
            [.. nodes.Select(node => new DemoNodeCredentials(
                node.Name,
                node.Role == NodeRole.Secretariat ? "secretariat" : "state",
                node.State,
                node.Url,
                [.. node.Accounts.Accounts.Select(a => new DemoUserCredentials(a.User.UserName, a.Password, a.User.Roles, a.Token))]))]);
        return previous is not null && SameContent(previous, current) ? previous : current;
    }

    private static bool SameContent(DemoCredentials a, DemoCredentials b) =>
        a.Nodes.Count == b.Nodes.Count
        && a.Nodes.Zip(b.Nodes).All(p => p.First.Name == p.Second.Name && p.First.Url == p.Second.Url && p.First.State == p.Second.State
            && p.First.Role == p.Second.Role && p.First.Users.Count == p.Second.Users.Count
            && p.First.Users.Zip(p.Second.Users).All(u => u.First.UserName == u.Second.UserName && u.First.Password == u.Second.Password
                && u.First.Token == u.Second.Token && u.First.Roles.SequenceEqual(u.Second.Roles, StringComparer.Ordinal)));

    private void ShowSignInDetails(DemoCredentials credentials, string credentialsPath)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Comity demo (fictional States, sample data only)");
        table.AddColumn("Node");
        table.AddColumn("Role");
        table.AddColumn("URL");
        table.AddColumn("Sign in: user → password");
        table.AddColumn("Roles");
        foreach (var node in credentials.Nodes)
        {
            var first = true;
            foreach (var user in node.Users)
            {
                table.AddRow(
                    new Markup(first ? Markup.Escape(node.State ?? "UN") : ""),
                    new Markup(first ? Markup.Escape(node.Role) : ""),
                    new Markup(first ? $"[link]{Markup.Escape(node.Url)}[/]" : ""),
                    new Markup($"[bold]{Markup.Escape(user.UserName)}[/] → {Markup.Escape(user.Password)}"),
                    new Markup(Markup.Escape(string.Join(", ", user.Roles))));
                first = false;
            }

            table.AddEmptyRow();
        }

        environment.Out.Write(table);
        environment.Out.MarkupLineInterpolated($"Passwords and API tokens: [bold]{credentialsPath}[/]");
        environment.Out.MarkupLine("Sample 24/7 requests (Arts. 41–43): [bold]comity request list --as xb[/] (or xa, xc), then [bold]comity request show ID --as xb[/]; on the web, sign in as [bold]duty[/] on any State node.");
        environment.Out.MarkupLine("Sample mutual legal assistance requests (Arts. 40, 44): [bold]comity request list --as xb/central[/]; on the web, sign in as [bold]central[/].");
        environment.Out.MarkupLine("Demo users sign in without a second factor. Press [bold]Ctrl+C[/] to stop.");
    }

    private static string Title(DemoNode node) =>
        node.Role == NodeRole.Secretariat ? "Secretariat (UN)" : $"State node {node.State}";

    private sealed record DemoNode(string Name, NodeRole Role, string? State, string Url, string DataFolder, DemoAccounts Accounts);

    /// <summary>A host lifetime that leaves Ctrl+C to the command, which stops all four nodes together.</summary>
    private sealed class CommandOwnedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
