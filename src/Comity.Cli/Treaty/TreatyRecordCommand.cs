using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Comity.Domain.Treaty;
using Comity.Node.Identity;
using NodaTime.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Comity.Cli.Treaty;

internal sealed class TreatyRecordSettings : NodeSettings
{
    [CommandOption("--participant <CODE>", isRequired: true)]
    [Description("ISO 3166-1 alpha-2 code (or UN short name) of the State, or EU.")]
    public required string Participant { get; init; }

    [CommandOption("--kind <KIND>", isRequired: true)]
    [Description("signature, ratification, acceptance, approval, accession or denunciation.")]
    public required string Kind { get; init; }

    [CommandOption("--date <DATE>", isRequired: true)]
    [Description("Date of signature, deposit or receipt of the denunciation (yyyy-MM-dd).")]
    public required string Date { get; init; }

    [CommandOption("--notification <REF>")]
    [Description("Depositary notification, e.g. C.N.196.2025.TREATIES-XVIII.16.")]
    public string? Notification { get; init; }

    public override ValidationResult Validate()
    {
        if (!InstrumentKinds.TryParseKeyword(Kind, out _))
        {
            return ValidationResult.Error($"--kind must be signature, ratification, acceptance, approval, accession or denunciation, not '{Kind}'.");
        }

        if (!LocalDatePattern.Iso.Parse(Date).Success)
        {
            return ValidationResult.Error($"--date must be a date written yyyy-MM-dd, not '{Date}'.");
        }

        return string.IsNullOrWhiteSpace(Participant) ? ValidationResult.Error("--participant must name a State or EU.") : base.Validate();
    }
}

/// <summary><c>comity treaty record</c>: <c>POST /api/v1/treaty/instruments</c> on the Secretariat node.</summary>
internal sealed class TreatyRecordCommand(CliEnvironment environment) : AsyncCommand<TreatyRecordSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, TreatyRecordSettings settings, CancellationToken cancellationToken)
    {
        using var connection = NodeConnection.Resolve(settings, environment);
        if (connection is null)
        {
            return ExitCodes.Invalid;
        }

        if (!InstrumentKinds.TryParseKeyword(settings.Kind, out var kind))
        {
            throw new UnreachableException("--kind was validated.");
        }

        // A known name becomes its code; anything else goes as typed and the node says what is wrong.
        var participant = ParticipantCatalogue.TryFind(settings.Participant, out var known) ? known.Code.Value : settings.Participant.Trim();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/treaty/instruments")
        {
            Content = JsonContent.Create(new RecordInstrumentBody(participant, kind.ToKeyword(), settings.Date, settings.Notification)),
        };
        var answer = await connection.ExchangeAsync(request, Roles.SecretariatOfficer, cancellationToken);
        if (answer.Body is not { } body)
        {
            return answer.ExitCode;
        }

        if (settings.Json)
        {
            environment.WriteMachineOutput(body);
            return ExitCodes.Ok;
        }

        var table = new Table().Border(TableBorder.Rounded).Title("Recorded").HideHeaders();
        table.AddColumn("Field");
        table.AddColumn("Value");
        try
        {
            using var record = JsonDocument.Parse(body);
            if (record.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in record.RootElement.EnumerateObject())
                {
                    var value = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() ?? "" : property.Value.GetRawText();
                    table.AddRow(Markup.Escape(property.Name), Markup.Escape(value));
                }
            }
        }
        catch (JsonException)
        {
            table.AddRow("response", Markup.Escape(body));
        }

        environment.Out.Write(table);
        return ExitCodes.Ok;
    }

    private sealed record RecordInstrumentBody(
        [property: JsonPropertyName("participant")] string Participant,
        [property: JsonPropertyName("kind")] string Kind,
        [property: JsonPropertyName("date")] string Date,
        [property: JsonPropertyName("depositaryNotification")] string? DepositaryNotification);
}
