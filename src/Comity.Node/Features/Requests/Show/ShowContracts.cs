using System.Text.Json;
using Comity.Node.Features.Requests.Delivery;

namespace Comity.Node.Features.Requests.Show;

// This use case's part of the JSON contract of /api/v1/requests; its conventions are in ../RequestContracts.cs.

/// <summary>Everything a node holds about one request.</summary>
/// <param name="Actions">The transitions this node's side may record now (route names: <c>acknowledge</c>, <c>preserve</c>, …): what the UI offers as buttons.</param>
/// <param name="WaitingFor">When the other side must act: what is awaited ("waiting for XB to acknowledge"); null otherwise.</param>
/// <param name="Delivery">
/// An event this node signed that has not reached the other node: the earliest refused one (<c>undeliverable</c>), else the
/// earliest being retried; null when everything this node sent was delivered or is on its way. While an event is refused,
/// the clocks that wait for the other side are not listed: that side has not received what would start them.
/// </param>
/// <param name="TheirOverdue">The clock the other side has let pass, with its 24/7 contact now (as in the list); null otherwise.</param>
public sealed record RequestDetail(
    RequestHeaderDto Header,
    LegalBasisDto LegalBasis,
    RequestTextDto Original,
    RequestTextDto? Translation,
    RequestContentsDto Contents,
    HandlingConditionsDto Conditions,
    IReadOnlyList<RequestClockDto> Clocks,
    IReadOnlyList<RequestEventDto> Events,
    IReadOnlyList<RequestAlertDto> Alerts,
    PreservationDto? Preservation,
    RefusalDto? Refusal,
    string? OpenQuestion,
    IReadOnlyList<string> Actions,
    string? WaitingFor,
    RequestDeliveryDto? Delivery = null,
    TheirOverdueDto? TheirOverdue = null)
{
    /// <summary>The requesting State's code of the offence, as listed in the Register; null when the request names none.</summary>
    public string? OffenceCode { get; init; }

    /// <summary>Guidance on dual criminality from both States' listed offences (Arts. 2, 35, 40), as the Register this node holds now shows them; null when the request names no listed offence or asks for no measure.</summary>
    public Validate.DualCriminalityDto? DualCriminality { get; init; }
}

/// <param name="Side">This node's side: <c>requesting</c> or <c>requested</c>.</param>
/// <param name="RequestedDesignationId">The 24/7 designation the request was routed to.</param>
/// <param name="OfficerOnDutyAtSubmission">Who was on the requested office's roster when the request was sent, according to the sender's Register.</param>
/// <param name="RequestedTimeZone">The requested office's IANA time zone, for the second clock.</param>
public sealed record RequestHeaderDto(
    Guid Id,
    string Kind,
    string Article,
    string Side,
    string RequestingState,
    string RequestedState,
    string? RequestingOffice,
    string? RequestedOffice,
    string? RequestedDesignationId,
    string? OfficerOnDutyAtSubmission,
    string? RequestedTimeZone,
    string State,
    DateTimeOffset SubmittedAt,
    DateTimeOffset LastMovedAt,
    string? Reference);

/// <param name="Kind">Wire name of the basis.</param>
/// <param name="Article">The provision that lets States cooperate on this basis (Art. 35(1)).</param>
/// <param name="ConventionInForceAtSubmission">Whether the Convention was in force between the States when submitted, as the requester's node saw it.</param>
public sealed record LegalBasisDto(string Kind, string? Reference, string Article, bool? ConventionInForceAtSubmission);

/// <param name="ProvidedBy"><c>requesting</c> for a translation (always the requester's); null for the original.</param>
public sealed record RequestTextDto(string Language, string Text, string? ProvidedBy);

/// <summary>A running clock.</summary>
/// <param name="Kind"><c>acknowledgement</c>, <c>preservationReminder</c>, <c>preservationExpiry</c> or <c>stale</c>.</param>
/// <param name="Remaining">Time left; zero when due.</param>
public sealed record RequestClockDto(string Kind, DateTimeOffset Due, string Article, bool IsDue, TimeSpan Remaining);

/// <summary>One event of the replicated, signed history.</summary>
/// <param name="Index">Position in the history, from 0 (<c>submitted</c>).</param>
/// <param name="Type">Event wire name: <c>submitted</c>, <c>received</c>, <c>acknowledged</c>, <c>preserved</c>, …</param>
/// <param name="By">The side that recorded it.</param>
/// <param name="Node">The State whose node recorded and signed it.</param>
/// <param name="Actor">Who recorded it on that node (display name), or null for the node itself (e.g. <c>received</c>).</param>
/// <param name="Fields">The event's fields as on the wire (<c>until</c>, <c>ground</c>, <c>reasons</c>, <c>conditions</c>, <c>text</c>, …).</param>
/// <param name="Delivery">For an event this node signed: how it reached the other node; null for the other node's events.</param>
public sealed record RequestEventDto(
    int Index,
    string Type,
    string By,
    string Node,
    string? Actor,
    DateTimeOffset At,
    JsonElement Fields,
    RequestSignatureDto Signature,
    RequestDeliveryDto? Delivery = null,
    TheirOverdueDto? TheirOverdue = null);

/// <summary>The signature over an event: the envelope that carried it, signed by <see cref="Signer"/>'s node.</summary>
/// <param name="Jws">The envelope JWS as sent (JSON serialization, RFC 7515).</param>
/// <param name="Kid">The signing key id.</param>
/// <param name="Signer">The State whose node signed.</param>
/// <param name="Verified">Whether the JWS verifies against the signer's key: as the Register this node holds lists it, or, for a key rotated out since, as earlier verified Registers listed it, valid when the event was signed.</param>
/// <param name="Problem">Why it does not verify, when it does not.</param>
public sealed record RequestSignatureDto(Guid EnvelopeId, string Jws, string Kid, string Signer, bool Verified, string? Problem);

/// <summary>The preservation as both sides hold it (Art. 42).</summary>
/// <param name="FollowUpReferences">The mutual legal assistance requests linked as follow-up.</param>
public sealed record PreservationDto(DateTimeOffset PreservedAt, DateTimeOffset Until, bool ExtensionPending, IReadOnlyList<string> FollowUpReferences);

/// <param name="Ground">Wire name of the ground.</param>
public sealed record RefusalDto(string Ground, string Article, string Reasons);
