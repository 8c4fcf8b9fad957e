using Comity.Domain.Cooperation;
using Comity.Domain.Cooperation.Offences;
using Comity.Protocol.V1;

namespace Comity.Node.Features.Requests.Validate;

/// <summary>One conclusion of the dual-criminality guidance, with its article and why.</summary>
/// <param name="Code"><c>conventionOffence</c>, <c>seriousInRequestingState</c>, <c>seriousInRequestedState</c>, <c>dualCriminalityMet</c> or <c>mayBeRefused</c>.</param>
public sealed record ConclusionDto(string Code, bool Holds, string Article, string Reason);

/// <summary>
/// Guidance on dual criminality for a request about one of the requesting State's listed offences, from the offences
/// both States list in the Register (Arts. 2, 35, 40). It advises; the requested State's officer decides.
/// </summary>
/// <param name="OffenceCode">The requesting State's offence code.</param>
/// <param name="OffenceTitle">Its title as that State lists it.</param>
/// <param name="MaximumPenaltyMonths">Its maximum penalty in months, as listed.</param>
/// <param name="Measure"><c>preservation</c>, <c>nonCoercive</c> or <c>coercive</c>: what the request asks for.</param>
/// <param name="ConventionOffences">The Convention offences it covers (codes, article order).</param>
/// <param name="MatchingOffences">The requested State's offences that cover at least one of them (code and title).</param>
/// <param name="Conclusions">Each conclusion in the order a page shows them.</param>
public sealed record DualCriminalityDto(
    string OffenceCode,
    string OffenceTitle,
    int? MaximumPenaltyMonths,
    string Measure,
    IReadOnlyList<string> ConventionOffences,
    IReadOnlyList<string> MatchingOffences,
    IReadOnlyList<ConclusionDto> Conclusions);

/// <summary>
/// Where the request engine meets the offences States publish: which measure a kind asks for, whether the requesting
/// State lists the offence named, and the dual-criminality assessment against the requested State's list
/// (<see cref="DualCriminality.Assess"/>).
/// </summary>
internal static class OffenceAssessment
{
    /// <summary>The request names an offence code its own State does not list in the Register.</summary>
    public const string OffenceUnknown = "request.offence-unknown";

    /// <summary>
    /// The kind of measure a request asks for, or null for the kinds that ask for no measure on a person or data
    /// (information, advice, spontaneous information, emergencies answered at once): for them no assessment is shown.
    /// </summary>
    public static AssistanceMeasure? MeasureOf(RequestKind kind, IReadOnlyList<string>? purposes) => kind switch
    {
        RequestKind.ExpeditedPreservation => AssistanceMeasure.Preservation,
        RequestKind.StoredDataAccess or RequestKind.RealTimeTrafficDataCollection or RequestKind.ContentDataInterception => AssistanceMeasure.Coercive,
        RequestKind.MutualLegalAssistance => (purposes ?? []).Any(p => AssistancePurposes.TryGet(p, out var purpose) && purpose.IsCoercive)
            ? AssistanceMeasure.Coercive
            : AssistanceMeasure.NonCoercive,
        _ => null,
    };

    /// <summary>The offence <paramref name="state"/> lists under <paramref name="code"/> in the Register, or null.</summary>
    public static NationalOffenceV1? Listed(RegisterV1 register, string state, string code) =>
        register.Offences?.FirstOrDefault(o => string.Equals(o.State, state, StringComparison.Ordinal) && string.Equals(o.Code, code, StringComparison.Ordinal));

    /// <summary>The guidance for a request of <paramref name="kind"/> about the requesting State's offence; null when the kind asks for no measure or the offence is not listed.</summary>
    public static DualCriminalityDto? Assess(RegisterV1? register, string requestingState, string requestedState, string? offenceCode, RequestKind kind, IReadOnlyList<string>? purposes)
    {
        if (register is null || string.IsNullOrWhiteSpace(offenceCode) || MeasureOf(kind, purposes) is not { } measure
            || Listed(register, requestingState, offenceCode.Trim()) is not { } offence)
        {
            return null;
        }

        var requestedOffences = (register.Offences ?? []).Where(o => string.Equals(o.State, requestedState, StringComparison.Ordinal)).Select(ToDomain).ToList();
        var assessment = DualCriminality.Assess(ToDomain(offence), requestedOffences, measure);
        return new DualCriminalityDto(
            offence.Code,
            offence.Title,
            offence.MaximumPenaltyMonths,
            Wire(measure),
            [.. assessment.CoveredConventionOffences.Select(c => c.Code)],
            [.. assessment.MatchingOffences.Select(m => m.ToString())],
            [
                Conclusion("conventionOffence", assessment.IsConventionOffence),
                Conclusion("seriousInRequestingState", assessment.SeriousInRequestingState),
                Conclusion("seriousInRequestedState", assessment.SeriousInRequestedState),
                Conclusion("dualCriminalityMet", assessment.DualCriminalityMet),
                Conclusion("mayBeRefused", assessment.MayBeRefusedForLackOfDualCriminality),
            ]);
    }

    private static NationalOffence ToDomain(NationalOffenceV1 o) => new(o.Code, o.Title, o.MaximumPenaltyMonths, o.ConventionOffences ?? []);

    private static ConclusionDto Conclusion(string code, Conclusion c) => new(code, c.Holds, c.Basis.ToString(), c.Reason);

    private static string Wire(AssistanceMeasure measure) => measure switch
    {
        AssistanceMeasure.Preservation => "preservation",
        AssistanceMeasure.NonCoercive => "nonCoercive",
        AssistanceMeasure.Coercive => "coercive",
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
    };
}
