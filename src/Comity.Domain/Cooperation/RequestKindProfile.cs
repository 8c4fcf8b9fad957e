using Comity.Domain.Directory;
using Comity.Domain.Legal;

namespace Comity.Domain.Cooperation;

/// <summary>An item a kind of request must state, and the provision that requires it.</summary>
public sealed record ContentRequirement(ContentItem Item, ArticleReference Basis);

/// <summary>
/// Everything a kind of request declares: its title, its legal basis, the office it goes to (the channel: the
/// requested State's designation of that role in the Register), what it must state, the grounds on which it may be
/// refused and its transition table. Its clocks are in <see cref="CooperationClockSettings"/>, so that a node can
/// configure them. A node handles every kind through its profile, so adding a kind adds a profile, not code.
/// </summary>
/// <param name="Title">The kind's name in English, for the API and the generated documents (pages word it in their own resources).</param>
public sealed record RequestKindProfile(
    RequestKind Kind,
    string Title,
    ArticleReference Basis,
    DesignationRole Channel,
    IReadOnlyList<ContentRequirement> RequiredContents,
    IReadOnlyList<RefusalGround> RefusalGrounds,
    TransitionTable Transitions);

/// <summary>The profiles of the six kinds of the 24/7 network.</summary>
public static class RequestKindProfiles
{
    private static readonly ArticleReference Preservation = Convention.Art(42);
    private static readonly ArticleReference TrafficDisclosure = Convention.Art(43);

    // The 24/7 network assists in specific criminal investigations, prosecutions or proceedings (Art. 41(1)):
    // every kind names the requesting authority and the offence.
    private static readonly ArticleReference Network = Convention.Art(41, 1);

    private static readonly RefusalGround[] LimitedGrounds = [RefusalGround.EssentialInterests, RefusalGround.Discrimination];

    private static readonly RefusalGround[] AssistanceGrounds =
    [
        RefusalGround.NonConformity, RefusalGround.EssentialInterests, RefusalGround.DomesticLawProhibition,
        RefusalGround.ContraryToLegalSystem, RefusalGround.Discrimination, RefusalGround.DataProtectionLaw,
    ];

    public static RequestKindProfile ExpeditedPreservation { get; } = new(
        RequestKind.ExpeditedPreservation,
        "Expedited preservation of stored data",
        RequestKind.ExpeditedPreservation.Basis(),
        DesignationRole.PointOfContact247,
        Require(Preservation,
            ContentItem.RequestingAuthority, ContentItem.Offence, ContentItem.SummaryOfFacts, ContentItem.DataToPreserve,
            ContentItem.LinkToOffence, ContentItem.CustodianOrLocation, ContentItem.PreservationNecessity, ContentItem.IntendedFollowUp),
        // Preservation needs no dual criminality; it may be refused only on the limited grounds, or under a reservation (Art. 42).
        [.. LimitedGrounds, RefusalGround.DualCriminalityReservation],
        new TransitionTable([
            .. Opening,
            new(RequestState.Acknowledged, RequestEventType.Preserved, RequestState.Preserved),
            new(RequestState.Preserved, RequestEventType.ExtensionRequested, RequestState.Preserved),
            new(RequestState.Preserved, RequestEventType.PreservationExtended, RequestState.Preserved),
            new(RequestState.Preserved, RequestEventType.FollowUpLinked, RequestState.Preserved),
            new(RequestState.Preserved, RequestEventType.Withdrawn, RequestState.Withdrawn),
            new(RequestState.Preserved, RequestEventType.Closed, RequestState.Closed),
        ]));

    public static RequestKindProfile ExpeditedDisclosureOfTrafficData { get; } = new(
        RequestKind.ExpeditedDisclosureOfTrafficData,
        "Expedited disclosure of preserved traffic data",
        RequestKind.ExpeditedDisclosureOfTrafficData.Basis(),
        DesignationRole.PointOfContact247,
        [
            new(ContentItem.RequestingAuthority, Network),
            new(ContentItem.Offence, Network),
            new(ContentItem.SummaryOfFacts, TrafficDisclosure),
            new(ContentItem.PreservationReference, TrafficDisclosure),
            new(ContentItem.TrafficDataSought, TrafficDisclosure),
        ],
        // Disclosure is a transfer of personal data, so Art. 36(1) may also stand in the way.
        [.. LimitedGrounds, RefusalGround.DataProtectionLaw],
        new TransitionTable([.. Opening, new(RequestState.Acknowledged, RequestEventType.Disclosed, RequestState.Disclosed)]));

    public static RequestKindProfile EmergencyDisclosure { get; } = new(
        RequestKind.EmergencyDisclosure,
        "Emergency disclosure",
        RequestKind.EmergencyDisclosure.Basis(),
        DesignationRole.PointOfContact247,
        [
            new(ContentItem.RequestingAuthority, Network),
            new(ContentItem.Offence, Network),
            new(ContentItem.SummaryOfFacts, Network),
            new(ContentItem.Emergency, RequestKind.EmergencyDisclosure.Basis()),
            new(ContentItem.DataSought, RequestKind.EmergencyDisclosure.Basis()),
            new(ContentItem.CustodianOrLocation, RequestKind.EmergencyDisclosure.Basis()),
        ],
        AssistanceGrounds,
        new TransitionTable([.. Opening, new(RequestState.Acknowledged, RequestEventType.Disclosed, RequestState.Disclosed)]));

    public static RequestKindProfile LocateSuspect { get; } = Assistance(
        RequestKind.LocateSuspect,
        "Locate a suspect",
        new ContentRequirement(ContentItem.SummaryOfFacts, Network),
        new ContentRequirement(ContentItem.PersonSought, RequestKind.LocateSuspect.Basis()));

    public static RequestKindProfile TechnicalAdvice { get; } = Assistance(
        RequestKind.TechnicalAdvice,
        "Technical advice",
        new ContentRequirement(ContentItem.Question, RequestKind.TechnicalAdvice.Basis()));

    public static RequestKindProfile LegalInformation { get; } = Assistance(
        RequestKind.LegalInformation,
        "Legal information",
        new ContentRequirement(ContentItem.Question, RequestKind.LegalInformation.Basis()));

    public static IReadOnlyList<RequestKindProfile> All { get; } =
        [ExpeditedPreservation, ExpeditedDisclosureOfTrafficData, EmergencyDisclosure, LocateSuspect, TechnicalAdvice, LegalInformation];

    public static RequestKindProfile For(RequestKind kind) => kind switch
    {
        RequestKind.ExpeditedPreservation => ExpeditedPreservation,
        RequestKind.ExpeditedDisclosureOfTrafficData => ExpeditedDisclosureOfTrafficData,
        RequestKind.EmergencyDisclosure => EmergencyDisclosure,
        RequestKind.LocateSuspect => LocateSuspect,
        RequestKind.TechnicalAdvice => TechnicalAdvice,
        RequestKind.LegalInformation => LegalInformation,
    };

    public static RequestKindProfile Profile(this RequestKind kind) => For(kind);

    /// <summary>Common to every kind: submission, receipt, acknowledgement, questions, refusal and withdrawal.</summary>
    private static Transition[] Opening =>
    [
        new(RequestState.New, RequestEventType.Submitted, RequestState.Submitted),
        new(RequestState.Submitted, RequestEventType.Received, RequestState.Received),
        new(RequestState.Submitted, RequestEventType.Withdrawn, RequestState.Withdrawn),
        new(RequestState.Received, RequestEventType.Acknowledged, RequestState.Acknowledged),
        new(RequestState.Received, RequestEventType.Withdrawn, RequestState.Withdrawn),
        new(RequestState.Acknowledged, RequestEventType.InformationRequested, RequestState.AwaitingInformation),
        new(RequestState.Acknowledged, RequestEventType.Refused, RequestState.Refused),
        new(RequestState.Acknowledged, RequestEventType.Withdrawn, RequestState.Withdrawn),
        new(RequestState.AwaitingInformation, RequestEventType.InformationProvided, RequestState.Acknowledged),
        new(RequestState.AwaitingInformation, RequestEventType.Refused, RequestState.Refused),
        new(RequestState.AwaitingInformation, RequestEventType.Withdrawn, RequestState.Withdrawn),
    ];

    private static ContentRequirement[] Require(ArticleReference basis, params ContentItem[] items) =>
        [.. items.Select(i => new ContentRequirement(i, basis))];

    /// <summary>Locating a suspect, technical advice and legal information: asked, then answered (Art. 41(3)).</summary>
    private static RequestKindProfile Assistance(RequestKind kind, string title, params ContentRequirement[] specific) => new(
        kind,
        title,
        kind.Basis(),
        DesignationRole.PointOfContact247,
        [new(ContentItem.RequestingAuthority, Network), new(ContentItem.Offence, Network), .. specific],
        AssistanceGrounds,
        new TransitionTable([.. Opening, new(RequestState.Acknowledged, RequestEventType.Answered, RequestState.Answered)]));
}

/// <summary>The offices requests go to (a profile's <see cref="RequestKindProfile.Channel"/>), as messages name them.</summary>
public static class RequestChannels
{
    /// <summary>The channel's name in English: <c>24/7 point of contact</c>, <c>central authority</c>.</summary>
    public static string Describe(this DesignationRole channel) => channel switch
    {
        DesignationRole.CentralAuthority => "central authority",
        DesignationRole.PointOfContact247 => "24/7 point of contact",
        DesignationRole.ExtraditionAuthority => "extradition authority",
        DesignationRole.PreventionAuthority => "prevention authority",
    };

    /// <summary>The channel the kinds share, or null when they go to different offices (a draft whose kind is not chosen yet is routed there).</summary>
    public static DesignationRole? Shared =>
        RequestKindProfiles.All.Select(p => p.Channel).Distinct().ToList() is [var only] ? only : null;

    /// <summary>Every channel some kind goes to, in the order of the kinds.</summary>
    public static IReadOnlyList<DesignationRole> All { get; } = [.. RequestKindProfiles.All.Select(p => p.Channel).Distinct()];
}
