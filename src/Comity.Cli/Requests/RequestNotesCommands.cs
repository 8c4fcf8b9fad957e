using System.ComponentModel;
using System.Globalization;
using Comity.Cli.Treaty;
using Comity.Node.Features.Requests.HandoverNotes;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Comity.Cli.Requests;

internal class RequestNotesSettings : RequestSettings
{
    [CommandOption("--limit <N>")]
    [Description("At most this many notes (default 50).")]
    public int? Limit { get; init; }

    public override ValidationResult Validate() =>
        Limit is < 1 or > 500 ? ValidationResult.Error("--limit is between 1 and 500.") : base.Validate();
}

internal sealed class RequestNotesAddSettings : RequestNotesSettings
{
    [CommandArgument(0, "<TEXT>")]
    [Description("The note for the next shift.")]
    public string Text { get; init; } = "";

    [CommandOption("--request <ID>")]
    [Description("A request the note is about (repeatable).")]
    public string[] Requests { get; init; } = [];

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Text))
        {
            return ValidationResult.Error("TEXT is required: what the next shift must know (handover.text-missing).");
        }

        var bad = Requests.FirstOrDefault(r => !Guid.TryParse(r, out _));
        return bad is not null ? ValidationResult.Error($"--request must be a request id, not '{bad}'.") : base.Validate();
    }
}

/// <summary><c>comity request notes</c>: <c>GET /api/v1/requests/handover-notes</c>, newest first.</summary>
internal sealed class RequestNotesCommand(CliEnvironment environment) : AsyncCommand<RequestNotesSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RequestNotesSettings settings, CancellationToken cancellationToken)
    {
        using var connection = RequestConnection.Resolve(settings, environment);
        if (connection is null)
        {
            return ExitCodes.Invalid;
        }

        var path = NodeConnection.WithQuery("api/v1/requests/handover-notes", ("limit", settings.Limit?.ToString(CultureInfo.InvariantCulture)));
        var answer = await RequestConnection.GetAsync(connection, environment, path, RequestConnection.ReadRoles, cancellationToken);
        if (answer.Body is not { } body)
        {
            return answer.ExitCode;
        }

        if (settings.Json)
        {
            environment.WriteMachineOutput(body);
            return ExitCodes.Ok;
        }

        if (RequestJson.Read<HandoverNotesResponse>(body, environment) is not { } notes)
        {
            return ExitCodes.Failure;
        }

        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"Handover notes at {connection.Node}, newest first"));
        table.AddColumn("Written (UTC)");
        table.AddColumn("By");
        table.AddColumn("Note");
        table.AddColumn("Requests");
        foreach (var note in notes.Items)
        {
            table.AddRow(
                Markup.Escape(RequestView.Instant(note.WrittenAt, null)),
                Markup.Escape(note.Author),
                Markup.Escape(note.Text),
                Markup.Escape(string.Join(", ", note.RequestIds.Select(id => id.ToString("D")))));
        }

        if (notes.Items.Count == 0)
        {
            table.AddRow("none", "", "", "");
        }

        environment.Out.Write(table);
        return ExitCodes.Ok;
    }
}

/// <summary><c>comity request notes add TEXT</c>: <c>POST /api/v1/requests/handover-notes</c>.</summary>
internal sealed class RequestNotesAddCommand(CliEnvironment environment) : AsyncCommand<RequestNotesAddSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RequestNotesAddSettings settings, CancellationToken cancellationToken)
    {
        using var connection = RequestConnection.Resolve(settings, environment);
        if (connection is null)
        {
            return ExitCodes.Invalid;
        }

        var input = new HandoverNoteInput(settings.Text, settings.Requests.Length == 0 ? null : [.. settings.Requests.Select(Guid.Parse)]);
        var answer = await RequestConnection.PostAsync(connection, environment, "api/v1/requests/handover-notes", input, RequestConnection.ActRoles, cancellationToken);
        if (answer.Body is not { } body)
        {
            return answer.ExitCode;
        }

        if (settings.Json)
        {
            environment.WriteMachineOutput(body);
            return ExitCodes.Ok;
        }

        if (RequestJson.Read<HandoverNoteDto>(body, environment) is not { } note)
        {
            return ExitCodes.Failure;
        }

        environment.Out.MarkupLineInterpolated($"[green]Note kept[/] for the next shift ({note.Id}, by {note.Author} at {RequestView.Instant(note.WrittenAt, null)}).");
        return ExitCodes.Ok;
    }
}
