using System.ComponentModel;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Comity.Cli.Demo;
using Comity.Cli.Treaty;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Comity.Cli.Register;

internal sealed class RegisterShowSettings : CommandSettings
{
    [CommandOption("--node <URL>")]
    [Description("The node to fetch the Register from. Default: COMITY_NODE, or the demo Secretariat when .comity/demo/credentials.json exists here.")]
    public string? Node { get; init; }

    [CommandOption("--key <KEY.jwk>")]
    [Description("The Secretariat's public key as a JWK, obtained out of band.")]
    public string? Key { get; init; }

    [CommandOption("--key-from-node")]
    [Description("Fetch the key from the same node (GET /federation/v1/register/key): trust on first use, no protection against that node or the network.")]
    public bool KeyFromNode { get; init; }

    [CommandOption("--grace <DURATION>")]
    [Description("How long past nextUpdate the Register is still current: 1d (default), 12h, 30m, 90s or 0.")]
    public string? Grace { get; init; }

    [CommandOption("--json")]
    [Description("Print the verdict and the verified payload as one JSON object on standard output.")]
    public bool Json { get; init; }

    public override ValidationResult Validate()
    {
        if (Node is not null && (!Uri.TryCreate(Node, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            return ValidationResult.Error($"--node must be an absolute http or https address such as http://127.0.0.1:5080, not '{Node}'.");
        }

        if (Key is null == !KeyFromNode)
        {
            return ValidationResult.Error(Key is null
                ? "which key? Pass --key KEY.jwk (the Secretariat key obtained out of band) or, knowingly, --key-from-node."
                : "pass either --key or --key-from-node, not both.");
        }

        return Grace is not null && !RegisterCliSupport.TryParseGrace(Grace, out _)
            ? ValidationResult.Error($"--grace must be a number followed by d, h, m or s (e.g. 1d, 12h), or 0, not '{Grace}'.")
            : ValidationResult.Success();
    }
}

/// <summary><c>comity register show</c>: fetch the Register from a node (anonymously), verify it, and show it.</summary>
internal sealed class RegisterShowCommand(CliEnvironment environment) : AsyncCommand<RegisterShowSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RegisterShowSettings settings, CancellationToken cancellationToken)
    {
        if (ResolveNode(settings) is not { } node)
        {
            return ExitCodes.Invalid;
        }

        using var http = new HttpClient { BaseAddress = node, Timeout = TimeSpan.FromSeconds(30) };
        Jwk key;
        string keySource;
        if (settings.Key is { } keyFile)
        {
            if (RegisterCliSupport.LoadKey(keyFile, environment) is not { } loaded)
            {
                return ExitCodes.Invalid;
            }

            key = loaded;
            keySource = Path.GetFileName(keyFile);
        }
        else
        {
            if (await GetAsync(http, "federation/v1/register/key", cancellationToken) is not { } keyJson)
            {
                return ExitCodes.Failure;
            }

            if (RegisterCliSupport.ParseKey(keyJson, $"the key from {node}", environment) is not { } fetched)
            {
                return ExitCodes.Failure;
            }

            key = fetched;
            keySource = "fetched from the node (trust on first use)";
            environment.Error.MarkupLineInterpolated(
                $"[yellow]warning:[/] trust on first use: the Secretariat key was fetched from {node} itself (thumbprint {JwkKeys.Thumbprint(key)}). Whoever controls that node or the network path could have replaced both the Register and the key. Compare the thumbprint with the one the Secretariat publishes, save the key and pass --key next time.");
        }

        if (await GetAsync(http, "federation/v1/register", cancellationToken) is not { } jws)
        {
            return ExitCodes.Failure;
        }

        var grace = RegisterCliSupport.GraceOrDefault(settings.Grace);

        var result = RegisterVerifier.Verify(jws, key, lastAcceptedSerial: null, environment.Time.GetUtcNow(), grace);
        if (settings.Json)
        {
            var json = new JsonObject
            {
                ["node"] = node.ToString(),
                ["trustOnFirstUse"] = settings.KeyFromNode,
                ["verification"] = RegisterCliSupport.ToJson(result, key),
                ["register"] = result.Payload is { } payload ? JsonNode.Parse(payload) : null,
            };
            environment.WriteMachineOutput(json.ToJsonString());
        }
        else if (result.Register is { } register)
        {
            environment.Out.Write(RegisterCliSupport.Summary(result, key, keySource));
            environment.Out.Write(Nodes(register));
            environment.Out.Write(Designations(register));
            if (register.ServiceProviders.Count > 0)
            {
                environment.Out.Write(ServiceProviders(register));
            }
        }

        return result.IsAccepted ? RegisterCliSupport.AcceptedExitCode(result, environment) : RegisterCliSupport.ReportRefusal(result, environment);
    }

    private Uri? ResolveNode(RegisterShowSettings settings)
    {
        var node = settings.Node ?? environment.Variable("COMITY_NODE");
        if (node is null)
        {
            var demo = Path.Combine(environment.WorkingDirectory, ".comity", "demo", DemoCredentials.FileName);
            try
            {
                if (DemoCredentials.Load(demo)?.Nodes.FirstOrDefault(n => n.Role == "secretariat") is { } secretariat)
                {
                    environment.Error.MarkupLineInterpolated($"Using the demo Secretariat at {secretariat.Url} (from {demo}).");
                    node = secretariat.Url;
                }
            }
            catch (JsonException)
            {
                environment.Error.MarkupLineInterpolated($"[yellow]warning:[/] ignoring {demo}: it is not a demo credentials file.");
            }
        }

        return NodeConnection.NodeAddress(node, environment);
    }

    /// <summary>An anonymous GET; the body on 200, null (after saying why) otherwise.</summary>
    private async Task<string?> GetAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/jose+json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var url = new Uri(http.BaseAddress!, path);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return body;
            }

            var status = string.Create(CultureInfo.InvariantCulture, $"{(int)response.StatusCode} {response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                environment.Error.MarkupLineInterpolated($"[red]error:[/] {url} answered {status}: the node publishes nothing there (is it the Secretariat, and has it published a Register?).");
            }
            else
            {
                environment.Error.MarkupLineInterpolated($"[red]error:[/] {url} answered {status}.");
            }

            return null;
        }
        catch (HttpRequestException e)
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] could not reach {url}: {e.Message} Is the node running?");
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] {url} did not answer within {http.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds.");
            return null;
        }
    }

    private static Table Nodes(RegisterV1 register)
    {
        var table = new Table().Border(TableBorder.Simple).Title("Nodes");
        table.AddColumn("State");
        table.AddColumn("Node");
        table.AddColumn("Endpoint");
        table.AddColumn("Keys (use, kid = RFC 7638 thumbprint, validity)");
        foreach (var node in register.Nodes)
        {
            var keys = node.Keys.Select(k =>
            {
                var thumbprint = k.Jwk.X is null ? "?" : JwkKeys.Thumbprint(k.Jwk);
                var mismatch = string.Equals(thumbprint, k.Kid, StringComparison.Ordinal) ? "" : $" [red](kid is not the thumbprint {Markup.Escape(thumbprint)})[/]";
                return $"{Markup.Escape(k.Use)} {Markup.Escape(k.Jwk.Crv ?? "")} {Markup.Escape(k.Kid)}{mismatch}\n    {RegisterCliSupport.Instant(k.NotBefore)} → {RegisterCliSupport.Instant(k.NotAfter)}";
            });
            table.AddRow(new Markup(Markup.Escape(node.State)), new Markup(Markup.Escape(node.Name)), new Markup(Markup.Escape(node.Endpoint.ToString())), new Markup(string.Join('\n', keys)));
        }

        return table;
    }

    private static Table Designations(RegisterV1 register)
    {
        var table = new Table().Border(TableBorder.Simple).Title("Designations");
        table.AddColumn("State");
        table.AddColumn("Role");
        table.AddColumn("Office");
        table.AddColumn("Languages");
        table.AddColumn("Hours");
        table.AddColumn("Contact");
        foreach (var d in register.Designations.OrderBy(d => d.State, StringComparer.Ordinal).ThenBy(d => d.Role, StringComparer.Ordinal))
        {
            var hours = d.Always
                ? "24/7" + (d.Roster.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $", {d.Roster.Count} roster shift(s)") : "")
                : string.Join("; ", d.Hours.Select(h => $"{Days(h.Days)} {h.From.ToString("HH:mm", CultureInfo.InvariantCulture)}–{h.To.ToString("HH:mm", CultureInfo.InvariantCulture)}")) + $" ({d.TimeZone})";
            var channels = string.Join('\n', d.Channels.Select(c => $"{c.Kind}: {c.Value}"));
            table.AddRow(Markup.Escape(d.State), Markup.Escape($"{RoleName(d.Role)} ({d.Article})"), Markup.Escape(d.Office), Markup.Escape(string.Join(", ", d.Languages)), Markup.Escape(hours), Markup.Escape(channels));
        }

        return table;
    }

    private static Table ServiceProviders(RegisterV1 register)
    {
        var table = new Table().Border(TableBorder.Simple).Title("Service providers");
        table.AddColumn("Listed by");
        table.AddColumn("Provider");
        table.AddColumn("Data in");
        table.AddColumn("Law-enforcement contact");
        table.AddColumn("Accepts directly");
        foreach (var p in register.ServiceProviders)
        {
            table.AddRow(
                Markup.Escape(p.ListedBy),
                Markup.Escape(p.Name),
                Markup.Escape(string.Join(", ", p.DataLocations)),
                Markup.Escape(p.LawEnforcementContact is { } c ? $"{c.Kind}: {c.Value}" : "—"),
                Markup.Escape(string.Join(", ", p.AcceptsDirectly)));
        }

        return table;
    }

    private static string RoleName(string role) => role switch
    {
        "centralAuthority" => "Central authority",
        "pointOfContact247" => "24/7 point of contact",
        "extraditionAuthority" => "Extradition authority",
        "preventionAuthority" => "Prevention authority",
        _ => role,
    };

    private static string Days(IReadOnlyList<int> days)
    {
        string[] names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        var valid = days.Where(d => d is >= 1 and <= 7).Order().ToArray();
        var contiguous = valid.Length > 2 && valid[^1] - valid[0] == valid.Length - 1;
        return contiguous ? $"{names[valid[0] - 1]}–{names[valid[^1] - 1]}" : string.Join(",", valid.Select(d => names[d - 1]));
    }
}
