using Comity.Domain.Legal;

namespace Comity.Domain.Treaty.Rules;

/// <summary>Every rule checked when an instrument is recorded, in the order they run.</summary>
public static class TreatyRules
{
    public static IReadOnlyList<IInstrumentRule> All { get; } =
    [
        new ParticipantMustBeEligible(),
        new InstrumentsMustNotPrecedeOpening(),
        new SignatureOnlyWhileOpen(),
        new OneSignaturePerParticipant(),
        new ConsentRequiresPriorSignature(),
        new OneConsentInstrumentPerParticipant(),
        new ReioActsOnlyAfterAMemberState(),
        new DenunciationRequiresBeingParty(),
        new OneDenunciationPerParticipant(),
    ];
}

/// <summary>The Convention is open to States and regional economic integration organizations; the catalogue lists them.</summary>
public sealed class ParticipantMustBeEligible : IInstrumentRule
{
    public string Code => "treaty.unknown-participant";

    public ArticleReference Basis => Convention.Art(64, 1);

    public string Description => "Only a UN Member State, an observer State or the European Union can act under the Convention.";

    public IEnumerable<RuleViolation> Check(TreatyHistory history, Instrument candidate)
    {
        if (!ParticipantCatalogue.Contains(candidate.Participant))
        {
            yield return new RuleViolation(Code, $"{candidate.Participant} is not a State or organization that can join the Convention.", Basis);
        }
    }
}

/// <summary>Nothing can happen before the Convention was opened for signature (signatures are checked by <see cref="SignatureOnlyWhileOpen"/>).</summary>
public sealed class InstrumentsMustNotPrecedeOpening : IInstrumentRule
{
    public string Code => "treaty.before-opening";

    public ArticleReference Basis => Convention.Art(64, 1);

    public string Description => "No instrument can be dated before the opening for signature on 2025-10-25.";

    public IEnumerable<RuleViolation> Check(TreatyHistory history, Instrument candidate)
    {
        if (candidate.Kind != InstrumentKind.Signature && candidate.Date < TreatyDates.OpenedForSignature)
        {
            yield return new RuleViolation(
                Code,
                $"The {candidate.Kind.ToKeyword()} of {candidate.Participant} is dated {candidate.Date.Iso()}, before the Convention was opened on {TreatyDates.OpenedForSignature.Iso()}.",
                Basis);
        }
    }
}

/// <summary>Signature is open in Hanoi on 25–26 October 2025, then in New York until 31 December 2026.</summary>
public sealed class SignatureOnlyWhileOpen : IInstrumentRule
{
    public string Code => "treaty.signature-closed";

    public ArticleReference Basis => Convention.Art(64, 1);

    public string Description => "Signature only from 2025-10-25 (Hanoi) to 2026-12-31 (New York) inclusive.";

    public IEnumerable<RuleViolation> Check(TreatyHistory history, Instrument candidate)
    {
        if (candidate.Kind != InstrumentKind.Signature)
        {
            yield break;
        }

        if (candidate.Date < TreatyDates.OpenedForSignature || candidate.Date > TreatyDates.ClosedForSignatureAfter)
        {
            yield return new RuleViolation(
                Code,
                $"{candidate.Participant} cannot sign on {candidate.Date.Iso()}: the Convention is open for signature from {TreatyDates.OpenedForSignature.Iso()} to {TreatyDates.ClosedForSignatureAfter.Iso()}; afterwards States and organizations join by accession.",
                Basis);
        }
    }
}

/// <summary>A participant signs once.</summary>
public sealed class OneSignaturePerParticipant : IInstrumentRule
{
    public string Code => "treaty.already-signed";

    public ArticleReference Basis => Convention.Art(64, 1);

    public string Description => "A participant signs at most once.";

    public IEnumerable<RuleViolation> Check(TreatyHistory history, Instrument candidate)
    {
        if (candidate.Kind == InstrumentKind.Signature && history.SignatureOf(candidate.Participant) is { } earlier)
        {
            yield return new RuleViolation(Code, $"{candidate.Participant} already signed on {earlier.Date.Iso()}.", Basis);
        }
    }
}

/// <summary>Ratification, acceptance and approval are open to signatories; others accede.</summary>
public sealed class ConsentRequiresPriorSignature : IInstrumentRule
{
    public string Code => "treaty.consent-requires-signature";

    public ArticleReference Basis => Convention.Art(64, 2);

    public string Description => "Ratification, acceptance or approval needs a signature by the same participant on or before its date.";

    public IEnumerable<RuleViolation> Check(TreatyHistory history, Instrument candidate)
    {
        if (!candidate.Kind.RequiresSignature())
        {
            yield break;
        }

        var signature = history.SignatureOf(candidate.Participant);
        if (signature is null || signature.Date > candidate.Date)
        {
            yield return new RuleViolation(
                Code,
                $"{candidate.Participant} has not signed the Convention on or before {candidate.Date.Iso()}, so it cannot deposit an instrument of {candidate.Kind.ToKeyword()}; it may accede instead.",
                Basis);
        }
    }
}

/// <summary>
/// A participant expresses consent to be bound once. Kept simple: once ever, even after a
/// denunciation (re-joining after denouncing is not modelled).
/// </summary>
public sealed class OneConsentInstrumentPerParticipant : IInstrumentRule
{
    public string Code => "treaty.already-bound";

    public ArticleReference Basis => Convention.Art(64, 2);

    public string Description => "A participant deposits at most one instrument of ratification, acceptance, approval or accession.";

    public IEnumerable<RuleViolation> Check(TreatyHistory history, Instrument candidate)
    {
        if (candidate.Kind.IsConsentToBeBound() && history.ConsentOf(candidate.Participant) is { } earlier)
        {
            yield return new RuleViolation(
                Code,
                $"{candidate.Participant} already deposited an instrument of {earlier.Kind.ToKeyword()} on {earlier.Date.Iso()}.",
                Basis);
        }
    }
}

/// <summary>
/// A regional economic integration organization may sign only if at least one of its member States
/// has signed, and deposit only if at least one member State has deposited (Art. 64(2), (3)).
/// Membership is taken on the date of the organization's act.
/// </summary>
public sealed class ReioActsOnlyAfterAMemberState : IInstrumentRule
{
    public string Code => "treaty.reio-before-member-state";

    public ArticleReference Basis => Convention.Art(64, 2);

    public string Description => "The EU signs or deposits only after at least one of its member States has done the same.";

    public IEnumerable<RuleViolation> Check(TreatyHistory history, Instrument candidate)
    {
        if (!ParticipantCatalogue.TryGet(candidate.Participant, out var participant)
            || participant.Kind != ParticipantKind.RegionalEconomicIntegrationOrganization)
        {
            yield break;
        }

        var members = ParticipantCatalogue.MembersOf(candidate.Participant, candidate.Date);
        if (candidate.Kind == InstrumentKind.Signature
            && !members.Any(m => history.SignatureOf(m) is { } s && s.Date <= candidate.Date))
        {
            yield return new RuleViolation(
                Code,
                $"{candidate.Participant} cannot sign on {candidate.Date.Iso()}: none of its member States has signed by then.",
                Basis);
        }

        if (candidate.Kind.IsConsentToBeBound()
            && !members.Any(m => history.ConsentOf(m) is { } c && c.Date <= candidate.Date))
        {
            yield return new RuleViolation(
                Code,
                $"{candidate.Participant} cannot deposit an instrument of {candidate.Kind.ToKeyword()} on {candidate.Date.Iso()}: none of its member States has deposited one by then.",
                Convention.Art(64, 3));
        }
    }
}

/// <summary>
/// Only a party may denounce. Kept simple: a participant that deposited a consent instrument on or
/// before the denunciation date, whether or not the Convention is yet in force for it.
/// </summary>
public sealed class DenunciationRequiresBeingParty : IInstrumentRule
{
    public string Code => "treaty.denunciation-not-party";

    public ArticleReference Basis => Convention.Art(67, 1);

    public string Description => "A denunciation needs an instrument of ratification, acceptance, approval or accession deposited on or before it.";

    public IEnumerable<RuleViolation> Check(TreatyHistory history, Instrument candidate)
    {
        if (candidate.Kind != InstrumentKind.Denunciation)
        {
            yield break;
        }

        if (history.ConsentOf(candidate.Participant) is not { } consent || consent.Date > candidate.Date)
        {
            yield return new RuleViolation(
                Code,
                $"{candidate.Participant} cannot denounce on {candidate.Date.Iso()}: it has not deposited an instrument of ratification, acceptance, approval or accession by then.",
                Basis);
        }
    }
}

/// <summary>A party denounces once.</summary>
public sealed class OneDenunciationPerParticipant : IInstrumentRule
{
    public string Code => "treaty.already-denounced";

    public ArticleReference Basis => Convention.Art(67, 1);

    public string Description => "A participant denounces at most once.";

    public IEnumerable<RuleViolation> Check(TreatyHistory history, Instrument candidate)
    {
        if (candidate.Kind == InstrumentKind.Denunciation && history.DenunciationOf(candidate.Participant) is { } earlier)
        {
            yield return new RuleViolation(Code, $"{candidate.Participant} already denounced on {earlier.Date.Iso()}.", Basis);
        }
    }
}
