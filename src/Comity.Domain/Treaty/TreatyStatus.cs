using Comity.Domain.Legal;
using NodaTime;

namespace Comity.Domain.Treaty;

/// <summary>Where one participant stands; dates after the status date are projections.</summary>
public sealed record ParticipantStatus(
    ParticipantCode Code,
    LocalDate? SignedOn,
    InstrumentKind? ConsentKind,
    LocalDate? ConsentDeposited,
    LocalDate? InForceFrom,
    LocalDate? DenunciationReceived,
    LocalDate? DenunciationEffective)
{
    public bool IsPartyOn(LocalDate on) =>
        InForceFrom is { } from && from <= on && (DenunciationEffective is not { } until || on < until);
}

/// <summary>The state of the Convention as known on <see cref="AsOf"/> (see <see cref="TreatyHistory.Status"/>).</summary>
public sealed record TreatyStatus(
    LocalDate AsOf,
    int Signatories,
    int ConsentInstrumentsDeposited,
    int InstrumentsCountedForEntryIntoForce,
    int PartiesInForce,
    int StatesInForce,
    LocalDate? EntryIntoForce,
    LocalDate? AmendmentProposalsFrom,
    LocalDate? ProtocolThresholdReached,
    IReadOnlyList<ParticipantStatus> Participants)
{
    /// <summary>Instruments needed for entry into force (Art. 65(1)).</summary>
    public static int InstrumentsForEntryIntoForce => ConventionNumbers.InstrumentsForEntryIntoForce.Value;

    /// <summary>States needed before protocols may be considered (Art. 62(1)).</summary>
    public static int StatesForProtocols => ConventionNumbers.PartiesForProtocols.Value;

    /// <summary>Share of the forty instruments deposited, between 0 and 1.</summary>
    public double ProgressTowardEntryIntoForce =>
        Math.Min(1.0, InstrumentsCountedForEntryIntoForce / (double)InstrumentsForEntryIntoForce);

    /// <summary>Share of the sixty States in force, between 0 and 1.</summary>
    public double ProgressTowardProtocols => Math.Min(1.0, StatesInForce / (double)StatesForProtocols);

    public ParticipantStatus? Of(ParticipantCode code) => Participants.FirstOrDefault(p => p.Code == code);

    /// <summary>Whether both are parties on <see cref="AsOf"/>.</summary>
    public bool IsInForceBetween(ParticipantCode a, ParticipantCode b) =>
        a != b && Of(a)?.IsPartyOn(AsOf) == true && Of(b)?.IsPartyOn(AsOf) == true;
}
