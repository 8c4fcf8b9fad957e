using System.Globalization;
using System.Text;
using Comity.Domain.Legal;
using NodaTime.Text;

namespace Comity.Domain.Treaty.Simulation;

/// <summary>One instrument read from a scenario file, with where it came from.</summary>
public sealed record ScenarioRow(int Row, int Line, Instrument Instrument);

/// <summary>
/// A problem with a scenario: where (data row, 1-based, not counting the header, and the file line,
/// 1-based), a stable code, a message, and the article when a rule of the Convention was broken.
/// </summary>
public sealed record ScenarioError(int? Row, int? Line, string Code, string Message, ArticleReference? Basis = null)
{
    public override string ToString()
    {
        var where = (Row, Line) switch
        {
            (int r, int l) => string.Create(CultureInfo.InvariantCulture, $"row {r} (line {l}): "),
            (null, int l) => string.Create(CultureInfo.InvariantCulture, $"line {l}: "),
            _ => string.Empty,
        };
        var basis = Basis is { } b ? $", {b}" : string.Empty;
        return $"{where}[{Code}{basis}] {Message}";
    }
}

public sealed record ScenarioParseResult(IReadOnlyList<ScenarioRow> Rows, IReadOnlyList<ScenarioError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Reads a what-if scenario: UTF-8 CSV with the header <c>participant,kind,date</c> (in that order),
/// then one instrument per row in any order. Participant is an alpha-2 code or a UN name (quote it if
/// it contains a comma); kind is signature, ratification, acceptance, approval, accession or
/// denunciation (any case); date is ISO 8601 <c>yyyy-MM-dd</c>. Surrounding whitespace, a BOM, CRLF
/// and blank lines are tolerated; quoted fields cannot span lines.
/// </summary>
public static class ScenarioCsv
{
    public static readonly string[] Header = ["participant", "kind", "date"];

    public static ScenarioParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.TrimStart('\uFEFF').Split('\n');
        var rows = new List<ScenarioRow>();
        var errors = new List<ScenarioError>();
        var headerSeen = false;
        var row = 0;
        for (var index = 0; index < lines.Length; index++)
        {
            var line = index + 1;
            var content = lines[index].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            if (!TrySplit(content, out var fields, out var splitError))
            {
                errors.Add(headerSeen
                    ? new ScenarioError(++row, line, "scenario.malformed-row", splitError)
                    : new ScenarioError(null, line, "scenario.bad-header", splitError));
                headerSeen = true;
                continue;
            }

            if (!headerSeen)
            {
                headerSeen = true;
                if (!fields.Select(f => f.ToUpperInvariant()).SequenceEqual(Header.Select(h => h.ToUpperInvariant()), StringComparer.Ordinal))
                {
                    errors.Add(new ScenarioError(null, line, "scenario.bad-header", $"The header must be \"participant,kind,date\", found \"{content.Trim()}\"."));
                }

                continue;
            }

            row++;
            if (ParseRow(fields, row, line, errors) is { } instrument)
            {
                rows.Add(new ScenarioRow(row, line, instrument));
            }
        }

        if (!headerSeen)
        {
            errors.Add(new ScenarioError(null, null, "scenario.bad-header", "The scenario is empty: the header \"participant,kind,date\" is required."));
        }

        return new ScenarioParseResult(rows, errors);
    }

    private static Instrument? ParseRow(List<string> fields, int row, int line, List<ScenarioError> errors)
    {
        if (fields.Count != Header.Length)
        {
            errors.Add(new ScenarioError(row, line, "scenario.wrong-field-count", $"Expected 3 fields (participant,kind,date), found {fields.Count.ToString(CultureInfo.InvariantCulture)}."));
            return null;
        }

        var ok = true;
        if (!ParticipantCatalogue.TryFind(fields[0], out var participant))
        {
            errors.Add(new ScenarioError(row, line, "scenario.unknown-participant", $"Unknown participant \"{fields[0]}\": use an ISO 3166-1 alpha-2 code, EU, or the UN short name."));
            ok = false;
        }

        if (!InstrumentKinds.TryParseKeyword(fields[1], out var kind))
        {
            errors.Add(new ScenarioError(row, line, "scenario.unknown-kind", $"Unknown kind \"{fields[1]}\": use signature, ratification, acceptance, approval, accession or denunciation."));
            ok = false;
        }

        var date = LocalDatePattern.Iso.Parse(fields[2]);
        if (!date.Success)
        {
            errors.Add(new ScenarioError(row, line, "scenario.bad-date", $"Bad date \"{fields[2]}\": use yyyy-MM-dd."));
            ok = false;
        }

        return ok ? new Instrument(participant!.Code, kind, date.Value) : null;
    }

    private static bool TrySplit(string line, out List<string> fields, out string error)
    {
        fields = [];
        error = string.Empty;
        var current = new StringBuilder();
        var i = 0;
        while (true)
        {
            while (i < line.Length && line[i] is ' ' or '\t')
            {
                i++;
            }

            if (i < line.Length && line[i] == '"')
            {
                i++;
                var closed = false;
                while (i < line.Length)
                {
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            current.Append('"');
                            i += 2;
                            continue;
                        }

                        closed = true;
                        i++;
                        break;
                    }

                    current.Append(line[i++]);
                }

                if (!closed)
                {
                    error = "A quoted field is not closed on this line.";
                    return false;
                }

                while (i < line.Length && line[i] is ' ' or '\t')
                {
                    i++;
                }

                if (i < line.Length && line[i] != ',')
                {
                    error = "Unexpected text after a quoted field.";
                    return false;
                }
            }
            else
            {
                while (i < line.Length && line[i] != ',')
                {
                    current.Append(line[i++]);
                }
            }

            fields.Add(current.ToString().Trim());
            current.Clear();
            if (i >= line.Length)
            {
                return true;
            }

            i++;
        }
    }
}
