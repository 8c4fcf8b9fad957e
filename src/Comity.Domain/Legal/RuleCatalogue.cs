using Comity.Domain.Cooperation;
using Comity.Domain.Treaty.Rules;

namespace Comity.Domain.Legal;

/// <summary>One line of the catalogue: code, legal basis, what it does, and the type that implements it.</summary>
public sealed record RuleDescriptor(string Code, ArticleReference Basis, string Description, string Implementation);

/// <summary>
/// Every rule and computation Comity applies, so the node can print "article → rule → test".
/// Tests of each carry the article as a trait: <c>[Trait("Article", "65(1)")]</c>.
/// </summary>
public static class RuleCatalogue
{
    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        .. TreatyRules.All.Select(r => new RuleDescriptor(r.Code, r.Basis, r.Description, r.GetType().Name)),
        new("treaty.entry-into-force", Convention.Art(65, 1), "In force on the 90th day after the 40th instrument; organizations' instruments are not counted.", "TreatyHistory.EntryIntoForce"),
        new("treaty.later-deposit", Convention.Art(65, 2), "After the 40th instrument: 30 days after deposit, never before the general date.", "TreatyHistory.InForceFrom"),
        new("treaty.denunciation-effective", Convention.Art(67, 1), "A denunciation takes effect one year after the Secretary-General receives it.", "TreatyHistory.DenunciationEffective"),
        new("treaty.amendments-from", Convention.Art(66, 1), "Amendments may be proposed from five years after entry into force.", "TreatyHistory.AmendmentProposalsFrom"),
        new("treaty.protocol-threshold", Convention.Art(62, 1), "Protocols may be considered once the Convention is in force for 60 States.", "TreatyHistory.ProtocolThresholdReached"),
        .. TransitionRules.All.Select(r => new RuleDescriptor(r.Code, r.Basis, r.Description, r.GetType().Name)),
        new(ConditionsMayNeverBeLowered.Code, ConditionsMayNeverBeLowered.Basis, "Handling conditions received with data are never lowered by the receiving side, dimension by dimension; onward transfer cites Art. 36(3).", nameof(ConditionsMayNeverBeLowered)),
        new(RequestDraftValidator.MissingContent, Convention.Art(42), "A request states every item its kind requires: for preservation the items Art. 42 lists (authority, offence and facts, data and their link to the offence, custodian or location, necessity, follow-up); for the other kinds those of Arts. 41 and 43 (each problem cites its item's article).", nameof(RequestDraftValidator)),
        new(RequestDraftValidator.InstrumentMissing, RequestDraftValidator.CooperationBasis, "A request on another basis than the two conventions names its treaty or instrument.", nameof(RequestDraftValidator)),
        new(RequestDraftValidator.LanguageNotAccepted, RequestDraftValidator.LanguageBasis, "The original or the requester's translation is in a language the requested State accepts.", nameof(RequestDraftValidator)),
        new(RequestDraftValidator.ConventionNotInForce, RequestDraftValidator.InForceBasis, "A request rests on the Convention only while it is in force between the two States; otherwise the officer names another basis.", nameof(RequestDraftValidator)),
        new(RequestDraftValidator.RetentionInvalid, Convention.Art(36, 1), "A retention limit imposed as a data-protection condition is a positive number of days.", nameof(RequestDraftValidator)),
        new("request.acknowledgement-due", Convention.Art(41), "Acknowledgement is due a configurable time after submission, tightest for emergencies; its clock stops at acknowledgement, withdrawal or any final state.", "RequestStatus.AcknowledgementDue"),
        new("preservation.expiry-reminders", ConventionNumbers.MinimumPreservationDays.Basis, "The requester is reminded before a preservation expires (default 14 and 3 days) so that the follow-up request is filed in time.", "RequestStatus.PreservationReminders"),
    ];

    /// <summary>The trait value used in tests for an article reference: "65(1)", "64", "2(h)".</summary>
    public static string TraitValue(ArticleReference reference) =>
        reference.ToString()["Art. ".Length..];
}
