using Comity.Domain.Directory;
using Comity.Domain.Legal;

namespace Comity.Domain.Cooperation;

/// <summary>How far a request must state an item.</summary>
public enum ContentNecessity
{
    /// <summary>A request without it is incomplete and is not sent.</summary>
    Required,

    /// <summary>Required unless the only assistance sought is the service of documents (Art. 40: the summary of facts).</summary>
    RequiredUnlessServiceOfDocumentsOnly,

    /// <summary>Stated where possible, or where the requester wants it: the form asks for it, its absence is not a defect.</summary>
    WherePossible,
}

/// <summary>An item a kind of request states, the provision that asks for it, and how far it is required.</summary>
public sealed record ContentRequirement(ContentItem Item, ArticleReference Basis, ContentNecessity Necessity = ContentNecessity.Required)
{
    /// <summary>Whether a request that states the purposes <paramref name="purposes"/> is incomplete without this item.</summary>
    public bool IsRequiredFor(IReadOnlyCollection<AssistancePurpose> purposes) => Necessity switch
    {
        ContentNecessity.Required => true,
        ContentNecessity.RequiredUnlessServiceOfDocumentsOnly => purposes.Count == 0 || purposes.Any(p => p.RequiresSummaryOfFacts),
        ContentNecessity.WherePossible => false,
    };
}

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

/// <summary>The profiles of the six kinds of the 24/7 network and the five of the central authorities.</summary>
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

    /// <summary>
    /// The central authorities' grounds: those of Art. 40 and Art. 36(1), and the absence of dual criminality, which
    /// Art. 40 lets a requested State invoke for mutual legal assistance (never for preservation).
    /// </summary>
    private static readonly RefusalGround[] CentralAuthorityGrounds = [.. AssistanceGrounds, RefusalGround.LackOfDualCriminality];

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

    /// <summary>
    /// Mutual legal assistance for one or more purposes of Art. 40, between central authorities. What it states is the
    /// list of Art. 40; the persons concerned and the location of items or accounts are asked for where possible (the
    /// second is doubtful, REFERENCE.md §0, and is never required).
    /// </summary>
    public static RequestKindProfile MutualLegalAssistance { get; } = new(
        RequestKind.MutualLegalAssistance,
        "Mutual legal assistance",
        RequestKind.MutualLegalAssistance.Basis(),
        DesignationRole.CentralAuthority,
        AssistanceContents(),
        CentralAuthorityGrounds,
        AssistanceTable);

    /// <summary>Access to stored data (Art. 44): a mutual legal assistance request that names the stored data, possibly preserved under Art. 42.</summary>
    public static RequestKindProfile StoredDataAccess { get; } = new(
        RequestKind.StoredDataAccess,
        "Access to stored data",
        RequestKind.StoredDataAccess.Basis(),
        DesignationRole.CentralAuthority,
        AssistanceContents(
            new(ContentItem.StoredDataSought, AssistanceProvisions.StoredData),
            new(ContentItem.CustodianOrLocation, AssistanceProvisions.StoredData, ContentNecessity.WherePossible),
            new(ContentItem.PreservationReference, AssistanceProvisions.StoredData, ContentNecessity.WherePossible)),
        CentralAuthorityGrounds,
        AssistanceTable);

    /// <summary>Real-time collection of traffic data (Art. 45), with the contents Art. 45 lists.</summary>
    public static RequestKindProfile RealTimeTrafficDataCollection { get; } = new(
        RequestKind.RealTimeTrafficDataCollection,
        "Real-time collection of traffic data",
        RequestKind.RealTimeTrafficDataCollection.Basis(),
        DesignationRole.CentralAuthority,
        Collection(AssistanceProvisions.RealTimeTrafficData),
        CentralAuthorityGrounds,
        AssistanceTable);

    /// <summary>Interception of content data (Art. 46): the contents of Art. 45, and why content data are needed.</summary>
    public static RequestKindProfile ContentDataInterception { get; } = new(
        RequestKind.ContentDataInterception,
        "Interception of content data",
        RequestKind.ContentDataInterception.Basis(),
        DesignationRole.CentralAuthority,
        [.. Collection(AssistanceProvisions.ContentInterception), new(ContentItem.ContentNeed, AssistanceProvisions.ContentInterception)],
        CentralAuthorityGrounds,
        AssistanceTable);

    /// <summary>
    /// Spontaneous information (Art. 40): sent without a request, under the sender's confidentiality and use conditions,
    /// which the receiver must respect. There is nothing to refuse: the receiver takes it in, may ask about it, and closes it.
    /// </summary>
    public static RequestKindProfile SpontaneousInformation { get; } = new(
        RequestKind.SpontaneousInformation,
        "Spontaneous information",
        RequestKind.SpontaneousInformation.Basis(),
        DesignationRole.CentralAuthority,
        [
            new(ContentItem.RequestingAuthority, AssistanceProvisions.SpontaneousInformation),
            new(ContentItem.Information, AssistanceProvisions.SpontaneousInformation),
            new(ContentItem.Offence, AssistanceProvisions.SpontaneousInformation, ContentNecessity.WherePossible),
            new(ContentItem.SummaryOfFacts, AssistanceProvisions.SpontaneousInformation, ContentNecessity.WherePossible),
        ],
        [],
        new TransitionTable([
            new(RequestState.New, RequestEventType.Submitted, RequestState.Submitted),
            new(RequestState.Submitted, RequestEventType.Received, RequestState.Received),
            new(RequestState.Received, RequestEventType.Acknowledged, RequestState.Acknowledged),
            new(RequestState.Acknowledged, RequestEventType.InformationRequested, RequestState.AwaitingInformation),
            new(RequestState.Acknowledged, RequestEventType.Closed, RequestState.Closed),
            new(RequestState.AwaitingInformation, RequestEventType.InformationProvided, RequestState.Acknowledged),
        ]));

    public static IReadOnlyList<RequestKindProfile> All { get; } =
    [
        ExpeditedPreservation, ExpeditedDisclosureOfTrafficData, EmergencyDisclosure, LocateSuspect, TechnicalAdvice, LegalInformation,
        MutualLegalAssistance, StoredDataAccess, RealTimeTrafficDataCollection, ContentDataInterception, SpontaneousInformation,
    ];

    public static RequestKindProfile For(RequestKind kind) => kind switch
    {
        RequestKind.ExpeditedPreservation => ExpeditedPreservation,
        RequestKind.ExpeditedDisclosureOfTrafficData => ExpeditedDisclosureOfTrafficData,
        RequestKind.EmergencyDisclosure => EmergencyDisclosure,
        RequestKind.LocateSuspect => LocateSuspect,
        RequestKind.TechnicalAdvice => TechnicalAdvice,
        RequestKind.LegalInformation => LegalInformation,
        RequestKind.MutualLegalAssistance => MutualLegalAssistance,
        RequestKind.StoredDataAccess => StoredDataAccess,
        RequestKind.RealTimeTrafficDataCollection => RealTimeTrafficDataCollection,
        RequestKind.ContentDataInterception => ContentDataInterception,
        RequestKind.SpontaneousInformation => SpontaneousInformation,
    };

    /// <summary>Whether requests of this kind name the purposes of the assistance sought (<see cref="AssistancePurposes"/>).</summary>
    public static bool NamesPurposes(this RequestKind kind) => kind == RequestKind.MutualLegalAssistance;

    public static RequestKindProfile Profile(this RequestKind kind) => For(kind);

    /// <summary>What every central-authority request states (Art. 40), then the kind's own items.</summary>
    private static ContentRequirement[] AssistanceContents(params ContentRequirement[] specific)
    {
        var contents = AssistanceProvisions.RequestContents;
        return
        [
            new(ContentItem.RequestingAuthority, contents),
            new(ContentItem.SubjectOfProceedings, contents),
            new(ContentItem.ConductingAuthority, contents),
            new(ContentItem.Offence, contents),
            new(ContentItem.SummaryOfFacts, contents, ContentNecessity.RequiredUnlessServiceOfDocumentsOnly),
            new(ContentItem.AssistanceSought, contents),
            .. specific,
            new(ContentItem.ParticularProcedure, contents, ContentNecessity.WherePossible),
            new(ContentItem.PersonsConcerned, contents, ContentNecessity.WherePossible),
            new(ContentItem.ItemsOrAccounts, contents, ContentNecessity.WherePossible),
            new(ContentItem.Purpose, contents),
        ];
    }

    /// <summary>What a request for real-time collection states (Art. 45); interception adds to it (Art. 46).</summary>
    private static ContentRequirement[] Collection(ArticleReference basis) =>
    [
        new(ContentItem.RequestingAuthority, basis),
        new(ContentItem.Offence, basis),
        new(ContentItem.SummaryOfFacts, basis),
        new(ContentItem.DataToCollect, basis),
        new(ContentItem.LinkToOffence, basis),
        new(ContentItem.OwnerOrUser, basis, ContentNecessity.WherePossible),
        new(ContentItem.Justification, basis),
        new(ContentItem.CollectionPeriod, basis),
    ];

    /// <summary>
    /// The lifecycle of the central authorities' requests (Art. 40): the opening of every kind; status inquiries and
    /// answers at any time while it is open; consultation on conditions before refusal or postponement; postponement;
    /// partial execution (closed when it goes no further) and execution; consultation on extraordinary costs.
    /// </summary>
    private static TransitionTable AssistanceTable => new([
        .. Opening,
        .. Loop([RequestState.Received, RequestState.Acknowledged, RequestState.AwaitingInformation, RequestState.InConsultation, RequestState.Postponed, RequestState.PartiallyExecuted],
            RequestEventType.StatusInquired, RequestEventType.StatusAnswered),
        .. Loop([RequestState.Acknowledged, RequestState.Postponed, RequestState.PartiallyExecuted], RequestEventType.CostsRaised, RequestEventType.CostsAgreed),
        new(RequestState.Acknowledged, RequestEventType.ConditionsProposed, RequestState.InConsultation),
        new(RequestState.Acknowledged, RequestEventType.Postponed, RequestState.Postponed),
        new(RequestState.Acknowledged, RequestEventType.PartiallyExecuted, RequestState.PartiallyExecuted),
        new(RequestState.Acknowledged, RequestEventType.Executed, RequestState.Executed),
        new(RequestState.InConsultation, RequestEventType.ConditionsAccepted, RequestState.Acknowledged),
        new(RequestState.InConsultation, RequestEventType.ConditionsDeclined, RequestState.Acknowledged),
        new(RequestState.InConsultation, RequestEventType.Refused, RequestState.Refused),
        new(RequestState.InConsultation, RequestEventType.Withdrawn, RequestState.Withdrawn),
        new(RequestState.Postponed, RequestEventType.Postponed, RequestState.Postponed),
        new(RequestState.Postponed, RequestEventType.ConditionsProposed, RequestState.InConsultation),
        new(RequestState.Postponed, RequestEventType.PartiallyExecuted, RequestState.PartiallyExecuted),
        new(RequestState.Postponed, RequestEventType.Executed, RequestState.Executed),
        new(RequestState.Postponed, RequestEventType.Refused, RequestState.Refused),
        new(RequestState.Postponed, RequestEventType.Withdrawn, RequestState.Withdrawn),
        new(RequestState.PartiallyExecuted, RequestEventType.PartiallyExecuted, RequestState.PartiallyExecuted),
        new(RequestState.PartiallyExecuted, RequestEventType.Executed, RequestState.Executed),
        new(RequestState.PartiallyExecuted, RequestEventType.ConditionsProposed, RequestState.InConsultation),
        new(RequestState.PartiallyExecuted, RequestEventType.Postponed, RequestState.Postponed),
        new(RequestState.PartiallyExecuted, RequestEventType.Refused, RequestState.Refused),
        new(RequestState.PartiallyExecuted, RequestEventType.Withdrawn, RequestState.Withdrawn),
        new(RequestState.PartiallyExecuted, RequestEventType.Closed, RequestState.Closed),
    ]);

    /// <summary>Events that leave the state as it is, in each of <paramref name="states"/>.</summary>
    private static IEnumerable<Transition> Loop(RequestState[] states, params RequestEventType[] events) =>
        states.SelectMany(s => events.Select(e => new Transition(s, e, s)));

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
