using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Comity.Cli.Treaty;
using Comity.Node.Identity;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Comity.Cli.Federation;

internal class FederationSettings : NodeSettings
{
    [CommandOption("--node-name <NAME>")]
    [Description("With the demo credentials: which demo node (un, xa, xb, xc); its admin user is used. Default xa.")]
    public string? NodeName { get; init; }
}

internal sealed class FederationPingSettings : FederationSettings
{
    [CommandOption("--to <STATE>")]
    [Description("The State to ping (two capital letters, or UN); it must be in the node's Register.")]
    public string? To { get; init; }

    [CommandOption("--message <TEXT>")]
    [Description("Optional text (at most 4000 characters).")]
    public string? Message { get; init; }

    [CommandOption("--conversation <ID>")]
    [Description("Continue this conversation (the seq continues); default a new one.")]
    public string? Conversation { get; init; }

    [CommandOption("--wait")]
    [Description("Wait (up to 30 seconds) for the receiver's signed receipt.")]
    public bool Wait { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(To) ? ValidationResult.Error("--to is required: the State to ping, e.g. --to XB.")
            : Message is { Length: > 4000 } ? ValidationResult.Error("--message is at most 4000 characters.")
            : base.Validate();
}

internal sealed class FederationOutboxSettings : FederationSettings
{
    [CommandOption("--status <STATUS>")]
    [Description("pending, delivered or undeliverable.")]
    public string? Status { get; init; }

    [CommandOption("--peer <STATE>")]
    [Description("Only envelopes to this State.")]
    public string? Peer { get; init; }

    [CommandOption("--limit <N>")]
    [Description("At most this many (1–1000, default 50).")]
    public int? Limit { get; init; }

    public override ValidationResult Validate() =>
        Status is not null && Status is not ("pending" or "delivered" or "undeliverable") ? ValidationResult.Error($"--status is pending, delivered or undeliverable, not '{Status}'.")
            : Limit is < 1 or > 1000 ? ValidationResult.Error("--limit is between 1 and 1000.")
            : base.Validate();
}

/// <summary><c>comity federation ping</c>: <c>POST /api/v1/federation/pings</c> (node administrators and duty officers).</summary>
internal sealed class FederationPingCommand(CliEnvironment environment) : AsyncCommand<FederationPingSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, FederationPingSettings settings, CancellationToken cancellationToken)
    {
        using var connection = FederationConnection.Resolve(settings, environment);
        if (connection is null)
        {
            return ExitCodes.Invalid;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/federation/pings")
        {
            Content = JsonContent.Create(new PingBody(settings.To!.Trim(), settings.Message, settings.Conversation, settings.Wait)),
        };
        var answer = await connection.ExchangeAsync(request, $"{Roles.NodeAdmin} or {Roles.DutyOfficer}", cancellationToken);
        if (answer.Body is not { } body)
        {
            return answer.ExitCode;
        }

        if (settings.Json)
        {
            environment.WriteMachineOutput(body);
            return StatusOf(body) == "undeliverable" ? ExitCodes.Failure : ExitCodes.Ok;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var status = FederationTables.Text(root, "status");
            var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"Ping to {FederationTables.Text(root, "to")}")).HideHeaders();
            table.AddColumn("");
            table.AddColumn("");
            table.AddRow("Envelope", Markup.Escape(FederationTables.Text(root, "envelopeId")));
            table.AddRow("Conversation", Markup.Escape(FederationTables.Text(root, "conversation")));
            table.AddRow("Seq", Markup.Escape(FederationTables.Text(root, "seq")));
            table.AddRow("Status", FederationTables.Status(status));
            if (status == "delivered")
            {
                table.AddRow("Received at", Markup.Escape(FederationTables.Text(root, "receivedAt")));
                table.AddRow("Receiver", Markup.Escape(FederationTables.Text(root, "receiver")));
                table.AddRow("Checkpoint", FederationTables.Text(root, "checkpointPresent") == "true" ? "present" : "none yet");
            }
            else if (status == "undeliverable")
            {
                table.AddRow("Refused", Markup.Escape($"{FederationTables.Text(root, "problemCode")}: {FederationTables.Text(root, "problemDetail")}"));
            }

            environment.Out.Write(table);
            if (status == "pending" && settings.Wait)
            {
                environment.Error.MarkupLine("[yellow]Not delivered within 30 seconds:[/] it stays in the outbox and is retried (comity federation outbox --status pending).");
            }

            return status == "undeliverable" ? ExitCodes.Failure : ExitCodes.Ok;
        }
        catch (JsonException e)
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] the node's answer is not a ping result ({e.Message}). Try --json to see it.");
            return ExitCodes.Failure;
        }
    }

    private static string? StatusOf(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return FederationTables.Text(document.RootElement, "status");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record PingBody(
        [property: JsonPropertyName("to")] string To,
        [property: JsonPropertyName("message")] string? Message,
        [property: JsonPropertyName("conversation")] string? Conversation,
        [property: JsonPropertyName("wait")] bool Wait);
}

/// <summary><c>comity federation peers</c>: <c>GET /api/v1/federation/peers</c>.</summary>
internal sealed class FederationPeersCommand(CliEnvironment environment) : AsyncCommand<FederationSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, FederationSettings settings, CancellationToken cancellationToken)
    {
        using var connection = FederationConnection.Resolve(settings, environment);
        if (connection is null)
        {
            return ExitCodes.Invalid;
        }

        return await connection.ShowAsync("api/v1/federation/peers", FederationTables.ReaderRoles, settings.Json, body => FederationTables.Write(environment, body, $"Peers of {connection.Node}",
            ["State", "Endpoint", "Circuit", "Last delivery", "Backlog", "Oldest pending", "Failures", "Refused", "Last error"],
            p => [
                FederationTables.Text(p, "state"), FederationTables.Text(p, "endpoint"), FederationTables.Text(p, "circuit"), FederationTables.Text(p, "lastSuccessAt"),
                FederationTables.Text(p, "backlog"), FederationTables.Text(p, "oldestPendingAt"), FederationTables.Text(p, "consecutiveFailures"),
                FederationTables.Text(p, "undeliverable"), FederationTables.Text(p, "lastError"),
            ]), cancellationToken);
    }
}

/// <summary><c>comity federation outbox</c>: <c>GET /api/v1/federation/outbox</c>.</summary>
internal sealed class FederationOutboxCommand(CliEnvironment environment) : AsyncCommand<FederationOutboxSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, FederationOutboxSettings settings, CancellationToken cancellationToken)
    {
        using var connection = FederationConnection.Resolve(settings, environment);
        if (connection is null)
        {
            return ExitCodes.Invalid;
        }

        var path = NodeConnection.WithQuery("api/v1/federation/outbox",
            ("status", settings.Status), ("peer", settings.Peer), ("limit", settings.Limit?.ToString(CultureInfo.InvariantCulture)));
        return await connection.ShowAsync(path, FederationTables.ReaderRoles, settings.Json, body => FederationTables.Write(environment, body, $"Outbox of {connection.Node}",
            ["Sent at", "To", "Type", "Seq", "Status", "Attempts", "Received at", "Envelope", "Error"],
            o => [
                FederationTables.Text(o, "createdAt"), FederationTables.Text(o, "to"), FederationTables.Text(o, "type"), FederationTables.Text(o, "seq"),
                FederationTables.Text(o, "status"), FederationTables.Text(o, "attempts"), FederationTables.Text(o, "receiptReceivedAt"), FederationTables.Text(o, "id"),
                FederationTables.Text(o, "problemCode") is { Length: > 0 } code ? code + ": " + FederationTables.Text(o, "problemDetail") : FederationTables.Text(o, "lastError"),
            ]), cancellationToken);
    }
}

internal sealed class FederationRetrySettings : FederationSettings
{
    [CommandArgument(0, "<ENVELOPE>")]
    [Description("The id of the waiting envelope (the envelope of a successor-refused alert: GET /api/v1/federation/alerts).")]
    public Guid Envelope { get; init; }
}

/// <summary><c>comity federation retry ID</c>: <c>POST /api/v1/federation/inbox/{id}/retry</c> (node administrators).</summary>
internal sealed class FederationRetryCommand(CliEnvironment environment) : AsyncCommand<FederationRetrySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, FederationRetrySettings settings, CancellationToken cancellationToken)
    {
        using var connection = FederationConnection.Resolve(settings, environment);
        if (connection is null)
        {
            return ExitCodes.Invalid;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/federation/inbox/{settings.Envelope:D}/retry");
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
            var root = document.RootElement;
            environment.Out.MarkupLineInterpolated($"[green]applied[/] {FederationTables.Text(root, "detail")}");
            return ExitCodes.Ok;
        }
        catch (JsonException e)
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] the node's answer is not a retry result ({e.Message}). Try --json to see it.");
            return ExitCodes.Failure;
        }
    }
}

internal static class FederationTables
{
    public static readonly string ReaderRoles = $"{Roles.NodeAdmin}, {Roles.Auditor} or {Roles.DutyOfficer}";

    public static int Write(CliEnvironment environment, string body, string title, string[] columns, Func<JsonElement, string[]> row)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));
            foreach (var column in columns)
            {
                table.AddColumn(column);
            }

            foreach (var item in document.RootElement.EnumerateArray())
            {
                table.AddRow([.. row(item).Select(Markup.Escape)]);
            }

            environment.Out.Write(table);
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] the node's answer is not a list ({e.Message}). Try --json to see it.");
            return ExitCodes.Failure;
        }
    }

    public static string Status(string status) => status switch
    {
        "delivered" => "[green]delivered[/]",
        "undeliverable" => "[red]undeliverable[/]",
        _ => "[yellow]" + Markup.Escape(status) + "[/]",
    };

    public static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString() ?? "",
                JsonValueKind.Null => "",
                _ => value.GetRawText(),
            }
            : "";
}

/// <summary>Like <see cref="NodeConnection.Resolve"/>, but the demo fallback uses the <c>admin</c> user of the node named by <c>--node-name</c> (default xa).</summary>
internal static class FederationConnection
{
    public static NodeConnection? Resolve(FederationSettings settings, CliEnvironment environment) =>
        NodeConnection.ResolveAsDemoAdmin(settings, environment, settings.NodeName, "xa");
}
