using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Comity.Cli.Treaty;
using Comity.Node.Identity;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Comity.Cli.Keys;

internal class KeysSettings : NodeSettings
{
    [CommandOption("--node-name <NAME>")]
    [Description("With the demo credentials: which demo node (un, xa, xb, xc); its admin user is used. Default un.")]
    public string? NodeName { get; init; }
}

internal sealed class KeysRotateSettings : KeysSettings
{
    [CommandOption("--overlap-days <DAYS>")]
    [Description("How many days the replaced keys stay published beside the new ones (0–90).")]
    [DefaultValue(7)]
    public int OverlapDays { get; init; } = 7;

    public override ValidationResult Validate() =>
        OverlapDays is < 0 or > 90
            ? ValidationResult.Error($"--overlap-days must be between 0 and 90, not {OverlapDays.ToString(CultureInfo.InvariantCulture)}.")
            : base.Validate();
}

/// <summary><c>comity keys show</c>: <c>GET /api/v1/keys</c> (node administrators).</summary>
internal sealed class KeysShowCommand(CliEnvironment environment) : AsyncCommand<KeysSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, KeysSettings settings, CancellationToken cancellationToken)
    {
        using var connection = KeysConnection.Resolve(settings, environment);
        if (connection is null)
        {
            return ExitCodes.Invalid;
        }

        return await connection.ShowAsync("api/v1/keys", Roles.NodeAdmin, settings.Json, body => KeysTable.Write(environment, body, $"Keys of {connection.Node}"), cancellationToken);
    }
}

/// <summary><c>comity keys rotate</c>: <c>POST /api/v1/keys/rotate</c> (node administrators).</summary>
internal sealed class KeysRotateCommand(CliEnvironment environment) : AsyncCommand<KeysRotateSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, KeysRotateSettings settings, CancellationToken cancellationToken)
    {
        using var connection = KeysConnection.Resolve(settings, environment);
        if (connection is null)
        {
            return ExitCodes.Invalid;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/keys/rotate")
        {
            Content = JsonContent.Create(new RotateBody(settings.OverlapDays)),
        };
        var answer = await connection.ExchangeAsync(request, Roles.NodeAdmin, cancellationToken);
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
            var result = KeysTable.Write(environment, document.RootElement.GetProperty("keys").GetRawText(), "Keys after rotation");
            if (document.RootElement.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.String)
            {
                environment.Out.MarkupLineInterpolated($"[bold]Next:[/] {next.GetString()}");
            }

            return result;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] the node's answer is not a key rotation result ({e.Message}). Try --json to see it.");
            return ExitCodes.Failure;
        }
    }

    private sealed record RotateBody([property: JsonPropertyName("overlapDays")] int OverlapDays);
}

internal static class KeysTable
{
    public static int Write(CliEnvironment environment, string body, string title)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));
            foreach (var column in new[] { "Use", "Status", "Kid", "Fingerprint (SHA-256)", "Not before", "Not after" })
            {
                table.AddColumn(column);
            }

            foreach (var key in document.RootElement.EnumerateArray())
            {
                var status = Text(key, "status");
                var style = status switch { "current" => "green", "overlap" => "yellow", _ => "grey" };
                table.AddRow(
                    Markup.Escape(Text(key, "use") + " (" + Text(key, "algorithm") + ")"),
                    $"[{style}]{Markup.Escape(status)}[/]",
                    Markup.Escape(Text(key, "kid")),
                    Markup.Escape(Text(key, "fingerprint")),
                    Markup.Escape(Text(key, "notBefore")),
                    Markup.Escape(Text(key, "notAfter")));
            }

            environment.Out.Write(table);
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] the node's answer is not a list of keys ({e.Message}). Try --json to see it.");
            return ExitCodes.Failure;
        }
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText() : "";
}

/// <summary>Like <see cref="NodeConnection.Resolve"/>, but the demo fallback uses the <c>admin</c> user of the node named by <c>--node-name</c> (default un).</summary>
internal static class KeysConnection
{
    public static NodeConnection? Resolve(KeysSettings settings, CliEnvironment environment) =>
        NodeConnection.ResolveAsDemoAdmin(settings, environment, settings.NodeName, "un");
}
