using System.Text.Json;
using System.Text.Json.Serialization;

namespace Comity.Protocol.V1;

/// <summary>
/// The body of a <c>request.submitted/v1</c> envelope: the whole request as the requesting node
/// submitted it, and its first event (<c>submitted</c>, index 0). The envelope's <c>conversation</c>
/// is the request id. See docs/protocol/requests-v1.md.
/// </summary>
public sealed record RequestSubmittedV1(RequestV1 Request, RequestEventV1 Event)
{
    public const string TypeName = "request.submitted/v1";
}

/// <summary>
/// The body of a <c>request.event/v1</c> envelope: one event recorded by the sending side, at
/// position <see cref="Index"/> of the request's history (0 is <c>submitted</c>).
/// </summary>
/// <param name="RequestId">The request (equal to the envelope's <c>conversation</c>).</param>
/// <param name="Index">The event's position in the history; the receiver holds exactly <c>index</c> events before it.</param>
public sealed record RequestEventEnvelopeV1(Guid RequestId, int Index, RequestEventV1 Event)
{
    public const string TypeName = "request.event/v1";
}

/// <summary>A request (Arts. 40–46) as it travels between the two nodes: over the 24/7 network or between central authorities.</summary>
/// <param name="Id">UUIDv7 chosen by the requesting node.</param>
/// <param name="Kind"><c>expeditedPreservation</c>, <c>expeditedDisclosureOfTrafficData</c>, <c>emergencyDisclosure</c>, <c>locateSuspect</c>, <c>technicalAdvice</c> or <c>legalInformation</c>.</param>
/// <param name="RequestingState">ISO 3166-1 alpha-2; equal to the envelope's <c>from</c>.</param>
/// <param name="RequestedState">ISO 3166-1 alpha-2; equal to the envelope's <c>to</c>.</param>
/// <param name="RequestedDesignationId">The requested State's designation in the Register the requester routed by: its 24/7 point of contact or its central authority, as the kind's channel says.</param>
/// <param name="OfficerOnDuty">Who was on that designation's roster at submission, per the requester's Register.</param>
/// <param name="RegisterSerial">The serial of the Register the requester routed by.</param>
/// <param name="Contents">The kind's content items.</param>
/// <param name="Conditions">The handling conditions the request travels under: the one place they are carried (its <c>submitted</c> event does not repeat them).</param>
public sealed record RequestV1(
    Guid Id,
    string Kind,
    string RequestingState,
    string RequestedState,
    string? RequestingOffice,
    string? RequestedOffice,
    string? RequestedDesignationId,
    string? OfficerOnDuty,
    long? RegisterSerial,
    string? Reference,
    LegalBasisV1 LegalBasis,
    RequestTextV1 Original,
    RequestTextV1? Translation,
    RequestContentsV1 Contents,
    HandlingConditionsV1 Conditions)
{
    /// <summary>
    /// For the central authorities' kinds: when the requester needs the assistance by (UTC), its reasons in
    /// <c>contents.deadlineReasons</c> (Art. 40). Written only when present; carried here once, never in the <c>submitted</c> event.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>
    /// The requesting State's own code of the offence, as it lists the offence in the Register (its maximum penalty and
    /// the Convention offences it covers), so that both sides read the same dual-criminality guidance (Art. 35). At most
    /// 64 characters; written only when present.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OffenceCode { get; init; }
}

/// <summary>
/// What a request states, item by item, in the language of the original (Arts. 40–46). Which items a
/// kind requires is the requesting node's check; on the wire every item is optional. The fourteen items of the
/// 24/7 kinds are always written (<c>null</c> when absent); the items the central authorities' kinds added, and
/// <see cref="Purposes"/>, are written only when present, so that a 24/7 request reads byte for byte as before.
/// A missing item reads as <c>null</c> and unknown members are ignored.
/// </summary>
public sealed record RequestContentsV1
{
    /// <summary><c>requestingAuthority</c>: the authority seeking the assistance.</summary>
    public string? RequestingAuthority { get; init; }

    /// <summary><c>offence</c>: the offence under investigation, prosecution or judicial proceedings.</summary>
    public string? Offence { get; init; }

    /// <summary><c>summaryOfFacts</c>: a brief summary of the relevant facts.</summary>
    public string? SummaryOfFacts { get; init; }

    /// <summary><c>dataToPreserve</c>: the stored data to be preserved (Art. 42).</summary>
    public string? DataToPreserve { get; init; }

    /// <summary><c>linkToOffence</c>: how the data to preserve relate to the offence.</summary>
    public string? LinkToOffence { get; init; }

    /// <summary><c>custodianOrLocation</c>: the custodian of the data or the location of the system.</summary>
    public string? CustodianOrLocation { get; init; }

    /// <summary><c>preservationNecessity</c>: why preservation is necessary.</summary>
    public string? PreservationNecessity { get; init; }

    /// <summary><c>intendedFollowUp</c>: the mutual legal assistance request the requester intends to submit.</summary>
    public string? IntendedFollowUp { get; init; }

    /// <summary><c>preservationReference</c>: the preservation request under which traffic data were preserved (Art. 43).</summary>
    public string? PreservationReference { get; init; }

    /// <summary><c>trafficDataSought</c>: the communication whose providers and path are to be identified.</summary>
    public string? TrafficDataSought { get; init; }

    /// <summary><c>emergency</c>: the risk to life or safety and why it is imminent.</summary>
    public string? Emergency { get; init; }

    /// <summary><c>dataSought</c>: the data whose disclosure would avert the emergency.</summary>
    public string? DataSought { get; init; }

    /// <summary><c>personSought</c>: who is to be located.</summary>
    public string? PersonSought { get; init; }

    /// <summary><c>question</c>: the question on which advice or information is sought.</summary>
    public string? Question { get; init; }

    /// <summary><c>subjectOfProceedings</c>: the subject and nature of the investigation, prosecution or proceedings (Art. 40).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SubjectOfProceedings { get; init; }

    /// <summary><c>conductingAuthority</c>: the name and functions of the authority conducting them (Art. 40).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ConductingAuthority { get; init; }

    /// <summary><c>assistanceSought</c>: a description of the assistance sought (Art. 40).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AssistanceSought { get; init; }

    /// <summary><c>particularProcedure</c>: any particular procedure the requester wishes followed (Art. 40).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ParticularProcedure { get; init; }

    /// <summary><c>personsConcerned</c>: the identity, location and nationality of any person concerned (Art. 40).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PersonsConcerned { get; init; }

    /// <summary><c>itemsOrAccounts</c>: the location of items or accounts (Art. 40).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ItemsOrAccounts { get; init; }

    /// <summary><c>purpose</c>: the purpose for which the evidence, information or action is sought (Art. 40).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Purpose { get; init; }

    /// <summary><c>deadlineReasons</c>: why the assistance is needed by the request's deadline (Art. 40).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DeadlineReasons { get; init; }

    /// <summary><c>storedDataSought</c>: the stored data to be searched or accessed, seized or secured, and disclosed (Art. 44).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StoredDataSought { get; init; }

    /// <summary><c>dataToCollect</c>: the traffic or content data to be collected (Arts. 45 and 46).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DataToCollect { get; init; }

    /// <summary><c>ownerOrUser</c>: what identifies the owner or user of the data, or the location of the system (Arts. 45 and 46).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OwnerOrUser { get; init; }

    /// <summary><c>justification</c>: why the collection is needed (Arts. 45 and 46).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Justification { get; init; }

    /// <summary><c>collectionPeriod</c>: the period of collection and why that duration is needed (Arts. 45 and 46).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CollectionPeriod { get; init; }

    /// <summary><c>contentNeed</c>: why content data, not traffic data alone, are needed (Art. 46).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ContentNeed { get; init; }

    /// <summary><c>information</c>: the information transmitted without a prior request (Art. 40).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Information { get; init; }

    /// <summary><c>purposes</c>: for <c>mutualLegalAssistance</c>, the codes of the purposes of the assistance sought (Art. 40), e.g. <c>takingEvidenceOrStatements</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Purposes { get; init; }
}

/// <param name="Kind"><c>convention</c>, <c>bilateralTreaty</c>, <c>budapestConvention</c>, <c>reciprocity</c> or <c>otherInstrument</c>.</param>
/// <param name="ConventionInForce">Whether the requester's treaty registry showed the Convention in force between the two States at submission.</param>
public sealed record LegalBasisV1(string Kind, string? Reference, bool? ConventionInForce);

/// <param name="ProvidedBy">For a translation: <c>requesting</c> (always the requester's); null for the original.</param>
public sealed record RequestTextV1(string Language, string Text, string? ProvidedBy);

/// <summary>Handling conditions (Art. 36; Art. 40) in their wire names.</summary>
public sealed record HandlingConditionsV1(
    string Confidentiality,
    string UseLimitation,
    string OnwardTransfer,
    int? RetentionDays,
    IReadOnlyList<string> DataProtection);

/// <summary>One event of a request's history.</summary>
/// <param name="Type"><c>submitted</c>, <c>received</c>, <c>acknowledged</c>, <c>informationRequested</c>, <c>informationProvided</c>, <c>preserved</c>, <c>extensionRequested</c>, <c>preservationExtended</c>, <c>followUpLinked</c>, <c>disclosed</c>, <c>answered</c>, <c>refused</c>, <c>withdrawn</c> or <c>closed</c>.</param>
/// <param name="By"><c>requesting</c> or <c>requested</c>: the side that recorded it (its node signs the envelope).</param>
/// <param name="At">When the side recorded it (UTC).</param>
/// <param name="Actor">Who recorded it on that node (display name), or null for the node itself.</param>
/// <param name="Fields">The event's fields: those its type defines (<see cref="RequestEventFieldsV1"/>).</param>
public sealed record RequestEventV1(string Type, string By, DateTimeOffset At, string? Actor, RequestEventFieldsV1 Fields);

/// <summary>
/// The fields of a <see cref="RequestEventV1"/>. Each type uses some of them (docs/protocol/requests-v1.md):
/// <c>received</c> and <c>submitted</c> none; <c>acknowledged</c> <c>officer</c>, <c>note</c>;
/// <c>informationRequested</c> <c>question</c>; <c>informationProvided</c> <c>answer</c>;
/// <c>preserved</c> <c>until</c>, <c>note</c>; <c>extensionRequested</c> <c>reason</c>;
/// <c>preservationExtended</c> <c>until</c>; <c>followUpLinked</c> <c>reference</c>;
/// <c>disclosed</c> and <c>answered</c> <c>conditions</c>, <c>text</c>; <c>refused</c> <c>ground</c>,
/// <c>reasons</c>; <c>withdrawn</c> and <c>closed</c> <c>reason</c>.
/// Unlike the rest of the body, a member without a value is left out rather than written <c>null</c>
/// (the object carries only what its type says), and members are in alphabetical order, as version 1
/// has always written them. Reading treats a missing member and <c>null</c> alike and ignores unknown
/// members, so a member a type does not use is ignored too.
/// </summary>
public sealed record RequestEventFieldsV1
{
    /// <summary><c>answer</c>: the requester's answer to the open question (<c>informationProvided</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Answer { get; init; }

    /// <summary>
    /// <c>conditions</c>: for <c>disclosed</c> and <c>answered</c>, the conditions the answer travels under
    /// (they raise the request's, never lower them). Never written for <c>submitted</c>: the request's
    /// <see cref="RequestV1.Conditions"/> are the one source. A receiver still accepts a <c>submitted</c> event
    /// that carries conditions (as senders did before) if, and only if, they equal the request's.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public HandlingConditionsV1? Conditions { get; init; }

    /// <summary><c>ground</c>: the refusal ground's wire name (<c>refused</c>), e.g. <c>essentialInterests</c>; an unknown name makes the event malformed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Ground { get; init; }

    /// <summary><c>note</c>: a free-text note of the recording officer (<c>acknowledged</c>, <c>preserved</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Note { get; init; }

    /// <summary><c>officer</c>: the officer who acknowledged (<c>acknowledged</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Officer { get; init; }

    /// <summary><c>question</c>: what the requested side needs to know to execute (<c>informationRequested</c>, Art. 40(16)).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Question { get; init; }

    /// <summary><c>reason</c>: why (<c>extensionRequested</c>, <c>withdrawn</c>, <c>closed</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    /// <summary><c>reasons</c>: the reasons for a refusal (<c>refused</c>, Art. 40(23)).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reasons { get; init; }

    /// <summary><c>reference</c>: the mutual legal assistance request that follows up a preservation (<c>followUpLinked</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reference { get; init; }

    /// <summary><c>text</c>: what was disclosed and how (<c>disclosed</c>), or the answer itself (<c>answered</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Text { get; init; }

    /// <summary><c>until</c>: the instant the preservation ends (<c>preserved</c>, <c>preservationExtended</c>), UTC with <c>Z</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? Until { get; init; }
}

/// <summary>Reads and writes request bodies with the federation's JSON rules.</summary>
public static class RequestJson
{
    public static JsonElement ToBody<T>(T body) => JsonSerializer.SerializeToElement(body, FederationJson.Options);

    /// <summary>Reads a body; null with the reason when it does not follow the schema.</summary>
    public static T? Read<T>(JsonElement body, out string problem)
        where T : class
    {
        try
        {
            var value = body.Deserialize<T>(FederationJson.Options);
            problem = value is null ? "The body is null." : "";
            return value;
        }
        catch (JsonException e)
        {
            problem = "The body does not follow the schema: " + e.Message;
            return null;
        }
    }
}
