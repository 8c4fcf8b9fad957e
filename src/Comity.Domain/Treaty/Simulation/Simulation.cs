using System.Text;
using System.Text.Json;
using Comity.Domain.Treaty.Rules;
using NodaTime;

namespace Comity.Domain.Treaty.Simulation;

/// <summary>A participant for which the Convention enters into force in the scenario (even if it later denounces).</summary>
public sealed record SimulatedParty(string Participant, LocalDate InForceFrom, LocalDate? DenunciationEffective);

/// <summary>What the final clauses make of a scenario.</summary>
public sealed record SimulationResult(
    LocalDate? EntryIntoForce,
    LocalDate? AmendmentProposalsFrom,
    LocalDate? ProtocolThresholdReached,
    IReadOnlyList<SimulatedParty> Parties)
{
    /// <summary>
    /// <c>{"entryIntoForce":"2027-03-01"|null,"amendmentProposalsFrom":...,"protocolThresholdReached":...,
    /// "parties":[{"participant":"FR","inForceFrom":"2027-03-01","denunciationEffective":null}]}</c>
    /// </summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            WriteDate(writer, "entryIntoForce", EntryIntoForce);
            WriteDate(writer, "amendmentProposalsFrom", AmendmentProposalsFrom);
            WriteDate(writer, "protocolThresholdReached", ProtocolThresholdReached);
            writer.WriteStartArray("parties");
            foreach (var party in Parties)
            {
                writer.WriteStartObject();
                writer.WriteString("participant", party.Participant);
                WriteDate(writer, "inForceFrom", party.InForceFrom);
                WriteDate(writer, "denunciationEffective", party.DenunciationEffective);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteDate(Utf8JsonWriter writer, string name, LocalDate? date)
    {
        if (date is { } d)
        {
            writer.WriteString(name, d.Iso());
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}

/// <summary>Either a result, or every parse error, or the first instrument that breaks a rule with all its violations.</summary>
public sealed record SimulationOutcome(SimulationResult? Result, IReadOnlyList<ScenarioError> Errors)
{
    public bool Succeeded => Result is not null;
}

/// <summary>The offline what-if: run a scenario through the same rules and computations as the register.</summary>
public static class Simulation
{
    public static SimulationOutcome Run(string csv)
    {
        var parsed = ScenarioCsv.Parse(csv);
        return parsed.IsValid ? Run(parsed.Rows) : new SimulationOutcome(null, parsed.Errors);
    }

    public static SimulationOutcome Run(IEnumerable<ScenarioRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var history = TreatyHistory.Empty;
        foreach (var row in rows.OrderBy(r => r.Instrument, TreatyHistory.DepositOrder))
        {
            var recorded = TreatyHistory.TryRecord(history, row.Instrument);
            if (recorded.History is null)
            {
                return new SimulationOutcome(
                    null,
                    recorded.Violations.Select(v => new ScenarioError(row.Row, row.Line, v.Code, v.Message, v.Basis)).ToArray());
            }

            history = recorded.History;
        }

        return new SimulationOutcome(Summarize(history), []);
    }

    public static SimulationResult Summarize(TreatyHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var parties = history.Instruments
            .Where(i => i.Kind.IsConsentToBeBound())
            .Select(i => i.Participant)
            .Distinct()
            .Select(p => (Code: p, From: history.InForceFrom(p)))
            .Where(p => p.From is not null)
            .OrderBy(p => p.Code.Value, StringComparer.Ordinal)
            .Select(p => new SimulatedParty(p.Code.Value, p.From!.Value, history.DenunciationEffective(p.Code)))
            .ToArray();
        return new SimulationResult(history.EntryIntoForce, history.AmendmentProposalsFrom, history.ProtocolThresholdReached, parties);
    }
}
