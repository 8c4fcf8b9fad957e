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
    };
}
