using Comity.Domain.Legal;
using NodaTime;

namespace Comity.Domain.Treaty;

/// <summary>The dates derived from a set of instruments; computed once per history.</summary>
internal sealed record TreatyTimeline(
    LocalDate? EntryIntoForce,
    Instrument? Fortieth,
    IReadOnlyDictionary<ParticipantCode, LocalDate> InForceFrom,
    LocalDate? ProtocolThresholdReached)
{
    public static TreatyTimeline Compute(IReadOnlyList<Instrument> instruments)
    {
        var consents = instruments
            .Where(i => i.Kind.IsConsentToBeBound())
            .Order(TreatyHistory.DepositOrder)
            .ToArray();

        // Art. 65(1): the 40th counted instrument, organizations' instruments never counted.
        var fortiethIndex = -1;
        var counted = 0;
        for (var i = 0; i < consents.Length && fortiethIndex < 0; i++)
        {
            if (TreatyHistory.IsCounted(consents[i].Participant)
                && ++counted == ConventionNumbers.InstrumentsForEntryIntoForce.Value)
            {
                fortiethIndex = i;
            }
        }

        if (fortiethIndex < 0)
        {
            return new TreatyTimeline(null, null, new Dictionary<ParticipantCode, LocalDate>(), null);
        }

        var general = consents[fortiethIndex].Date.PlusDays(ConventionNumbers.DaysAfterFortiethInstrument.Value);

        // Art. 65(2): a deposit after the 40th (in deposit order, so also a same-day deposit ordered
        // after it) enters into force 30 days after deposit, but never before the general date.
        var inForce = new Dictionary<ParticipantCode, LocalDate>();
        for (var i = 0; i < consents.Length; i++)
        {
            var own = consents[i].Date.PlusDays(ConventionNumbers.DaysAfterLaterDeposit.Value);
            inForce[consents[i].Participant] = i <= fortiethIndex ? general : LocalDate.Max(own, general);
        }

        return new TreatyTimeline(general, consents[fortiethIndex], inForce, ProtocolThreshold(instruments, inForce));
    }

    /// <summary>First date on which the number of States for which the Convention is in force reaches sixty.</summary>
    private static LocalDate? ProtocolThreshold(IReadOnlyList<Instrument> instruments, Dictionary<ParticipantCode, LocalDate> inForce)
    {
        var changes = new SortedDictionary<LocalDate, int>();
        foreach (var (participant, from) in inForce)
        {
            if (!TreatyHistory.IsCounted(participant))
            {
                continue;
            }

            var denunciation = instruments.FirstOrDefault(i => i.Participant == participant && i.Kind == InstrumentKind.Denunciation);
            var until = denunciation is null ? (LocalDate?)null : TreatyHistory.EffectiveDate(denunciation);
            if (until is { } u && u <= from)
            {
                continue;
            }

            changes[from] = changes.GetValueOrDefault(from) + 1;
            if (until is { } end)
            {
                changes[end] = changes.GetValueOrDefault(end) - 1;
            }
        }

        var states = 0;
        foreach (var (date, delta) in changes)
        {
            states += delta;
            if (states >= ConventionNumbers.PartiesForProtocols.Value)
            {
                return date;
            }
        }

        return null;
    }
}
