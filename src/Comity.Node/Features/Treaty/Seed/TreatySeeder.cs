using System.Globalization;
using Comity.Domain.Treaty;
using Comity.Node.Storage;
using NodaTime;

namespace Comity.Node.Features.Treaty.Seed;

/// <summary>
/// Seeds every node, Secretariat and State alike, with the signatures published by the UN Treaty
/// Collection (<see cref="TreatySource"/>): the treaty status is public and every node needs it to
/// answer "is the Convention in force between A and B". Idempotent: an instrument already stored
/// (same participant and kind) is not seeded again, so restarting a node or seeding a node whose
/// Secretariat already recorded some of these changes nothing.
/// </summary>
internal sealed partial class TreatySeeder(TreatyRegistry registry, ILogger<TreatySeeder> logger) : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var history = await registry.LoadHistoryAsync(cancellationToken);
        var missing = ReadSeed()
            .Where(i => !history.Instruments.Any(s => s.Participant == i.Participant && s.Kind == i.Kind))
            .ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var outcome = await registry.RecordAsync(missing, TreatySource.SeedFileName, recordedBy: null, cancellationToken);
        if (outcome.Error is { } refused)
        {
            // The seed is part of the build: if it breaks a rule against what is stored, it is a bug.
            throw new InvalidOperationException($"The treaty seed {TreatySource.SeedFileName} breaks a rule: {string.Join("; ", refused.RuleViolations)}");
        }

        LogSeeded(outcome.Value.Count, TreatySource.SeedFileName);
    }

    /// <summary>
    /// Reads the embedded CSV: <c>participant,signature_date,instrument_kind,instrument_date</c>, the
    /// participant by UN name, dates ISO 8601; an empty kind means only a signature is known.
    /// </summary>
    internal static IReadOnlyList<Instrument> ReadSeed()
    {
        using var stream = typeof(TreatySeeder).Assembly.GetManifestResourceStream($"{typeof(TreatySeeder).Namespace}.{TreatySource.SeedFileName}")
            ?? throw new InvalidOperationException($"The embedded seed {TreatySource.SeedFileName} is missing.");
        using var reader = new StreamReader(stream);
        var instruments = new List<Instrument>();
        var lines = reader.ReadToEnd().TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).Skip(1);
        foreach (var line in lines)
        {
            var fields = line.Split(',');
            if (fields.Length != 4 || !ParticipantCatalogue.TryFind(fields[0], out var participant))
            {
                throw new InvalidOperationException($"Bad seed line \"{line}\" in {TreatySource.SeedFileName}.");
            }

            if (fields[1].Length > 0)
            {
                instruments.Add(new Instrument(participant.Code, InstrumentKind.Signature, ParseDate(fields[1])));
            }

            if (fields[2].Length > 0)
            {
                if (!InstrumentKinds.TryParseKeyword(fields[2], out var kind))
                {
                    throw new InvalidOperationException($"Bad instrument kind in seed line \"{line}\".");
                }

                instruments.Add(new Instrument(participant.Code, kind, ParseDate(fields[3])));
            }
        }

        return instruments;
    }

    private static LocalDate ParseDate(string text) =>
        LocalDate.FromDateOnly(DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture));

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} treaty instrument(s) from {Source}")]
    private partial void LogSeeded(int count, string source);
}
