using System.Collections.Immutable;
using Comity.Domain.Legal;
using Comity.Domain.Treaty.Rules;
using NodaTime;

namespace Comity.Domain.Treaty;

/// <summary>
/// The register of signatures, instruments and denunciations, and everything the final clauses derive
/// from it: entry into force (Art. 65), later joiners, denunciation (Art. 67), amendments (Art. 66) and
/// the protocol threshold (Art. 62). Immutable; new instruments go through <see cref="TryRecord"/>,
/// which runs every rule in <see cref="TreatyRules.All"/>.
/// </summary>
/// <remarks>
/// Deposit order: by date; on the same date States before organizations, signatures before consent
/// before denunciations, then by participant code (ordinal). The UN Treaty Collection does not record
/// the order within a day, so the code is a deterministic tie-break: it decides which same-day deposit
/// is "the fortieth" and which comes "after" it, but never changes the entry-into-force date.
/// </remarks>
public sealed class TreatyHistory
{
    private readonly ImmutableArray<Instrument> _instruments;
    private readonly Lazy<TreatyTimeline> _timeline;

    private TreatyHistory(ImmutableArray<Instrument> instruments)
    {
        _instruments = instruments;
        _timeline = new Lazy<TreatyTimeline>(() => TreatyTimeline.Compute(_instruments));
    }

    public static TreatyHistory Empty { get; } = new([]);

    /// <summary>The deposit order described on the type.</summary>
    public static IComparer<Instrument> DepositOrder { get; } = Comparer<Instrument>.Create(CompareDepositOrder);

    /// <summary>Instruments in the order they were recorded.</summary>
    public IReadOnlyList<Instrument> Instruments => _instruments;

    /// <summary>Date on which the Convention enters into force generally (Art. 65(1)), once the fortieth counted instrument is in the history.</summary>
    public LocalDate? EntryIntoForce => _timeline.Value.EntryIntoForce;

    /// <summary>The fortieth instrument counted for entry into force (organizations' instruments are never counted).</summary>
    public Instrument? FortiethInstrument => _timeline.Value.Fortieth;

    /// <summary>First date on which amendments may be proposed: entry into force plus five years (Art. 66(1)).</summary>
    public LocalDate? AmendmentProposalsFrom =>
        EntryIntoForce?.PlusYears(ConventionNumbers.AmendmentBarYears.Value);

    /// <summary>First date on which the Convention is in force for sixty States (Art. 62(1)), or null.</summary>
    public LocalDate? ProtocolThresholdReached => _timeline.Value.ProtocolThresholdReached;

    public Instrument? SignatureOf(ParticipantCode participant) =>
        _instruments.FirstOrDefault(i => i.Participant == participant && i.Kind == InstrumentKind.Signature);

    public Instrument? ConsentOf(ParticipantCode participant) =>
        _instruments.FirstOrDefault(i => i.Participant == participant && i.Kind.IsConsentToBeBound());

    public Instrument? DenunciationOf(ParticipantCode participant) =>
        _instruments.FirstOrDefault(i => i.Participant == participant && i.Kind == InstrumentKind.Denunciation);

    /// <summary>When the Convention enters into force for the participant (Art. 65(1) or 65(2)), or null.</summary>
    public LocalDate? InForceFrom(ParticipantCode participant) =>
        _timeline.Value.InForceFrom.TryGetValue(participant, out var date) ? date : null;

    /// <summary>When the participant's denunciation takes effect: one year after receipt (Art. 67(1)).</summary>
    public LocalDate? DenunciationEffective(ParticipantCode participant) =>
        DenunciationOf(participant) is { } denunciation ? EffectiveDate(denunciation) : null;

    /// <summary>
    /// Whether the Convention is in force for the participant on the date: from its in-force date
    /// inclusive until its denunciation takes effect, exclusive. An EU member State is not made party
    /// by the EU's instrument; a State is party only through its own instrument.
    /// </summary>
    public bool IsParty(ParticipantCode participant, LocalDate on) =>
        InForceFrom(participant) is { } from && from <= on
        && (DenunciationEffective(participant) is not { } until || on < until);

    /// <summary>Whether the Convention is in force between two participants on the date (both are parties then).</summary>
    public bool IsInForceBetween(ParticipantCode a, ParticipantCode b, LocalDate on) =>
        a != b && IsParty(a, on) && IsParty(b, on);

    /// <summary>Checks every rule for the candidate and returns either the new history or every violation.</summary>
    public static TreatyRecordResult TryRecord(TreatyHistory current, Instrument candidate)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(candidate);
        var violations = TreatyRules.All.SelectMany(rule => rule.Check(current, candidate)).ToArray();
        return violations.Length == 0
            ? new TreatyRecordResult(new TreatyHistory(current._instruments.Add(candidate)), [])
            : new TreatyRecordResult(null, violations);
    }

    /// <summary>
    /// Records instruments in deposit order (see the type's remarks), stopping at the first one that
    /// breaks a rule and reporting it with all its violations.
    /// </summary>
    public static TreatyBuildResult Build(IEnumerable<Instrument> instruments)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        var history = Empty;
        foreach (var instrument in instruments.Order(DepositOrder))
        {
            var result = TryRecord(history, instrument);
            if (result.History is null)
            {
                return new TreatyBuildResult(null, instrument, result.Violations);
            }

            history = result.History;
        }

        return new TreatyBuildResult(history, null, []);
    }

    /// <summary>
    /// The register as known on <paramref name="asOf"/>: only instruments dated on or before it count,
    /// and dates that follow from them (entry into force, later joiners, denunciations taking effect)
    /// are projected even when they lie after <paramref name="asOf"/>. So the general entry-into-force
    /// date is reported once the fortieth instrument has been deposited, not before.
    /// </summary>
    public TreatyStatus Status(LocalDate asOf)
    {
        var known = new TreatyHistory(_instruments.Where(i => i.Date <= asOf).ToImmutableArray());
        var participants = known._instruments
            .Select(i => i.Participant)
            .Distinct()
            .OrderBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => new ParticipantStatus(
                p,
                known.SignatureOf(p)?.Date,
                known.ConsentOf(p)?.Kind,
                known.ConsentOf(p)?.Date,
                known.InForceFrom(p),
                known.DenunciationOf(p)?.Date,
                known.DenunciationEffective(p)))
            .ToArray();

        var counted = known._instruments.Count(i => i.Kind.IsConsentToBeBound() && IsCounted(i.Participant));
        var parties = participants.Where(p => p.IsPartyOn(asOf)).ToArray();
        return new TreatyStatus(
            asOf,
            Signatories: participants.Count(p => p.SignedOn is not null),
            ConsentInstrumentsDeposited: participants.Count(p => p.ConsentDeposited is not null),
            InstrumentsCountedForEntryIntoForce: counted,
            PartiesInForce: parties.Length,
            StatesInForce: parties.Count(p => IsCounted(p.Code)),
            known.EntryIntoForce,
            known.AmendmentProposalsFrom,
            known.ProtocolThresholdReached,
            participants);
    }

    internal static LocalDate EffectiveDate(Instrument denunciation) =>
        denunciation.Date.Plus(Period.FromYears(ConventionNumbers.DenunciationTakesEffectAfterYears.Value));

    /// <summary>Organizations' instruments do not count toward the forty (Art. 65(1)) nor the sixty (Art. 62(1)).</summary>
    internal static bool IsCounted(ParticipantCode participant) =>
        !ParticipantCatalogue.TryGet(participant, out var p) || p.IsState;

    private static int CompareDepositOrder(Instrument? x, Instrument? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var byDate = x.Date.CompareTo(y.Date);
        if (byDate != 0)
        {
            return byDate;
        }

        var byKindOfParticipant = IsCounted(y.Participant).CompareTo(IsCounted(x.Participant));
        if (byKindOfParticipant != 0)
        {
            return byKindOfParticipant;
        }

        var byKind = x.Kind.SameDayRank().CompareTo(y.Kind.SameDayRank());
        return byKind != 0 ? byKind : string.CompareOrdinal(x.Participant.Value, y.Participant.Value);
    }
}

/// <summary>Either the history with the instrument recorded, or every rule it breaks.</summary>
public sealed record TreatyRecordResult(TreatyHistory? History, IReadOnlyList<RuleViolation> Violations)
{
    public bool IsRecorded => History is not null;
}

/// <summary>Either the full history, or the first instrument (in deposit order) that broke a rule, with its violations.</summary>
public sealed record TreatyBuildResult(TreatyHistory? History, Instrument? FailedInstrument, IReadOnlyList<RuleViolation> Violations)
{
    public bool IsBuilt => History is not null;
}
