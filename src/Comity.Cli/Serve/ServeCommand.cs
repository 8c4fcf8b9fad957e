using System.ComponentModel;
using System.Text.RegularExpressions;
using Comity.Node.Hosting;
using Comity.Node.Kernel;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Comity.Cli.Serve;

internal sealed partial class ServeSettings : CommandSettings
{
    [CommandOption("--role <ROLE>")]
    [Description("state or secretariat (Comity:Role).")]
    public string? Role { get; init; }

    [CommandOption("--state <CODE>")]
    [Description("The State this node serves, ISO 3166-1 alpha-2 (Comity:StateCode).")]
    public string? State { get; init; }

    [CommandOption("--url|--urls <URL>")]
    [Description("Address to listen on, e.g. http://127.0.0.1:5080 (Comity:Url).")]
    public string? Url { get; init; }

    [CommandOption("--data <DIR>")]
    [Description("Data folder: SQLite database, keys, evidence (Comity:DataFolder).")]
    public string? Data { get; init; }

    [CommandOption("--database <PROVIDER>")]
    [Description("sqlite or postgres (Comity:Database:Provider).")]
    public string? Database { get; init; }

    [CommandOption("--connection-string <CS>")]
    [Description("Database connection string; required for postgres (Comity:Database:ConnectionString).")]
    public string? ConnectionString { get; init; }

    public override ValidationResult Validate()
    {
        if (Role is not null && !Enum.TryParse<NodeRole>(Role, ignoreCase: true, out _))
        {
            return ValidationResult.Error($"--role must be state or secretariat, not '{Role}'.");
        }

        if (State is not null && !StateCodePattern().IsMatch(State))
        {
            return ValidationResult.Error($"--state must be a two-letter ISO 3166-1 alpha-2 code such as XA, not '{State}'.");
        }

        if (Url is not null && (!Uri.TryCreate(Url.Split(';')[0], UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            return ValidationResult.Error($"--url must be an absolute http or https address such as http://127.0.0.1:5080, not '{Url}'.");
        }

        if (Database is not null && !Enum.TryParse<DatabaseProvider>(Database, ignoreCase: true, out _))
        {
            return ValidationResult.Error($"--database must be sqlite or postgres, not '{Database}'.");
        }

        if (Data is { Length: 0 })
        {
            return ValidationResult.Error("--data must name a folder.");
        }

        return ValidationResult.Success();
    }

    /// <summary>The flags as configuration keys; added after appsettings.json and the environment, so flags win.</summary>
    public Dictionary<string, string?> ToConfiguration()
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Add(settings, "Comity:Role", Role is null ? null : Enum.Parse<NodeRole>(Role, ignoreCase: true).ToString());
        Add(settings, "Comity:StateCode", State?.ToUpperInvariant());
        Add(settings, "Comity:Url", Url);
        Add(settings, "Comity:DataFolder", Data);
        Add(settings, "Comity:Database:Provider", Database is null ? null : Enum.Parse<DatabaseProvider>(Database, ignoreCase: true).ToString());
        Add(settings, "Comity:Database:ConnectionString", ConnectionString);
        return settings;
    }

    private static void Add(Dictionary<string, string?> settings, string key, string? value)
    {
        if (value is not null)
        {
            settings[key] = value;
        }
    }

    [GeneratedRegex("^[A-Za-z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex StateCodePattern();
}

/// <summary><c>comity serve</c>: one node from configuration, until Ctrl+C.</summary>
internal sealed class ServeCommand(CliEnvironment environment) : AsyncCommand<ServeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            await using var app = ComityNodeHost.Build([], builder =>
            {
                builder.Configuration.AddInMemoryCollection(settings.ToConfiguration());
                PortInUse.LeaveToTheCommand(builder);
            });
            await RunAsync(app, cancellationToken);
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures)
            {
                environment.Error.MarkupLineInterpolated($"[red]error:[/] {failure}");
            }

            environment.Error.MarkupLine("Set it with a flag (see [bold]comity serve --help[/]), appsettings.json or a Comity__ environment variable.");
            return ExitCodes.Invalid;
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("Comity:", StringComparison.Ordinal))
        {
            // Configuration the node refuses while it is built, e.g. PostgreSQL without a connection string.
            environment.Error.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return ExitCodes.Invalid;
        }
        catch (IOException e)
        {
            // Kestrel reports a port already in use this way.
            var remedy = PortInUse.Is(e) ? " Stop what holds the port, or choose another address with --url." : "";
            environment.Error.MarkupLineInterpolated($"[red]error:[/] the node could not listen: {e.Message}{remedy}");
            return ExitCodes.Failure;
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// <see cref="WebApplication.RunAsync"/>, except that a node which fails to start (its port taken) stops the
    /// workers it had already started before it is disposed: disposed unstopped, each would log its cancellation
    /// as a failure of its own, with a stack trace, around the one-line error.
    /// </summary>
    private static async Task RunAsync(WebApplication app, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.StopAsync(CancellationToken.None);
            throw;
        }

        await app.WaitForShutdownAsync(cancellationToken);
    }
}
