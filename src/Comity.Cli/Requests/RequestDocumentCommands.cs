using System.ComponentModel;
using System.Text.Json;
using Comity.Node.Features.Requests.Document;
using Comity.Node.Features.Requests.Show;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Comity.Cli.Requests;

internal sealed class RequestVerifyDocumentSettings : RequestSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("The PDF of a formal document (GET /api/v1/requests/{id}/document.pdf or an answer's).")]
    public string File { get; init; } = "";
}

internal sealed class RequestDocumentSettings : RequestSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The request's id (as comity request list shows it).")]
    public string Id { get; init; } = "";

    [CommandOption("--answer <INDEX>")]
    [Description("The formal document of the answer at this event index (a partiallyExecuted or executed event, as comity request show lists them) instead of the request's.")]
    public int? Answer { get; init; }

    [CommandOption("--out <FILE>")]
    [Description("Where to write the PDF; default request-ID.pdf (request-ID-answer-INDEX.pdf) in the current folder.")]
    public string? Out { get; init; }

    public override ValidationResult Validate() =>
        !Guid.TryParse(Id, out _) ? ValidationResult.Error($"ID must be a request id such as 0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11, not '{Id}'.")
            : Answer is < 0 ? ValidationResult.Error("--answer is an event index: 0 or more.")
            : base.Validate();
}

/// <summary><c>comity request document ID [--answer INDEX] [--out FILE]</c>: downloads a formal document (PDF).</summary>
internal sealed class RequestDocumentCommand(CliEnvironment environment) : AsyncCommand<RequestDocumentSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RequestDocumentSettings settings, CancellationToken cancellationToken)
    {
        using var connection = RequestConnection.Resolve(settings, environment);
        if (connection is null)
        {
            return ExitCodes.Invalid;
        }

        var id = Guid.Parse(settings.Id);
        var (path, name) = settings.Answer is { } index
            ? ($"api/v1/requests/{id:D}/answers/{index}/document.pdf", $"request-{id:D}-answer-{index}.pdf")
            : ($"api/v1/requests/{id:D}/document.pdf", $"request-{id:D}.pdf");
        var (bytes, exit) = await connection.DownloadAsync(path, RequestConnection.ReadRoles, cancellationToken);
        if (bytes is null)
        {
            return exit;
        }

        var file = Path.GetFullPath(Path.Combine(environment.WorkingDirectory, settings.Out ?? name));
        await System.IO.File.WriteAllBytesAsync(file, bytes, cancellationToken);
        if (settings.Json)
        {
            environment.WriteMachineOutput(JsonSerializer.Serialize(new { file, bytes = bytes.Length }, RequestJson.Options));
        }
        else
        {
            environment.Out.MarkupLineInterpolated($"Wrote {file} ({bytes.Length} bytes). Check a printout with: comity request verify-document {Path.GetFileName(file)}");
        }

        return ExitCodes.Ok;
    }
}

/// <summary>What <c>comity request verify-document --json</c> prints.</summary>
/// <param name="Matches">Whether every finding is good: the digests are those of the signed history the node holds and it verified the signatures.</param>
internal sealed record VerifyDocumentOutput(string File, string Mark, Guid RequestId, int? AnswerIndex, bool Matches, IReadOnlyList<FormalDocumentFinding> Findings);

/// <summary>
/// <c>comity request verify-document FILE.pdf</c>: reads the mark a formal document carries (request id, SHA-256 of the
/// signed submission and of the answer), fetches the request's signed history from the node and compares. Exit 0 when
/// the document matches, 1 when it does not (or the node holds no such request for this user), 2 for a file that is
/// not a Comity formal document.
/// </summary>
internal sealed class RequestVerifyDocumentCommand(CliEnvironment environment) : AsyncCommand<RequestVerifyDocumentSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RequestVerifyDocumentSettings settings, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(Path.Combine(environment.WorkingDirectory, settings.File));
        if (!System.IO.File.Exists(path))
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] no file {path}.");
            return ExitCodes.Invalid;
        }

        FormalDocumentMark? mark;
        await using (var pdf = System.IO.File.OpenRead(path))
        {
            mark = FormalDocumentMark.Read(pdf);
        }

        if (mark is null)
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] {path} is not a Comity formal document: it is not a PDF, or its properties hold no {FormalDocumentMark.PdfProperty} (comity:request:ID:sha256:DIGEST).");
            return ExitCodes.Invalid;
        }

        using var connection = RequestConnection.Resolve(settings, environment);
        if (connection is null)
        {
            return ExitCodes.Invalid;
        }

        var answer = await RequestConnection.GetAsync(connection, environment, $"api/v1/requests/{mark.RequestId:D}", RequestConnection.ReadRoles, cancellationToken);
        if (answer.Body is not { } body)
        {
            environment.Error.MarkupLineInterpolated($"The document names request {mark.RequestId:D}: it cannot be checked against {connection.Node}.");
            return ExitCodes.Failure;
        }

        if (RequestJson.Read<RequestDetail>(body, environment) is not { } detail)
        {
            return ExitCodes.Failure;
        }

        var findings = FormalDocumentCheck.Check(mark, detail);
        var matches = findings.All(f => f.Ok);
        if (settings.Json)
        {
            environment.WriteMachineOutput(JsonSerializer.Serialize(new VerifyDocumentOutput(path, mark.ToString(), mark.RequestId, mark.AnswerIndex, matches, findings), RequestJson.Options));
            return matches ? ExitCodes.Ok : ExitCodes.Failure;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"{Path.GetFileName(path)}: request {mark.RequestId:D}" + (mark.AnswerIndex is { } index ? $", answer (event {index})" : "") + $" at {connection.Node}"));
        table.AddColumn("");
        table.AddColumn("Finding");
        table.AddColumn("Code");
        foreach (var finding in findings)
        {
            table.AddRow(finding.Ok ? "[green]✓[/]" : "[red]✗[/]", Markup.Escape(finding.Message), Markup.Escape(finding.Code));
        }

        environment.Out.Write(table);
        environment.Out.MarkupLine(matches
            ? "[green]Match:[/] the document is what the node's signed history holds."
            : "[red]Mismatch:[/] the document is not what the node's signed history holds.");
        return matches ? ExitCodes.Ok : ExitCodes.Failure;
    }
}
