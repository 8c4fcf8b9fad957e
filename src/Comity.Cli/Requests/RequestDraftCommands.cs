using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using Comity.Node.Features.Requests.Show;
using Comity.Node.Features.Requests.Validate;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Comity.Cli.Requests;

/// <summary>A draft from <c>--file</c>, with the common fields overridable by flags.</summary>
internal sealed class RequestDraftSettings : RequestSettings
{
    [CommandOption("--file <DRAFT.json>")]
    [Description("The draft as JSON (the body of POST /api/v1/requests: kind, requestedState, legalBasis, original, contents, conditions…). Flags below override its fields.")]
    public string? File { get; init; }

    [CommandOption("--kind <KIND>")]
    [Description("expeditedPreservation, expeditedDisclosureOfTrafficData, emergencyDisclosure, locateSuspect, technicalAdvice or legalInformation (comity request kinds).")]
    public string? Kind { get; init; }

    [CommandOption("--to <STATE>")]
    [Description("The requested State (two capital letters); its 24/7 point of contact receives the request (Art. 41(1)).")]
    public string? To { get; init; }

    [CommandOption("--basis <BASIS>")]
    [Description("The legal basis (Art. 35(1)): convention, bilateralTreaty, budapestConvention, reciprocity or otherInstrument.")]
    public string? Basis { get; init; }

    [CommandOption("--basis-reference <TEXT>")]
    [Description("The treaty or instrument's name (required for bilateralTreaty and otherInstrument).")]
    public string? BasisReference { get; init; }

    [CommandOption("--language <BCP47>")]
    [Description("The language of --text (e.g. en, fr, es).")]
    public string? Language { get; init; }

    [CommandOption("--text <TEXT>")]
    [Description("The request in its original language.")]
    public string? Text { get; init; }

    [CommandOption("--reference <TEXT>")]
    [Description("Your own case reference, shown to both sides.")]
    public string? Reference { get; init; }

    [CommandOption("--content <ITEM=TEXT>")]
    [Description("A content item, repeatable: --content offence=\"…\" --content dataToPreserve=\"…\" (items per kind: comity request kinds).")]
    public string[] Content { get; init; } = [];

    [CommandOption("--confidentiality <VALUE>")]
    [Description("none, confidential or doNotNotifyHolder (Arts. 40, 42).")]
    public string? Confidentiality { get; init; }

    [CommandOption("--use-limitation <VALUE>")]
    [Description("none, statedPurposeOnly or intelligenceOnly (Art. 40).")]
    public string? UseLimitation { get; init; }

    [CommandOption("--onward-transfer <VALUE>")]
    [Description("withPriorAuthorization (the floor, Art. 36(3)), withWrittenAuthorization or prohibited.")]
    public string? OnwardTransfer { get; init; }

    [CommandOption("--retention-days <N>")]
    [Description("Delete after at most this many days (Art. 36(1)).")]
    public int? RetentionDays { get; init; }

    public override ValidationResult Validate()
    {
        if (File is null && Kind is null && To is null && Text is null && Content.Length == 0)
        {
            return ValidationResult.Error("Give the draft: --file draft.json, or flags such as --kind, --to, --basis, --language, --text and --content item=text.");
        }

        var bad = Content.FirstOrDefault(c => c.IndexOf('=', StringComparison.Ordinal) <= 0);
        return bad is not null
            ? ValidationResult.Error($"--content takes ITEM=TEXT (e.g. --content offence=\"Art. 7 illegal access\"), not '{bad}'.")
            : base.Validate();
    }
}

/// <summary>Builds the draft's JSON from the file and the flags; null (after saying why) when the file cannot be used.</summary>
internal static class RequestDraftBuilder
{
    public static JsonObject? Build(RequestDraftSettings settings, CliEnvironment environment)
    {
        JsonObject draft;
        if (settings.File is { } file)
        {
            var path = Path.GetFullPath(Path.Combine(environment.WorkingDirectory, file));
            if (!System.IO.File.Exists(path))
            {
                environment.Error.MarkupLineInterpolated($"[red]error:[/] --file: {path} does not exist.");
                return null;
            }

            try
            {
                if (JsonNode.Parse(System.IO.File.ReadAllText(path)) is not JsonObject parsed)
                {
                    environment.Error.MarkupLineInterpolated($"[red]error:[/] --file: {path} must hold one JSON object (the draft), e.g. {{\"kind\": \"expeditedPreservation\", \"requestedState\": \"XB\", …}}.");
                    return null;
                }

                draft = parsed;
            }
            catch (JsonException e)
            {
                environment.Error.MarkupLineInterpolated($"[red]error:[/] --file: {path} is not valid JSON: {e.Message}");
                return null;
            }
        }
        else
        {
            draft = [];
        }

        Set(draft, "kind", settings.Kind);
        Set(draft, "requestedState", settings.To);
        Set(draft, "reference", settings.Reference);
        if (settings.Basis is not null || settings.BasisReference is not null)
        {
            var basis = Child(draft, "legalBasis");
            Set(basis, "kind", settings.Basis);
            Set(basis, "reference", settings.BasisReference);
        }

        if (settings.Language is not null || settings.Text is not null)
        {
            var original = Child(draft, "original");
            Set(original, "language", settings.Language);
            Set(original, "text", settings.Text);
        }

        if (settings.Content.Length > 0)
        {
            var contents = Child(draft, "contents");
            foreach (var pair in settings.Content)
            {
                var at = pair.IndexOf('=', StringComparison.Ordinal);
                contents[pair[..at].Trim()] = pair[(at + 1)..];
            }
        }

        if (settings.Confidentiality is not null || settings.UseLimitation is not null || settings.OnwardTransfer is not null || settings.RetentionDays is not null)
        {
            var conditions = Child(draft, "conditions");
            Set(conditions, "confidentiality", settings.Confidentiality);
            Set(conditions, "useLimitation", settings.UseLimitation);
            Set(conditions, "onwardTransfer", settings.OnwardTransfer);
            if (settings.RetentionDays is { } days)
            {
                conditions["retentionDays"] = days;
            }
        }

        return draft;
    }

    private static void Set(JsonObject target, string name, string? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }

    private static JsonObject Child(JsonObject parent, string name)
    {
        if (parent[name] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[name] = created;
        return created;
    }
}

/// <summary><c>comity request validate</c>: <c>POST /api/v1/requests/validate</c>; lists every problem; exit 2 when invalid.</summary>
internal sealed class RequestValidateCommand(CliEnvironment environment) : AsyncCommand<RequestDraftSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RequestDraftSettings settings, CancellationToken cancellationToken)
    {
        if (RequestDraftBuilder.Build(settings, environment) is not { } draft)
        {
            return ExitCodes.Invalid;
        }

        using var connection = RequestConnection.Resolve(settings, environment);
        if (connection is null)
        {
            return ExitCodes.Invalid;
        }

        var answer = await RequestConnection.PostAsync(connection, environment, "api/v1/requests/validate", draft, RequestConnection.ActRoles, cancellationToken);
        if (answer.Body is not { } body)
        {
            return answer.ExitCode;
        }

        if (RequestJson.Read<RequestValidationResult>(body, environment) is not { } result)
        {
            return ExitCodes.Failure;
        }

        if (settings.Json)
        {
            environment.WriteMachineOutput(body);
        }
        else
        {
            RequestDraftView.Write(environment, result);
        }

        return result.Valid ? ExitCodes.Ok : ExitCodes.Invalid;
    }
}

/// <summary><c>comity request submit</c>: <c>POST /api/v1/requests</c>; a refused draft lists every problem and sends nothing.</summary>
internal sealed class RequestSubmitCommand(CliEnvironment environment) : AsyncCommand<RequestDraftSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, RequestDraftSettings settings, CancellationToken cancellationToken) =>
        RequestDraftBuilder.Build(settings, environment) is not { } draft
            ? Task.FromResult(ExitCodes.Invalid)
            : RequestPost.RunAsync<RequestDetail>(settings, environment, "api/v1/requests", draft, RequestConnection.ActRoles, detail =>
            {
                environment.Out.MarkupLineInterpolated($"[green]Submitted[/] {detail.Header.Kind} ({detail.Header.Article}) to {detail.Header.RequestedState}: [bold]{detail.Header.Id}[/]");
                RequestDetailView.WriteSummary(environment, detail);
            }, cancellationToken, "Nothing was stored or sent. [bold]comity request validate[/] checks a draft without sending it.");
}

internal static class RequestDraftView
{
    public static void Write(CliEnvironment environment, RequestValidationResult result)
    {
        var output = environment.Out;
        output.MarkupLine(result.Valid ? "[green]✓ The draft is complete:[/] it may be submitted." : $"[red]✗ The draft cannot be submitted:[/] {result.Problems.Count} problem{(result.Problems.Count == 1 ? "" : "s")}.");
        if (result.Problems.Count > 0)
        {
            output.Write(Problems("Problems", result.Problems));
        }

        if (result.Warnings.Count > 0)
        {
            output.Write(Problems("Warnings", result.Warnings));
        }

        if (result.Routing is { } routing)
        {
            var table = RequestView.Pairs($"Routing to {routing.State}");
            RequestView.Pair(table, "24/7 point of contact", routing.Office ?? "none designated (Art. 41(1))");
            RequestView.Pair(table, "On duty now", routing.OfficerOnDuty ?? "nobody on the roster");
            RequestView.Pair(table, "Accepted languages", string.Join(", ", routing.AcceptedLanguages));
            RequestView.Pair(table, "Time zone", routing.TimeZone);
            RequestView.Pair(table, "Convention in force", (routing.ConventionInForce ? "yes. " : "no. ") + routing.InForceReason);
            RequestView.Pair(table, "Register serial", routing.RegisterSerial?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            output.Write(table);
        }
    }

    private static Table Problems(string title, IReadOnlyList<RequestProblemDto> problems)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(title);
        table.AddColumn("Field");
        table.AddColumn("Code");
        table.AddColumn("Article");
        table.AddColumn("Problem");
        foreach (var p in problems)
        {
            table.AddRow(Markup.Escape(p.Field), Markup.Escape(p.Code), Markup.Escape(p.Article), Markup.Escape(p.Message));
        }

        return table;
    }
}
