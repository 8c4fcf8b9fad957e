using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Comity.Domain.Legal;
using Comity.Node.Identity;
using NodaTime.Text;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Rendering;

namespace Comity.Cli.Treaty;

internal sealed class TreatyStatusSettings : NodeSettings
{
    [CommandOption("--as-of <DATE>")]
    [Description("The status on this date (yyyy-MM-dd); default today on the node.")]
    public string? AsOf { get; init; }

    public override ValidationResult Validate() =>
        AsOf is not null && !LocalDatePattern.Iso.Parse(AsOf).Success
            ? ValidationResult.Error($"--as-of must be a date written yyyy-MM-dd, not '{AsOf}'.")
            : base.Validate();
}

/// <summary><c>comity treaty status</c>: <c>GET /api/v1/treaty/status</c>, shown as a panel or passed through as JSON.</summary>
internal sealed class TreatyStatusCommand(CliEnvironment environment) : AsyncCommand<TreatyStatusSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, TreatyStatusSettings settings, CancellationToken cancellationToken)
    {
        using var connection = NodeConnection.Resolve(settings, environment);
        if (connection is null)
        {
            return ExitCodes.Invalid;
        }

        var path = NodeConnection.WithQuery("api/v1/treaty/status", ("asOf", settings.AsOf));
        return await connection.ShowAsync(path, $"any signed-in user's ({Roles.All[0]}, {Roles.SecretariatOfficer}, …)", settings.Json, Show, cancellationToken);
    }

    private int Show(string body)
    {
        try
        {
            using var status = JsonDocument.Parse(body);
            environment.Out.Write(Render(status.RootElement));
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] the node's answer is not a treaty status ({e.Message}). Try --json to see it.");
            return ExitCodes.Failure;
        }
    }

    internal static IRenderable Render(JsonElement status)
    {
        var counts = new Grid().AddColumn().AddColumn(new GridColumn().RightAligned());
        counts.AddRow("Signatories", Number(status, "signatories"));
        counts.AddRow("Instruments of consent deposited", Number(status, "consentInstruments"));
        counts.AddRow("Parties for which it is in force", Number(status, "partiesInForce"));

        var rows = new List<IRenderable>
        {
            counts,
            new Text(""),
            Progress(status, "towardEntryIntoForce", "Toward entry into force", ConventionNumbers.InstrumentsForEntryIntoForce),
            Progress(status, "towardProtocols", "Toward protocols (States Parties)", ConventionNumbers.PartiesForProtocols),
            new Text(""),
            Dates(status),
        };

        if (status.TryGetProperty("timeline", out var timeline) && timeline.ValueKind == JsonValueKind.Array && timeline.GetArrayLength() > 0)
        {
            rows.Add(Timeline(timeline));
        }

        if (status.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.Object)
        {
            var text = $"Source: {Text(source, "name") ?? "unknown"}"
                + (Text(source, "statusDate") is { } date ? $", status of {date}" : "")
                + (Text(source, "url") is { } url ? $" — {url}" : "")
                + (Text(source, "note") is { } note ? $"\n{note}" : "");
            rows.Add(new Text(text, new Style(decoration: Decoration.Italic)));
        }

        return new Panel(new Rows(rows))
            .Header($"The Convention as of {Markup.Escape(Text(status, "asOf") ?? "today")}")
            .Border(BoxBorder.Rounded);
    }

    private static Rows Progress(JsonElement status, string property, string label, CitedNumber number)
    {
        var count = 0;
        var threshold = number.Value;
        var basis = number.Basis.ToString();
        if (status.TryGetProperty(property, out var toward) && toward.ValueKind == JsonValueKind.Object)
        {
            count = toward.TryGetProperty("count", out var c) && c.TryGetInt32(out var ci) ? ci : 0;
            threshold = toward.TryGetProperty("threshold", out var t) && t.TryGetInt32(out var ti) ? ti : threshold;
            basis = Text(toward, "basis") ?? basis;
        }

        var chart = new BreakdownChart()
            .Width(60)
            .UseValueFormatter(v => v.ToString("0", CultureInfo.InvariantCulture))
            .AddItem("counted", Math.Min(count, threshold), Color.Green)
            .AddItem("to go", Math.Max(0, threshold - count), Color.Grey);
        var caption = string.Create(CultureInfo.InvariantCulture, $"{label}: {count} of {threshold} ({basis})");
        return new Rows(new Text(caption), chart);
    }

    private static Table Dates(JsonElement status)
    {
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("Date");
        table.AddColumn("When");
        table.AddColumn("Basis");
        if (status.TryGetProperty("thresholds", out var thresholds) && thresholds.ValueKind == JsonValueKind.Array && thresholds.GetArrayLength() > 0)
        {
            foreach (var threshold in thresholds.EnumerateArray())
            {
                table.AddRow(Markup.Escape(ThresholdLabel(Text(threshold, "name"))), Markup.Escape(Text(threshold, "date") ?? "not yet"), Markup.Escape(Text(threshold, "basis") ?? ""));
            }
        }
        else
        {
            table.AddRow("Entry into force", Markup.Escape(Text(status, "entryIntoForce") ?? "not yet"), ConventionNumbers.DaysAfterFortiethInstrument.Basis.ToString());
            table.AddRow("Amendments may be proposed from", Markup.Escape(Text(status, "amendmentProposalsFrom") ?? "not yet"), ConventionNumbers.AmendmentBarYears.Basis.ToString());
            table.AddRow("Sixty States Parties (protocols)", Markup.Escape(Text(status, "protocolThresholdReached") ?? "not yet"), ConventionNumbers.PartiesForProtocols.Basis.ToString());
        }

        return table;
    }

    private static string ThresholdLabel(string? name) => name switch
    {
        "fortiethInstrument" => "Fortieth instrument deposited",
        "entryIntoForce" => "Entry into force",
        "amendmentProposals" => "Amendments may be proposed from",
        "protocolThreshold" => "Sixty States Parties (protocols)",
        _ => name ?? "",
    };

    /// <summary>The latest entries of the timeline as the node sends them: one column per property of the first entry.</summary>
    private static Table Timeline(JsonElement timeline)
    {
        const int Shown = 10;
        var entries = timeline.EnumerateArray().ToArray();
        var earlier = Math.Max(0, entries.Length - Shown);
        var table = new Table().Border(TableBorder.Simple).Title(earlier > 0
            ? string.Create(CultureInfo.InvariantCulture, $"Timeline: latest {Shown} of {entries.Length}")
            : "Timeline");
        var columns = entries[0].ValueKind == JsonValueKind.Object ? entries[0].EnumerateObject().Select(p => p.Name).ToArray() : ["entry"];
        foreach (var column in columns)
        {
            table.AddColumn(Markup.Escape(column));
        }

        foreach (var entry in entries.Skip(earlier))
        {
            table.AddRow(entry.ValueKind == JsonValueKind.Object
                ? [.. columns.Select(c => Markup.Escape(entry.TryGetProperty(c, out var v) ? Display(v) : ""))]
                : [Markup.Escape(Display(entry))]);
        }

        return table;
    }

    private static string Display(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Null => "—",
        _ => value.GetRawText(),
    };

    private static string Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetRawText() : "—";

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
