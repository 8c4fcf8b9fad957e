using BenchmarkDotNet.Attributes;
using Comity.Domain.Treaty;
using NodaTime;

namespace Comity.Bench.Treaty;

/// <summary>
/// The treaty registry at full size: every one of the 196 participants signs and then ratifies or
/// accedes, some denounce. The node rebuilds this history on every status read and every recording,
/// so it must stay far below a request's budget. Baseline: only sorting the instruments in deposit
/// order, the least any computation over them must do.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TreatyRegistryBenchmarks
{
    private Instrument[] instruments = [];
    private TreatyHistory history = TreatyHistory.Empty;
    private ParticipantCode[] states = [];
    private readonly LocalDate asOf = new(2029, 1, 1);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var list = new List<Instrument>();
        var participants = ParticipantCatalogue.All.Where(p => p.Kind != ParticipantKind.RegionalEconomicIntegrationOrganization).ToList();
        var signingOpens = new LocalDate(2025, 10, 25);
        foreach (var participant in participants)
        {
            var signs = random.NextDouble() < 0.6;
            var signed = signingOpens.PlusDays(random.Next(0, 430));
            var consent = signed.PlusDays(random.Next(30, 700));
            if (signs)
            {
                list.Add(new Instrument(participant.Code, InstrumentKind.Signature, signed));
                list.Add(new Instrument(participant.Code, InstrumentKind.Ratification, consent));
            }
            else
            {
                list.Add(new Instrument(participant.Code, InstrumentKind.Accession, new LocalDate(2027, 1, 1).PlusDays(random.Next(0, 700))));
            }

            if (random.NextDouble() < 0.05)
            {
                list.Add(new Instrument(participant.Code, InstrumentKind.Denunciation, new LocalDate(2029, 6, 1).PlusDays(random.Next(0, 300))));
            }
        }

        instruments = [.. list.OrderBy(_ => random.Next())];
        history = TreatyHistory.Build(instruments).History ?? throw new InvalidOperationException("The synthetic history breaks a rule.");
        states = [.. participants.Select(p => p.Code)];
    }

    [Benchmark(Baseline = true, Description = "sort instruments in deposit order (baseline)")]
    public Instrument[] SortOnly() => [.. instruments.Order(TreatyHistory.DepositOrder)];

    [Benchmark(Description = "build history, checking every rule (≈320 instruments)")]
    public TreatyHistory? Build() => TreatyHistory.Build(instruments).History;

    [Benchmark(Description = "status as of a date (counts, dates, 196 participants)")]
    public TreatyStatus Status() => history.Status(asOf);

    [Benchmark(Description = "in force between A and B, 195×195 pairs")]
    public int InForceBetweenAllPairs()
    {
        var count = 0;
        foreach (var a in states)
        {
            foreach (var b in states)
            {
                if (history.IsInForceBetween(a, b, asOf))
                {
                    count++;
                }
            }
        }

        return count;
    }
}
