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
