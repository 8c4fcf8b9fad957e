using System.Diagnostics.CodeAnalysis;
using Comity.Domain.Cooperation.Offences;
using Comity.Domain.Legal;

namespace Comity.Domain.Cooperation;

/// <summary>A purpose for which mutual legal assistance may be requested, with the provision that lists it.</summary>
/// <param name="Code">The camelCase name on the wire: <c>serviceOfDocuments</c>.</param>
/// <param name="Label">The purpose in English, worded as the working reference words it (REFERENCE.md §5.5).</param>
/// <param name="Basis">The provision that lists the purpose, or the article that governs it where the reference names one.</param>
/// <param name="IsCoercive">Whether the purpose may compel a person or reach into property, data or communications (<see cref="AssistanceMeasure.Coercive"/>).</param>
/// <param name="RequiresSummaryOfFacts">Whether a request for this purpose must summarise the relevant facts (<see cref="AssistancePurposes.SummaryOfFactsBasis"/>).</param>
public sealed record AssistancePurpose(string Code, string Label, ArticleReference Basis, bool IsCoercive, bool RequiresSummaryOfFacts)
{
    /// <summary>The kind of measure, for <see cref="DualCriminality.Assess"/>.</summary>
    public AssistanceMeasure Measure => IsCoercive ? AssistanceMeasure.Coercive : AssistanceMeasure.NonCoercive;
}

/// <summary>
/// The purposes for which mutual legal assistance may be requested, as REFERENCE.md §5.5 lists them, in its order.
/// Whether a purpose is coercive is Comity's reading, not the Convention's: a purpose is coercive unless by its nature
/// it compels no one, so that Comity never tells an officer that a ground for refusal is closed when it may be open.
/// </summary>
public static class AssistancePurposes
{
    /// <summary>Art. 40 lists the purposes after the pattern of UNTOC Art. 18; cited from <see cref="AssistanceProvisions"/>, where its doubt is kept.</summary>
    private static readonly ArticleReference Purposes = AssistanceProvisions.Purposes;

    /// <summary>Art. 40 lists what a request contains; cited from <see cref="AssistanceProvisions"/>, where its doubt is kept.</summary>
    private static readonly ArticleReference Contents = AssistanceProvisions.RequestContents;

    /// <summary>The provision that requires a summary of the relevant facts, except for service of documents.</summary>
    public static ArticleReference SummaryOfFactsBasis => Contents;

    /// <summary>Every purpose, in the reference's order.</summary>
    public static IReadOnlyList<AssistancePurpose> All { get; } =
    [
        // Statements and evidence may be taken under compulsion.
        new("takingEvidenceOrStatements", "Taking evidence or statements", Purposes, IsCoercive: true, RequiresSummaryOfFacts: true),
        new("serviceOfDocuments", "Service of documents", Purposes, IsCoercive: false, RequiresSummaryOfFacts: false),
        new("searchSeizureAndFreezing", "Search, seizure and freezing", Purposes, IsCoercive: true, RequiresSummaryOfFacts: true),
        new("accessingStoredData", "Access, seizure and disclosure of stored data", AssistanceProvisions.StoredData, IsCoercive: true, RequiresSummaryOfFacts: true),
        new("realTimeCollectionOfTrafficData", "Real-time collection of traffic data", AssistanceProvisions.RealTimeTrafficData, IsCoercive: true, RequiresSummaryOfFacts: true),
        new("interceptionOfContentData", "Interception of content data", AssistanceProvisions.ContentInterception, IsCoercive: true, RequiresSummaryOfFacts: true),
        // Examining a site may mean entering premises.
        new("examiningObjectsAndSites", "Examining objects and sites", Purposes, IsCoercive: true, RequiresSummaryOfFacts: true),
        new("informationEvidenceAndExpertEvaluations", "Information, evidence items and expert evaluations", Purposes, IsCoercive: false, RequiresSummaryOfFacts: true),
        // Bank, financial and business records are obtained by compulsion.
        new("originalsOrCopiesOfRecords", "Originals or certified copies of records (government, bank, financial, corporate, business)", Purposes, IsCoercive: true, RequiresSummaryOfFacts: true),
        // Tracing may need the production of financial records.
        new("identifyingAndTracingProceeds", "Identifying and tracing proceeds, property and instrumentalities", Purposes, IsCoercive: true, RequiresSummaryOfFacts: true),
        new("voluntaryAppearance", "Voluntary appearance of persons", Purposes, IsCoercive: false, RequiresSummaryOfFacts: true),
        new("assetRecovery", "Asset recovery", Purposes, IsCoercive: true, RequiresSummaryOfFacts: true),
        // What the assistance involves is not known in advance.
        new("otherAssistance", "Any other assistance domestic law does not forbid", Purposes, IsCoercive: true, RequiresSummaryOfFacts: true),
    ];

    /// <summary>Finds a purpose by its code, exactly as written.</summary>
    public static bool TryGet(string? code, [NotNullWhen(true)] out AssistancePurpose? purpose)
    {
        purpose = All.FirstOrDefault(p => string.Equals(p.Code, code, StringComparison.Ordinal));
        return purpose is not null;
    }
}
