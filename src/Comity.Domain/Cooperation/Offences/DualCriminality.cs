using Comity.Domain.Legal;

namespace Comity.Domain.Cooperation.Offences;

/// <summary>One conclusion of an assessment: whether it holds, the provision behind it and why, in English, so that a page can show the reason with its article.</summary>
public sealed record Conclusion(bool Holds, ArticleReference Basis, string Reason);

/// <summary>Whether, for a kind of measure, the absence of dual criminality may justify a refusal, and the provision that says so.</summary>
public sealed record DualCriminalityRule(AssistanceMeasure Measure, bool AbsenceMayJustifyRefusal, ArticleReference Basis, string Explanation);

/// <summary>
/// What Comity can say about dual criminality for one request, each conclusion with its article. It advises the
/// officers of both States; the requested State's officer decides.
/// </summary>
/// <param name="Measure">The kind of measure requested.</param>
/// <param name="IsConventionOffence">Whether the requesting State's offence covers an offence of Arts. 7–17.</param>
/// <param name="CoveredConventionOffences">The Convention offences the requesting State's offence covers, in article order.</param>
/// <param name="SeriousInRequestingState">Whether the requesting State's offence is a serious crime there (Art. 2(h)).</param>
/// <param name="MatchingOffences">The requested State's offences that cover at least one of the same Convention offences.</param>
/// <param name="SeriousInRequestedState">Whether at least one matching offence is a serious crime in the requested State; false when none matches.</param>
/// <param name="DualCriminalityMet">Whether the published mappings show the conduct to be an offence in both States (Art. 35).</param>
/// <param name="MayBeRefusedForLackOfDualCriminality">Whether the requested State may refuse this request because dual criminality is lacking.</param>
public sealed record DualCriminalityAssessment(
    AssistanceMeasure Measure,
    Conclusion IsConventionOffence,
    IReadOnlyList<ConventionOffence> CoveredConventionOffences,
    Conclusion SeriousInRequestingState,
    IReadOnlyList<NationalOffence> MatchingOffences,
    Conclusion SeriousInRequestedState,
    Conclusion DualCriminalityMet,
    Conclusion MayBeRefusedForLackOfDualCriminality)
{
    /// <summary>Every conclusion, in the order a page shows them.</summary>
    public IReadOnlyList<Conclusion> Conclusions =>
        [IsConventionOffence, SeriousInRequestingState, SeriousInRequestedState, DualCriminalityMet, MayBeRefusedForLackOfDualCriminality];
}

/// <summary>
/// Dual criminality, where a State requires it, is deemed met when the conduct underlying the offence is an offence in
/// both States, whatever the offence is called and however it is categorised (Art. 35). Comity cannot judge conduct:
/// it approximates the test through the Convention-offence mapping each State publishes with its offences
/// (<see cref="NationalOffence.ConventionOffenceCodes"/>), so the test is shown met when some offence of the requested
/// State covers at least one of the Convention offences the requesting State's offence covers. A mapping that shows
/// nothing does not prove that the conduct is lawful in the requested State: the officer compares the conduct and
/// decides. Offences outside Arts. 7–17 map to nothing, so for them the officer always decides.
/// </summary>
public static class DualCriminality
{
    /// <summary>
    /// Art. 35: the scope of cooperation and the conduct test of dual criminality. Paragraph not identified: UNVERIFIED
    /// (REFERENCE.md §5.1).
    /// </summary>
    private static readonly ArticleReference GeneralPrinciples = Convention.Art(35);

    /// <summary>
    /// Art. 40: mutual legal assistance may be declined for the absence of dual criminality, and the requested State may
    /// still assist at its discretion. The paragraph is cited from <see cref="AssistanceProvisions"/>, where its doubt is kept.
    /// </summary>
    private static readonly ArticleReference AssistanceMayBeDeclined = AssistanceProvisions.DualCriminality;

    /// <summary>
    /// Art. 42(5): the reservation to refuse preservation for offences other than Convention offences where dual
    /// criminality will not be met at disclosure. UNVERIFIED (REFERENCE.md §6.10; §5.7 gives no paragraph).
    /// </summary>
    private static readonly ArticleReference PreservationReservation = Convention.Art(42, 5);

    private const string MayBeDeclinedExplanation =
        "Mutual legal assistance may be declined for the absence of dual criminality; the requested State may still assist at its discretion.";

    /// <summary>The provision of the conduct test (Art. 35).</summary>
    public static ArticleReference ConductBasis => GeneralPrinciples;

    /// <summary>
    /// The rule for each kind of measure, in the order of <see cref="AssistanceMeasure"/>. The working reference draws
    /// no line between coercive and non-coercive assistance for this ground: both may be declined. The line is kept
    /// as data so that a legal officer can change it here if the official text draws one.
    /// </summary>
    public static IReadOnlyList<DualCriminalityRule> Rules { get; } =
    [
        new(AssistanceMeasure.Preservation, AbsenceMayJustifyRefusal: false, Convention.Art(42), "Preservation needs no dual criminality."),
        new(AssistanceMeasure.NonCoercive, AbsenceMayJustifyRefusal: true, AssistanceMayBeDeclined, MayBeDeclinedExplanation),
        new(AssistanceMeasure.Coercive, AbsenceMayJustifyRefusal: true, AssistanceMayBeDeclined, MayBeDeclinedExplanation),
    ];

    /// <summary>The exception for preservation: a requested State that has made the reservation may refuse it for an offence other than a Convention offence.</summary>
    public static DualCriminalityRule PreservationUnderReservation { get; } = new(
        AssistanceMeasure.Preservation,
        AbsenceMayJustifyRefusal: true,
        PreservationReservation,
        "The requested State has reserved the right to refuse preservation for offences other than Convention offences where it believes dual criminality will not be met at disclosure.");

    /// <summary>The rule for a kind of measure, without any reservation.</summary>
    public static DualCriminalityRule RuleFor(AssistanceMeasure measure) =>
        Rules.FirstOrDefault(r => r.Measure == measure)
        ?? throw new ArgumentOutOfRangeException(nameof(measure), measure, "Not a kind of measure.");

    /// <summary>
    /// Assesses dual criminality for a request about <paramref name="requestingOffence"/>, against the offences the
    /// requested State lists. Offences are taken as published; unknown Convention offence codes in them are ignored
    /// (<see cref="NationalOffenceMustBeWellFormed"/> refuses them at publication).
    /// </summary>
    /// <param name="requestedStateReservedPreservation">Whether the requested State has made the preservation reservation (<see cref="PreservationUnderReservation"/>); it matters only for <see cref="AssistanceMeasure.Preservation"/>.</param>
    public static DualCriminalityAssessment Assess(
        NationalOffence requestingOffence,
        IEnumerable<NationalOffence> requestedStateOffences,
        AssistanceMeasure measure,
        bool requestedStateReservedPreservation = false)
    {
        ArgumentNullException.ThrowIfNull(requestingOffence);
        ArgumentNullException.ThrowIfNull(requestedStateOffences);
        var rule = RuleFor(measure);

        var covered = requestingOffence.CoveredConventionOffences;
        var matching = requestedStateOffences
            .Where(o => o is not null && o.CoveredConventionOffences.Intersect(covered).Any())
            .ToList();
        var shared = covered.Where(c => matching.Any(m => m.CoveredConventionOffences.Contains(c))).ToList();

        var isConventionOffence = covered.Count > 0
            ? new Conclusion(true, covered[0].Article, $"{requestingOffence} covers {Names(covered)}.")
            : new Conclusion(false, GeneralPrinciples, $"{requestingOffence} covers no offence of Arts. 7–17; cooperation still reaches the electronic evidence of a serious crime.");

        var seriousInRequesting = new Conclusion(SeriousCrime.Is(requestingOffence), SeriousCrime.Basis, SeriousCrime.Explain(requestingOffence, "requesting"));

        var seriousMatch = matching.FirstOrDefault(SeriousCrime.Is);
        var seriousInRequested = (matching.Count, seriousMatch) switch
        {
            (0, _) => new Conclusion(false, SeriousCrime.Basis, "No offence the requested State lists covers the same Convention offences."),
            (_, NationalOffence serious) => new Conclusion(true, SeriousCrime.Basis, SeriousCrime.Explain(serious, "requested")),
            _ => new Conclusion(false, SeriousCrime.Basis, string.Join(" ", matching.Select(m => SeriousCrime.Explain(m, "requested")))),
        };

        var met = (covered.Count, shared.Count) switch
        {
            (0, _) => new Conclusion(false, GeneralPrinciples, "The requesting State's offence maps to no Convention offence, so the published mappings cannot show dual criminality: the officer compares the conduct."),
            (_, 0) => new Conclusion(false, GeneralPrinciples, $"No offence the requested State lists covers {Names(covered)}: the published mappings do not show the conduct to be an offence there; the officer compares the conduct."),
            _ => new Conclusion(true, GeneralPrinciples, $"In the requested State, {string.Join("; ", matching)} covers {Names(shared)}: the same conduct is an offence in both States, whatever it is called. The officer confirms it."),
        };

        return new DualCriminalityAssessment(
            measure,
            isConventionOffence,
            covered,
            seriousInRequesting,
            matching,
            seriousInRequested,
            met,
            MayRefuse(rule, met.Holds, isConventionOffence.Holds, requestedStateReservedPreservation));
    }

    private static Conclusion MayRefuse(DualCriminalityRule rule, bool met, bool conventionOffence, bool reserved)
    {
        if (rule.Measure == AssistanceMeasure.Preservation && reserved)
        {
            if (conventionOffence)
            {
                return new Conclusion(false, PreservationReservation, "The requested State's reservation covers only offences other than Convention offences. " + rule.Explanation);
            }

            rule = PreservationUnderReservation;
        }

        if (!rule.AbsenceMayJustifyRefusal)
        {
            return new Conclusion(false, rule.Basis, rule.Explanation);
        }

        return met
            ? new Conclusion(false, rule.Basis, "Dual criminality is shown, so its absence is no ground for refusal here.")
            : new Conclusion(true, rule.Basis, rule.Explanation);
    }

    private static string Names(IEnumerable<ConventionOffence> offences) =>
        string.Join(", ", offences.Select(o => o.ToString()));
}
