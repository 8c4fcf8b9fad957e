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
    ];

    /// <summary>The trait value used in tests for an article reference: "65(1)", "64", "2(h)".</summary>
    public static string TraitValue(ArticleReference reference) =>
        reference.ToString()["Art. ".Length..];
}
