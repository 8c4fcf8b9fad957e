using Comity.Domain.Legal;

namespace Comity.Domain.Cooperation;

/// <summary>
/// The kinds of request: six travel over the 24/7 network (Arts. 41–43), five between central authorities (Arts. 40,
/// 44–46). Which office a kind goes to is its profile's <see cref="RequestKindProfile.Channel"/>.
/// </summary>
public enum RequestKind
{
    /// <summary>Expedited preservation of stored electronic data (Art. 42).</summary>
    ExpeditedPreservation,

    /// <summary>Expedited disclosure of preserved traffic data, enough to identify the providers and the path (Art. 43).</summary>
    ExpeditedDisclosureOfTrafficData,

    /// <summary>Providing electronic data to avert an emergency: a risk to life or safety (Art. 41(3)(e)).</summary>
    EmergencyDisclosure,

    /// <summary>Locating a suspect (Art. 41(3)(d)).</summary>
    LocateSuspect,

    /// <summary>Technical advice (Art. 41(3)(a)).</summary>
    TechnicalAdvice,

    /// <summary>Legal information (Art. 41(3)(c)).</summary>
    LegalInformation,

    /// <summary>Mutual legal assistance for one or more of the purposes of Art. 40 (<see cref="AssistancePurposes"/>).</summary>
    MutualLegalAssistance,

    /// <summary>Search or access, seizure or securing, and disclosure of stored data, including data preserved under Art. 42 (Art. 44).</summary>
    StoredDataAccess,

    /// <summary>Real-time collection of traffic data (Art. 45).</summary>
    RealTimeTrafficDataCollection,

    /// <summary>Interception of content data (Art. 46).</summary>
    ContentDataInterception,

    /// <summary>Information transmitted without a prior request, under its confidentiality and use conditions (Art. 40).</summary>
    SpontaneousInformation,
}

/// <summary>Wire names and legal bases of <see cref="RequestKind"/>.</summary>
public static class RequestKinds
{
    public static IReadOnlyList<RequestKind> All { get; } = Enum.GetValues<RequestKind>();

    /// <summary>The provision the kind rests on. The letters of Art. 41(3) are unverified (see <see cref="ArticleCatalogue.KnownDoubts"/>).</summary>
    public static ArticleReference Basis(this RequestKind kind) => kind switch
    {
        RequestKind.ExpeditedPreservation => Convention.Art(42),
        RequestKind.ExpeditedDisclosureOfTrafficData => Convention.Art(43),
        RequestKind.EmergencyDisclosure => Convention.Art(41, 3, "e"),
        RequestKind.LocateSuspect => Convention.Art(41, 3, "d"),
        RequestKind.TechnicalAdvice => Convention.Art(41, 3, "a"),
        RequestKind.LegalInformation => Convention.Art(41, 3, "c"),
        RequestKind.MutualLegalAssistance => AssistanceProvisions.MutualLegalAssistance,
        RequestKind.StoredDataAccess => AssistanceProvisions.StoredData,
        RequestKind.RealTimeTrafficDataCollection => AssistanceProvisions.RealTimeTrafficData,
        RequestKind.ContentDataInterception => AssistanceProvisions.ContentInterception,
        RequestKind.SpontaneousInformation => AssistanceProvisions.SpontaneousInformation,
    };

    /// <summary>The name used on the wire and in URLs: <c>expeditedPreservation</c>, <c>emergencyDisclosure</c>, …</summary>
    public static string Wire(this RequestKind kind) => kind switch
    {
        RequestKind.ExpeditedPreservation => "expeditedPreservation",
        RequestKind.ExpeditedDisclosureOfTrafficData => "expeditedDisclosureOfTrafficData",
        RequestKind.EmergencyDisclosure => "emergencyDisclosure",
        RequestKind.LocateSuspect => "locateSuspect",
        RequestKind.TechnicalAdvice => "technicalAdvice",
        RequestKind.LegalInformation => "legalInformation",
        RequestKind.MutualLegalAssistance => "mutualLegalAssistance",
        RequestKind.StoredDataAccess => "storedDataAccess",
        RequestKind.RealTimeTrafficDataCollection => "realTimeTrafficDataCollection",
        RequestKind.ContentDataInterception => "contentDataInterception",
        RequestKind.SpontaneousInformation => "spontaneousInformation",
    };

    public static bool TryParse(string? wire, out RequestKind kind) => WireNames.TryParse(wire, Wire, out kind);
}
