using System.ComponentModel;
using System.Text.Json;
using Comity.Cli.Treaty;
using Comity.Domain.Directory;
using Comity.Node.Identity;
using Spectre.Console;
using Spectre.Console.Cli;

// Not Comity.Cli.Directory: a namespace of that name would hide System.IO.Directory from every file in Comity.Cli.* and its tests.
namespace Comity.Cli.Directories;

internal sealed class DirectorySearchSettings : NodeSettings
{
    [CommandOption("--state <CODE>")]
    [Description("Only this State (ISO 3166-1 alpha-2), e.g. XB.")]
    public string? State { get; init; }

    [CommandOption("--role <ROLE>")]
    [Description("centralAuthority, pointOfContact247, extraditionAuthority or preventionAuthority.")]
    public string? Role { get; init; }

    [CommandOption("--language <TAG>")]
    [Description("Only offices that accept requests in this language (BCP 47: en, fr, zh …).")]
    public string? Language { get; init; }

    [CommandOption("--available-now")]
    [Description("Only offices that can be reached now (office hours in their zone; 24/7 roster).")]
    public bool AvailableNow { get; init; }

    [CommandOption("-q|--query <TEXT>")]
    [Description("Free text: office, channels, provider names and services.")]
    public string? Text { get; init; }

    [CommandOption("--tz <ZONE>")]
    [Description("Also show office hours in this IANA time zone (default UTC).")]
    public string? TimeZone { get; init; }

    public override ValidationResult Validate() =>
        Role is not null && !DesignationRoles.TryParse(Role, out _)
            ? ValidationResult.Error($"--role must be one of {string.Join(", ", DesignationRoles.All.Select(r => r.Wire()))}, not '{Role}'.")
            : Language is not null && ContactValidation.CheckLanguage(Language) is { } reason ? ValidationResult.Error("--language: " + reason)
            : TimeZone is not null && ContactValidation.TimeZone(TimeZone) is null ? ValidationResult.Error($"--tz must be an IANA time zone such as Europe/Paris, not '{TimeZone}'.")
            : base.Validate();
}

/// <summary><c>comity directory search</c>: <c>GET /api/v1/directory/search</c> as a table, or its JSON.</summary>
internal sealed class DirectorySearchCommand(CliEnvironment environment) : AsyncCommand<DirectorySearchSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DirectorySearchSettings settings, CancellationToken cancellationToken)
    {
        using var connection = NodeConnection.Resolve(settings, environment);
        if (connection is null)
        {
            return ExitCodes.Invalid;
        }

        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("state", settings.State);
        Add("role", settings.Role);
        Add("language", settings.Language);
        Add("availableNow", settings.AvailableNow ? "true" : null);
        Add("q", settings.Text);
        Add("tz", settings.TimeZone);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/directory/search" + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
        var answer = await connection.ExchangeAsync(request, $"any signed-in user's ({Roles.DutyOfficer}, …)", cancellationToken);
        if (answer.Body is not { } body)
        {
            return answer.ExitCode;
        }

        if (settings.Json)
        {
            environment.WriteMachineOutput(body);
            return ExitCodes.Ok;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            Render(document.RootElement);
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] the node's answer is not a directory search result ({e.Message}). Try --json to see it.");
            return ExitCodes.Failure;
        }
    }

    private void Render(JsonElement result)
    {
        var serial = result.GetProperty("registerSerial");
        if (serial.ValueKind == JsonValueKind.Null)
        {
            environment.Out.MarkupLine("[yellow]This node has not verified a Register yet: the directory is empty.[/]");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title($"Directory (Register serial {serial.GetRawText()})");
        foreach (var column in new[] { "Now", "State", "Office", "Role", "On call", "Languages", "Hours (office = yours)", "Channels", "Key" })
        {
            table.AddColumn(column);
        }

        foreach (var card in result.GetProperty("cards").EnumerateArray())
        {
            var d = card.GetProperty("designation");
            var onDuty = card.TryGetProperty("onDuty", out var duty) && duty.ValueKind == JsonValueKind.Object ? duty.GetProperty("officer").GetString() : d.GetProperty("always").GetBoolean() ? "nobody (gap)" : "";
            var hours = string.Join("\n", card.GetProperty("hours").EnumerateArray().Select(h => $"{Days(h.GetProperty("days"))} {h.GetProperty("office").GetString()} = {h.GetProperty("viewer").GetString()}"));
            table.AddRow(
                card.GetProperty("availableNow").GetBoolean() ? "[green]yes[/]" : "[grey]no[/]",
                Markup.Escape(d.GetProperty("state").GetString() ?? ""),
                Markup.Escape(d.GetProperty("office").GetString() ?? ""),
                Markup.Escape($"{d.GetProperty("role").GetString()} ({d.GetProperty("article").GetString()})"),
                Markup.Escape(onDuty ?? ""),
                Markup.Escape(string.Join(", ", d.GetProperty("languages").EnumerateArray().Select(l => l.GetString()))),
                Markup.Escape(d.GetProperty("always").GetBoolean() ? "24/7" : hours),
                Markup.Escape(string.Join("\n", d.GetProperty("channels").EnumerateArray().Select(c => $"{c.GetProperty("kind").GetString()}: {c.GetProperty("value").GetString()}"))),
                Markup.Escape(card.TryGetProperty("nodeKeyFingerprint", out var key) && key.ValueKind == JsonValueKind.String ? key.GetString()! : "—"));
        }

        environment.Out.Write(table);
        var providers = result.GetProperty("serviceProviders").EnumerateArray().ToList();
        if (providers.Count > 0)
        {
            var list = new Table().Border(TableBorder.Simple).Title("Service providers");
            list.AddColumn("Listed by");
            list.AddColumn("Name");
            list.AddColumn("Services");
            list.AddColumn("Accepts directly");
            foreach (var p in providers)
            {
                list.AddRow(
                    Markup.Escape(p.GetProperty("listedBy").GetString() ?? ""),
                    Markup.Escape(p.GetProperty("name").GetString() ?? ""),
                    Markup.Escape(string.Join(", ", p.GetProperty("services").EnumerateArray().Select(s => s.GetString()))),
                    Markup.Escape(string.Join(", ", p.GetProperty("acceptsDirectly").EnumerateArray().Select(s => s.GetString()))));
            }

            environment.Out.Write(list);
        }
    }

    private static string Days(JsonElement days) =>
        string.Join(",", days.EnumerateArray().Select(d => d.GetInt32() switch { 1 => "Mon", 2 => "Tue", 3 => "Wed", 4 => "Thu", 5 => "Fri", 6 => "Sat", _ => "Sun" }));
}
