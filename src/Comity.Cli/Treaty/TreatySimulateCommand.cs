using System.ComponentModel;
using Comity.Domain.Legal;
using Comity.Domain.Treaty;
using Comity.Domain.Treaty.Simulation;
using NodaTime;
using NodaTime.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Comity.Cli.Treaty;

internal sealed class TreatySimulateSettings : CommandSettings
{
    [CommandArgument(0, "<SCENARIO.csv>")]
    [Description("UTF-8 CSV with the header participant,kind,date and one instrument per row, in any order.")]
    public required string Scenario { get; init; }

    [CommandOption("--json")]
    [Description("Print exactly one JSON object on standard output.")]
    public bool Json { get; init; }

    [CommandOption("--as-of <DATE>")]
    [Description("Only instruments dated on or before this date (yyyy-MM-dd) count; the dates that follow from them are still projected.")]
    public string? AsOf { get; init; }

    public override ValidationResult Validate() =>
        AsOf is not null && !LocalDatePattern.Iso.Parse(AsOf).Success
            ? ValidationResult.Error($"--as-of must be a date written yyyy-MM-dd, not '{AsOf}'.")
            : ValidationResult.Success();
}

/// <summary><c>comity treaty simulate</c>: the offline what-if, with the same rules and computations as the register.</summary>
internal sealed class TreatySimulateCommand(CliEnvironment environment) : AsyncCommand<TreatySimulateSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, TreatySimulateSettings settings, CancellationToken cancellationToken)
    {
        var path = Path.Combine(environment.WorkingDirectory, settings.Scenario);
        if (!File.Exists(path))
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] no scenario file at {path}");
            return ExitCodes.Invalid;
        }

        var parsed = ScenarioCsv.Parse(await File.ReadAllTextAsync(path, cancellationToken));
        var outcome = parsed.IsValid
            ? Simulation.Run(settings.AsOf is { } asOf ? parsed.Rows.Where(r => r.Instrument.Date <= LocalDatePattern.Iso.Parse(asOf).Value) : parsed.Rows)
            : new SimulationOutcome(null, parsed.Errors);
        if (outcome.Result is not { } result)
        {
            environment.Error.MarkupLineInterpolated($"[red]The scenario {settings.Scenario} is not possible:[/]");
            foreach (var error in outcome.Errors)
            {
                environment.Error.MarkupLineInterpolated($"  {error}");
            }

            return ExitCodes.Invalid;
        }

        if (settings.Json)
        {
            environment.WriteMachineOutput(result.ToJson());
        }
        else
        {
            Show(result, parsed.Rows.Count);
        }

        return ExitCodes.Ok;
    }

    private void Show(SimulationResult result, int instruments)
    {
        var output = environment.Out;
        var dates = new Table().Border(TableBorder.Rounded).Title("What the final clauses make of the scenario");
        dates.AddColumn("Date");
        dates.AddColumn("When");
        dates.AddColumn("Basis");
        dates.AddRow("Entry into force", Iso(result.EntryIntoForce), ConventionNumbers.DaysAfterFortiethInstrument.Basis.ToString());
        dates.AddRow("Amendments may be proposed from", Iso(result.AmendmentProposalsFrom), ConventionNumbers.AmendmentBarYears.Basis.ToString());
        dates.AddRow("Sixty States Parties (protocols)", Iso(result.ProtocolThresholdReached), ConventionNumbers.PartiesForProtocols.Basis.ToString());
        output.Write(dates);

        var parties = new Table().Border(TableBorder.Simple).Title(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Parties: {result.Parties.Count} (from {instruments} instruments)"));
        parties.AddColumn("Participant");
        parties.AddColumn("In force from");
        parties.AddColumn("Denunciation takes effect");
        foreach (var party in result.Parties)
        {
            parties.AddRow(Markup.Escape(Name(party.Participant)), Iso(party.InForceFrom), Iso(party.DenunciationEffective));
        }

        output.Write(parties);
        output.Write(Timeline(result));
    }

    private static Table Timeline(SimulationResult result)
    {
        var events = new List<(LocalDate Date, string Text)>();
        if (result.EntryIntoForce is { } general)
        {
            var first = result.Parties.Count(p => p.InForceFrom == general);
            events.Add((general, $"entry into force for {first} parties ({ConventionNumbers.DaysAfterFortiethInstrument.Basis})"));
        }

        foreach (var group in result.Parties.Where(p => p.InForceFrom != result.EntryIntoForce).GroupBy(p => p.InForceFrom))
        {
            events.Add((group.Key, $"in force for {string.Join(", ", group.Select(p => p.Participant))} ({ConventionNumbers.DaysAfterLaterDeposit.Basis})"));
        }

        foreach (var party in result.Parties.Where(p => p.DenunciationEffective is not null))
        {
            events.Add((party.DenunciationEffective!.Value, $"denunciation by {party.Participant} takes effect ({ConventionNumbers.DenunciationTakesEffectAfterYears.Basis})"));
        }

        if (result.ProtocolThresholdReached is { } sixty)
        {
            events.Add((sixty, $"sixty States Parties: protocols may be considered ({ConventionNumbers.PartiesForProtocols.Basis})"));
        }

        if (result.AmendmentProposalsFrom is { } amendments)
        {
            events.Add((amendments, $"amendments may be proposed ({ConventionNumbers.AmendmentBarYears.Basis})"));
        }

        var table = new Table().Border(TableBorder.None).Title("Timeline").HideHeaders();
        table.AddColumn("Date");
        table.AddColumn("");
        table.AddColumn("Event");
        foreach (var (date, text) in events.OrderBy(e => e.Date))
        {
            table.AddRow(Iso(date), "●", Markup.Escape(text));
        }

        return table;
    }

    private static string Name(string code) =>
        ParticipantCatalogue.TryFind(code, out var participant) ? $"{participant.UnName} ({code})" : code;

    internal static string Iso(LocalDate? date) =>
        date is { } d ? LocalDatePattern.Iso.Format(d) : "—";
}
