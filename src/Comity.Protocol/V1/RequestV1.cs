using System.Text.Json;

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

/// <summary>A 24/7 request (Arts. 41–43) as it travels between the two nodes.</summary>
/// <param name="Id">UUIDv7 chosen by the requesting node.</param>
/// <param name="Kind"><c>expeditedPreservation</c>, <c>expeditedDisclosureOfTrafficData</c>, <c>emergencyDisclosure</c>, <c>locateSuspect</c>, <c>technicalAdvice</c> or <c>legalInformation</c>.</param>
/// <param name="RequestingState">ISO 3166-1 alpha-2; equal to the envelope's <c>from</c>.</param>
/// <param name="RequestedState">ISO 3166-1 alpha-2; equal to the envelope's <c>to</c>.</param>
/// <param name="RequestedDesignationId">The requested State's 24/7 designation in the Register the requester routed by.</param>
/// <param name="OfficerOnDuty">Who was on that designation's roster at submission, per the requester's Register.</param>
/// <param name="RegisterSerial">The serial of the Register the requester routed by.</param>
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
    JsonElement Contents,
    HandlingConditionsV1 Conditions);

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
/// <param name="Fields">The event's fields (an object): <c>until</c>, <c>ground</c>, <c>reasons</c>, <c>question</c>, <c>answer</c>, <c>reference</c>, <c>reason</c>, <c>note</c>, <c>text</c>, <c>conditions</c>, by type.</param>
public sealed record RequestEventV1(string Type, string By, DateTimeOffset At, string? Actor, JsonElement Fields);

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
