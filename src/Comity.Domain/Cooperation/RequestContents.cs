namespace Comity.Domain.Cooperation;

/// <summary>One item a request may have to state. Which items each kind requires is in <see cref="RequestKindProfile.RequiredContents"/>.</summary>
public enum ContentItem
{
    /// <summary>The authority seeking the assistance.</summary>
    RequestingAuthority,

    /// <summary>The offence under investigation, prosecution or judicial proceedings.</summary>
    Offence,

    /// <summary>A brief summary of the relevant facts.</summary>
    SummaryOfFacts,

    /// <summary>The stored data to be preserved.</summary>
    DataToPreserve,

    /// <summary>How the data to preserve relate to the offence.</summary>
    LinkToOffence,

    /// <summary>Any available information identifying the custodian of the data or the location of the system.</summary>
    CustodianOrLocation,

    /// <summary>Why preservation is necessary.</summary>
    PreservationNecessity,

    /// <summary>The mutual legal assistance request (search, seizure or disclosure) the requester intends to submit.</summary>
    IntendedFollowUp,

    /// <summary>The preservation request under which the traffic data were preserved.</summary>
    PreservationReference,

    /// <summary>The communication whose providers and transmission path are to be identified from its traffic data.</summary>
    TrafficDataSought,

    /// <summary>The emergency: the risk to life or safety and why it is imminent.</summary>
    Emergency,

    /// <summary>The data whose disclosure would avert the emergency.</summary>
    DataSought,

    /// <summary>Who is to be located: identity, nationality and any known whereabouts or identifiers.</summary>
    PersonSought,

    /// <summary>The question on which advice or information is sought.</summary>
    Question,

    /// <summary>The subject and nature of the investigation, prosecution or proceedings.</summary>
    SubjectOfProceedings,

    /// <summary>The name and functions of the authority conducting the investigation, prosecution or proceedings.</summary>
    ConductingAuthority,

    /// <summary>A description of the assistance sought (its purposes are listed apart, as codes).</summary>
    AssistanceSought,

    /// <summary>Any particular procedure the requester wishes followed in executing the request.</summary>
    ParticularProcedure,

    /// <summary>Where possible, the identity, location and nationality of any person concerned.</summary>
    PersonsConcerned,

    /// <summary>Where possible, the location of items or accounts.</summary>
    ItemsOrAccounts,

    /// <summary>The purpose for which the evidence, information or action is sought.</summary>
    Purpose,

    /// <summary>Why the assistance is needed by the requester's deadline.</summary>
    DeadlineReasons,

    /// <summary>The stored data to be searched or accessed, seized or secured, and disclosed.</summary>
    StoredDataSought,

    /// <summary>The traffic or content data to be collected, and the communications they belong to.</summary>
    DataToCollect,

    /// <summary>Any data identifying the owner or user of the data, or the location of the system.</summary>
    OwnerOrUser,

    /// <summary>Why the collection is needed.</summary>
    Justification,

    /// <summary>The period of collection and why that duration is needed.</summary>
    CollectionPeriod,

    /// <summary>Why content data, not traffic data alone, are needed.</summary>
    ContentNeed,

    /// <summary>The information transmitted without a prior request.</summary>
    Information,
}

/// <summary>Wire names (field paths) of <see cref="ContentItem"/>.</summary>
public static class ContentItems
{
    public static IReadOnlyList<ContentItem> All { get; } = Enum.GetValues<ContentItem>();

    /// <summary>The item's name inside <c>contents</c>: <c>dataToPreserve</c>, <c>intendedFollowUp</c>, …</summary>
    public static string Wire(this ContentItem item) => item switch
    {
        ContentItem.RequestingAuthority => "requestingAuthority",
        ContentItem.Offence => "offence",
        ContentItem.SummaryOfFacts => "summaryOfFacts",
        ContentItem.DataToPreserve => "dataToPreserve",
        ContentItem.LinkToOffence => "linkToOffence",
        ContentItem.CustodianOrLocation => "custodianOrLocation",
        ContentItem.PreservationNecessity => "preservationNecessity",
        ContentItem.IntendedFollowUp => "intendedFollowUp",
        ContentItem.PreservationReference => "preservationReference",
        ContentItem.TrafficDataSought => "trafficDataSought",
        ContentItem.Emergency => "emergency",
        ContentItem.DataSought => "dataSought",
        ContentItem.PersonSought => "personSought",
        ContentItem.Question => "question",
        ContentItem.SubjectOfProceedings => "subjectOfProceedings",
        ContentItem.ConductingAuthority => "conductingAuthority",
        ContentItem.AssistanceSought => "assistanceSought",
        ContentItem.ParticularProcedure => "particularProcedure",
        ContentItem.PersonsConcerned => "personsConcerned",
        ContentItem.ItemsOrAccounts => "itemsOrAccounts",
        ContentItem.Purpose => "purpose",
        ContentItem.DeadlineReasons => "deadlineReasons",
        ContentItem.StoredDataSought => "storedDataSought",
        ContentItem.DataToCollect => "dataToCollect",
        ContentItem.OwnerOrUser => "ownerOrUser",
        ContentItem.Justification => "justification",
        ContentItem.CollectionPeriod => "collectionPeriod",
        ContentItem.ContentNeed => "contentNeed",
        ContentItem.Information => "information",
    };

    /// <summary>The field path used in problem documents: <c>contents.dataToPreserve</c>.</summary>
    public static string FieldPath(this ContentItem item) => "contents." + item.Wire();
}

/// <summary>
/// What a request states, as free text in the language of the original. Each property may be empty in
/// a draft; <see cref="RequestDraftValidator"/> lists the ones the kind requires.
/// </summary>
public sealed record RequestContents
{
    public static RequestContents Empty { get; } = new();

    public string? RequestingAuthority { get; init; }

    public string? Offence { get; init; }

    public string? SummaryOfFacts { get; init; }

    public string? DataToPreserve { get; init; }

    public string? LinkToOffence { get; init; }

    public string? CustodianOrLocation { get; init; }

    public string? PreservationNecessity { get; init; }

    public string? IntendedFollowUp { get; init; }

    public string? PreservationReference { get; init; }

    public string? TrafficDataSought { get; init; }

    public string? Emergency { get; init; }

    public string? DataSought { get; init; }

    public string? PersonSought { get; init; }

    public string? Question { get; init; }

    public string? SubjectOfProceedings { get; init; }

    public string? ConductingAuthority { get; init; }

    public string? AssistanceSought { get; init; }

    public string? ParticularProcedure { get; init; }

    public string? PersonsConcerned { get; init; }

    public string? ItemsOrAccounts { get; init; }

    public string? Purpose { get; init; }

    public string? DeadlineReasons { get; init; }

    public string? StoredDataSought { get; init; }

    public string? DataToCollect { get; init; }

    public string? OwnerOrUser { get; init; }

    public string? Justification { get; init; }

    public string? CollectionPeriod { get; init; }

    public string? ContentNeed { get; init; }

    public string? Information { get; init; }

    public string? this[ContentItem item] => item switch
    {
        ContentItem.RequestingAuthority => RequestingAuthority,
        ContentItem.Offence => Offence,
        ContentItem.SummaryOfFacts => SummaryOfFacts,
        ContentItem.DataToPreserve => DataToPreserve,
        ContentItem.LinkToOffence => LinkToOffence,
        ContentItem.CustodianOrLocation => CustodianOrLocation,
        ContentItem.PreservationNecessity => PreservationNecessity,
        ContentItem.IntendedFollowUp => IntendedFollowUp,
        ContentItem.PreservationReference => PreservationReference,
        ContentItem.TrafficDataSought => TrafficDataSought,
        ContentItem.Emergency => Emergency,
        ContentItem.DataSought => DataSought,
        ContentItem.PersonSought => PersonSought,
        ContentItem.Question => Question,
        ContentItem.SubjectOfProceedings => SubjectOfProceedings,
        ContentItem.ConductingAuthority => ConductingAuthority,
        ContentItem.AssistanceSought => AssistanceSought,
        ContentItem.ParticularProcedure => ParticularProcedure,
        ContentItem.PersonsConcerned => PersonsConcerned,
        ContentItem.ItemsOrAccounts => ItemsOrAccounts,
        ContentItem.Purpose => Purpose,
        ContentItem.DeadlineReasons => DeadlineReasons,
        ContentItem.StoredDataSought => StoredDataSought,
        ContentItem.DataToCollect => DataToCollect,
        ContentItem.OwnerOrUser => OwnerOrUser,
        ContentItem.Justification => Justification,
        ContentItem.CollectionPeriod => CollectionPeriod,
        ContentItem.ContentNeed => ContentNeed,
        ContentItem.Information => Information,
    };

    /// <summary>A copy with one item set; convenient for forms and test builders.</summary>
    public RequestContents With(ContentItem item, string? value) => item switch
    {
        ContentItem.RequestingAuthority => this with { RequestingAuthority = value },
        ContentItem.Offence => this with { Offence = value },
        ContentItem.SummaryOfFacts => this with { SummaryOfFacts = value },
        ContentItem.DataToPreserve => this with { DataToPreserve = value },
        ContentItem.LinkToOffence => this with { LinkToOffence = value },
        ContentItem.CustodianOrLocation => this with { CustodianOrLocation = value },
        ContentItem.PreservationNecessity => this with { PreservationNecessity = value },
        ContentItem.IntendedFollowUp => this with { IntendedFollowUp = value },
        ContentItem.PreservationReference => this with { PreservationReference = value },
        ContentItem.TrafficDataSought => this with { TrafficDataSought = value },
        ContentItem.Emergency => this with { Emergency = value },
        ContentItem.DataSought => this with { DataSought = value },
        ContentItem.PersonSought => this with { PersonSought = value },
        ContentItem.Question => this with { Question = value },
        ContentItem.SubjectOfProceedings => this with { SubjectOfProceedings = value },
        ContentItem.ConductingAuthority => this with { ConductingAuthority = value },
        ContentItem.AssistanceSought => this with { AssistanceSought = value },
        ContentItem.ParticularProcedure => this with { ParticularProcedure = value },
        ContentItem.PersonsConcerned => this with { PersonsConcerned = value },
        ContentItem.ItemsOrAccounts => this with { ItemsOrAccounts = value },
        ContentItem.Purpose => this with { Purpose = value },
        ContentItem.DeadlineReasons => this with { DeadlineReasons = value },
        ContentItem.StoredDataSought => this with { StoredDataSought = value },
        ContentItem.DataToCollect => this with { DataToCollect = value },
        ContentItem.OwnerOrUser => this with { OwnerOrUser = value },
        ContentItem.Justification => this with { Justification = value },
        ContentItem.CollectionPeriod => this with { CollectionPeriod = value },
        ContentItem.ContentNeed => this with { ContentNeed = value },
        ContentItem.Information => this with { Information = value },
    };
}
