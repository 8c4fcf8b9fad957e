using System.Text.Json;
using System.Text.Json.Serialization;

namespace Comity.Node.Features.Requests;

// The JSON contract of /api/v1/requests (docs/cooperation/requests-api.md). Names are camelCase on the
// wire; enum-like values are the domain's wire names (RequestKinds.Wire, RequestStates.Wire, …);
// instants are UTC ISO 8601; durations are TimeSpan ("hh:mm:ss" or "d.hh:mm:ss").
// Every member added later is optional, so that clients written against this version keep working.

/// <summary>
/// A request as an officer drafts it on the requesting node. The requesting State is always this node's
/// State. Anything may be missing: <c>POST /api/v1/requests/validate</c> lists every problem.
/// </summary>
/// <param name="Kind"><c>expeditedPreservation</c>, <c>expeditedDisclosureOfTrafficData</c>, <c>emergencyDisclosure</c>, <c>locateSuspect</c>, <c>technicalAdvice</c> or <c>legalInformation</c>.</param>
/// <param name="RequestedState">ISO 3166-1 alpha-2 code of the State asked for assistance.</param>
/// <param name="RequestingOffice">The requesting office as it signs the request (defaults to the sender's office).</param>
/// <param name="LegalBasis">What the request rests on (Art. 35(1)); defaults to none, which is a problem.</param>
/// <param name="Original">The request in its original language (BCP 47 tag).</param>
/// <param name="Translation">An optional translation, always provided by the requester; kept beside the original.</param>
/// <param name="Contents">The kind's contents (see <c>GET /api/v1/requests/kinds</c> for which are required).</param>
/// <param name="Conditions">Handling conditions that travel with the request (Art. 36, Art. 40); none by default.</param>
/// <param name="Reference">The requester's own case reference, shown to both sides.</param>
public sealed record RequestDraftInput(
    string? Kind,
    string? RequestedState,
    string? RequestingOffice,
    LegalBasisInput? LegalBasis,
    RequestTextInput? Original,
    RequestTextInput? Translation,
    RequestContentsDto? Contents,
    HandlingConditionsDto? Conditions,
    string? Reference = null);

/// <summary>The legal basis of a request.</summary>
/// <param name="Kind"><c>convention</c>, <c>bilateralTreaty</c>, <c>budapestConvention</c>, <c>reciprocity</c> or <c>otherInstrument</c>.</param>
/// <param name="Reference">The treaty or instrument's name (required for <c>bilateralTreaty</c> and <c>otherInstrument</c>) or any reference.</param>
public sealed record LegalBasisInput(string? Kind, string? Reference);

/// <summary>A text and its language (BCP 47).</summary>
public sealed record RequestTextInput(string? Language, string? Text);

/// <summary>What a request states, item by item (the names are the domain's <c>ContentItem</c> wire names).</summary>
public sealed record RequestContentsDto
{
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
}

/// <summary>Handling conditions (Art. 36; Art. 40). Each dimension is ordered; the most restrictive always wins.</summary>
/// <param name="Confidentiality"><c>none</c>, <c>confidential</c> or <c>doNotNotifyHolder</c>.</param>
/// <param name="UseLimitation"><c>none</c>, <c>statedPurposeOnly</c> or <c>intelligenceOnly</c>.</param>
/// <param name="OnwardTransfer"><c>withPriorAuthorization</c> (the floor, Art. 36(3)), <c>withWrittenAuthorization</c> or <c>prohibited</c>.</param>
/// <param name="RetentionDays">Delete after at most this many days (Art. 36(1)); null is no limit.</param>
/// <param name="DataProtection">Further data-protection conditions in the sender's words (Art. 36(1)).</param>
public sealed record HandlingConditionsDto(
    string? Confidentiality = null,
    string? UseLimitation = null,
    string? OnwardTransfer = null,
    int? RetentionDays = null,
    IReadOnlyList<string>? DataProtection = null);

/// <summary>One thing wrong (or worth a warning), with the field, the rule's stable code, a message and the article.</summary>
/// <param name="Field">JSON path of the field at fault: <c>contents.dataToPreserve</c>, <c>legalBasis.kind</c>, <c>until</c>.</param>
/// <param name="Code">Stable code, <c>area.kebab-case</c>: <c>request.missing-content</c>, <c>preservation.period-too-short</c>.</param>
/// <param name="Rule">The rule that found it (a type name of the domain), for the legal catalogue.</param>
/// <param name="Article">The provision, as printed: <c>Art. 42</c>, <c>Art. 40(14)</c>.</param>
/// <param name="Limit">The bound that was crossed, for rules that have one (<c>request.text-too-long</c>: the most characters;
/// <c>preservation.days-out-of-range</c>: the most days; <c>handover.too-many-requests</c>: the most requests). Absent otherwise.</param>
public sealed record RequestProblemDto(
    string Field,
    string Code,
    string Rule,
    string Message,
    string Article,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Limit = null);

/// <summary>The result of checking a draft: every problem, warnings, and where the request would go.</summary>
/// <param name="Valid">True when the draft may be submitted as it is.</param>
/// <param name="Problems">Every blocking problem (a submit answers 422 with the same list).</param>
/// <param name="Warnings">Things the officer should know but that do not block (e.g. the Convention is not in force and another basis is named, or the point of contact has nobody on the roster now).</param>
/// <param name="Routing">Where the request goes according to the Register this node holds; null when the requested State is unknown.</param>
public sealed record RequestValidationResult(
    bool Valid,
    IReadOnlyList<RequestProblemDto> Problems,
    IReadOnlyList<RequestProblemDto> Warnings,
    RequestRoutingDto? Routing);

/// <summary>The requested State's 24/7 point of contact as the Register shows it.</summary>
/// <param name="State">The requested State.</param>
/// <param name="DesignationId">The designation (office) with the 24/7 role (Art. 41(1)).</param>
/// <param name="Office">The office's name.</param>
/// <param name="OfficerOnDuty">Who is on the roster now, or null when there is a gap.</param>
/// <param name="AcceptedLanguages">Languages the office accepts (Art. 40(14)).</param>
/// <param name="TimeZone">IANA time zone of the office.</param>
/// <param name="ConventionInForce">Whether the Convention is in force between the two States today (Art. 65).</param>
/// <param name="InForceReason">Why, in words.</param>
/// <param name="RegisterSerial">The serial of the Register this was read from.</param>
public sealed record RequestRoutingDto(
    string State,
    string? DesignationId,
    string? Office,
    string? OfficerOnDuty,
    IReadOnlyList<string> AcceptedLanguages,
    string? TimeZone,
    bool ConventionInForce,
    string InForceReason,
    long? RegisterSerial);

/// <summary>A row of the incoming or outgoing list, ordered by urgency then due time.</summary>
/// <param name="Box"><c>incoming</c> (this node is the requested side) or <c>outgoing</c> (this node requested).</param>
/// <param name="Article">The kind's provision: <c>Art. 42</c>.</param>
/// <param name="State">The request's state (<c>submitted</c>, <c>received</c>, <c>acknowledged</c>, <c>preserved</c>, …).</param>
/// <param name="Urgency"><c>overdue</c> (a clock has passed), <c>dueSoon</c> (within the kind's acknowledgement time or 3 days for a preservation), <c>open</c> or <c>final</c>.</param>
/// <param name="NextDueAt">The earliest running clock, when one runs.</param>
/// <param name="NextDueKind"><c>acknowledgement</c>, <c>preservationReminder</c>, <c>preservationExpiry</c> or <c>stale</c>.</param>
/// <param name="AwaitingUs">True when this node's side has something to do (its transitions are possible now).</param>
/// <param name="OpenAlerts">Reminders and escalations raised and not yet overtaken by a later event.</param>
public sealed record RequestSummary(
    Guid Id,
    string Box,
    string Kind,
    string Article,
    string RequestingState,
    string RequestedState,
    string State,
    string Urgency,
    DateTimeOffset? NextDueAt,
    string? NextDueKind,
    DateTimeOffset SubmittedAt,
    DateTimeOffset LastMovedAt,
    string? Reference,
    string? OfficerOnDuty,
    bool AwaitingUs,
    int OpenAlerts);

/// <summary>Filters of <c>GET /api/v1/requests</c>.</summary>
/// <param name="Box"><c>incoming</c>, <c>outgoing</c> or null for both.</param>
/// <param name="State">Only requests in this state (wire name).</param>
/// <param name="Kind">Only requests of this kind (wire name).</param>
/// <param name="Open">True: only requests not in a final state; false: only final ones.</param>
/// <param name="Limit">At most this many rows (default 100, at most 500).</param>
public sealed record RequestListFilter(string? Box = null, string? State = null, string? Kind = null, bool? Open = null, int? Limit = null);

/// <summary>The list answer.</summary>
public sealed record RequestListResponse(IReadOnlyList<RequestSummary> Items);

/// <summary>Everything a node holds about one request.</summary>
/// <param name="Actions">The transitions this node's side may record now (route names: <c>acknowledge</c>, <c>preserve</c>, …): what the UI offers as buttons.</param>
/// <param name="WaitingFor">When the other side must act: what is awaited ("waiting for XB to acknowledge"); null otherwise.</param>
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
    string? WaitingFor);

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
public sealed record RequestEventDto(
    int Index,
    string Type,
    string By,
    string Node,
    string? Actor,
    DateTimeOffset At,
    JsonElement Fields,
    RequestSignatureDto Signature);

/// <summary>The signature over an event: the envelope that carried it, signed by <see cref="Signer"/>'s node.</summary>
/// <param name="Jws">The envelope JWS as sent (JSON serialization, RFC 7515).</param>
/// <param name="Kid">The signing key id.</param>
/// <param name="Signer">The State whose node signed.</param>
/// <param name="Verified">Whether the JWS verifies against the signer's key: as the Register this node holds lists it, or, for a key rotated out since, as earlier verified Registers listed it, valid when the event was signed.</param>
/// <param name="Problem">Why it does not verify, when it does not.</param>
public sealed record RequestSignatureDto(Guid EnvelopeId, string Jws, string Kid, string Signer, bool Verified, string? Problem);

/// <summary>A reminder or an escalation the clocks worker raised.</summary>
/// <param name="Kind"><c>reminder</c> (to the officers of this node's side) or <c>escalation</c> (to supervisors).</param>
/// <param name="Clock">The clock: <c>acknowledgement</c>, <c>preservationReminder</c>, <c>preservationExpiry</c> or <c>stale</c>.</param>
/// <param name="Audience">The role it is for: <c>duty-officer</c> or <c>supervisor</c>.</param>
public sealed record RequestAlertDto(Guid Id, Guid RequestId, string Kind, string Clock, string Audience, DateTimeOffset Due, DateTimeOffset RaisedAt, string Message, string Article);

/// <summary>The preservation as both sides hold it (Art. 42).</summary>
/// <param name="FollowUpReferences">The mutual legal assistance requests linked as follow-up.</param>
public sealed record PreservationDto(DateTimeOffset PreservedAt, DateTimeOffset Until, bool ExtensionPending, IReadOnlyList<string> FollowUpReferences);

/// <param name="Ground">Wire name of the ground.</param>
public sealed record RefusalDto(string Ground, string Article, string Reasons);

/// <summary>The base of every transition's input; each route has its own record.</summary>
public abstract record TransitionInput
{
    /// <summary>The route segment and the domain event it records: <c>acknowledge</c> → <c>acknowledged</c>.</summary>
    public abstract string Transition { get; }
}

/// <summary>The requested side has the request in hand. The officer is the signed-in user.</summary>
public sealed record AcknowledgeInput(string? Note = null) : TransitionInput
{
    public override string Transition => RequestTransitions.Acknowledge;
}

/// <summary>The data are preserved until <see cref="Until"/>, or for <see cref="Days"/> days from now; at least 60 days (Art. 42).</summary>
public sealed record PreserveInput(DateTimeOffset? Until = null, int? Days = null, string? Note = null) : TransitionInput
{
    public override string Transition => RequestTransitions.Preserve;
}

/// <summary>The data were disclosed (traffic data, Art. 43; emergency, Art. 41(3)(e)); the text says what and how, the conditions are added to the request's.</summary>
public sealed record DiscloseInput(string? Text = null, HandlingConditionsDto? Conditions = null) : TransitionInput
{
    public override string Transition => RequestTransitions.Disclose;
}

/// <summary>The answer (a location, advice, legal information), under conditions added to the request's.</summary>
public sealed record AnswerInput(string? Text = null, HandlingConditionsDto? Conditions = null) : TransitionInput
{
    public override string Transition => RequestTransitions.Answer;
}

/// <summary>Refusal on an enumerated ground with reasons (Art. 40(21)–(23); Arts. 42–43 for the limited grounds).</summary>
public sealed record RefuseInput(string? Ground = null, string? Reasons = null) : TransitionInput
{
    public override string Transition => RequestTransitions.Refuse;
}

/// <summary>The requested side needs more information (Art. 40(16)).</summary>
public sealed record RequestInformationInput(string? Question = null) : TransitionInput
{
    public override string Transition => RequestTransitions.RequestInformation;
}

/// <summary>The requester answers the question.</summary>
public sealed record ProvideInformationInput(string? Answer = null) : TransitionInput
{
    public override string Transition => RequestTransitions.ProvideInformation;
}

/// <summary>The requester asks for the preservation to be extended.</summary>
public sealed record RequestExtensionInput(string? Reason = null) : TransitionInput
{
    public override string Transition => RequestTransitions.RequestExtension;
}

/// <summary>The requested side extends the preservation until a later date (or by some days from the current end).</summary>
public sealed record ExtendInput(DateTimeOffset? Until = null, int? Days = null) : TransitionInput
{
    public override string Transition => RequestTransitions.Extend;
}

/// <summary>The requester links the mutual legal assistance request that follows the preservation (Art. 42).</summary>
public sealed record LinkFollowUpInput(string? Reference = null) : TransitionInput
{
    public override string Transition => RequestTransitions.LinkFollowUp;
}

/// <summary>The requester no longer needs the assistance; every clock stops on both sides.</summary>
public sealed record WithdrawInput(string? Reason = null) : TransitionInput
{
    public override string Transition => RequestTransitions.Withdraw;
}

/// <summary>The requested side ends the preservation.</summary>
public sealed record CloseInput(string? Reason = null) : TransitionInput
{
    public override string Transition => RequestTransitions.Close;
}

/// <summary>The route segments of the transitions, one per domain event a user records.</summary>
public static class RequestTransitions
{
    public const string Acknowledge = "acknowledge";
    public const string Preserve = "preserve";
    public const string Disclose = "disclose";
    public const string Answer = "answer";
    public const string Refuse = "refuse";
    public const string RequestInformation = "request-information";
    public const string ProvideInformation = "provide-information";
    public const string RequestExtension = "request-extension";
    public const string Extend = "extend";
    public const string LinkFollowUp = "link-follow-up";
    public const string Withdraw = "withdraw";
    public const string Close = "close";

    public static IReadOnlyList<string> All { get; } =
        [Acknowledge, Preserve, Disclose, Answer, Refuse, RequestInformation, ProvideInformation, RequestExtension, Extend, LinkFollowUp, Withdraw, Close];
}

/// <summary>A note from one shift to the next, optionally about some requests.</summary>
public sealed record HandoverNoteInput(string? Text, IReadOnlyList<Guid>? RequestIds = null);

/// <summary>A stored handover note.</summary>
public sealed record HandoverNoteDto(Guid Id, string Author, DateTimeOffset WrittenAt, string Text, IReadOnlyList<Guid> RequestIds);

/// <summary>The answer of <c>GET /api/v1/requests/handover-notes</c>, newest first.</summary>
public sealed record HandoverNotesResponse(IReadOnlyList<HandoverNoteDto> Items);

/// <summary>Everything the guided form needs: each kind's required contents with articles, grounds, clocks and workflow; the values of the legal bases and conditions.</summary>
public sealed record RequestKindsResponse(
    IReadOnlyList<RequestKindInfo> Kinds,
    IReadOnlyList<NamedValueInfo> LegalBases,
    ConditionValuesInfo Conditions,
    int MinimumPreservationDays,
    string MinimumPreservationArticle,
    IReadOnlyList<TimeSpan> PreservationRemindersBeforeExpiry);

/// <param name="Channel">The designation the kind goes to: <c>pointOfContact247</c> (Art. 41(1)).</param>
/// <param name="Clocks">This node's clock settings for the kind.</param>
/// <param name="Transitions">The kind's transition table (state, event, next state, owner side).</param>
public sealed record RequestKindInfo(
    string Kind,
    string Title,
    string Article,
    string Channel,
    IReadOnlyList<ContentRequirementInfo> RequiredContents,
    IReadOnlyList<NamedValueInfo> RefusalGrounds,
    KindClocksInfo Clocks,
    IReadOnlyList<TransitionInfo> Transitions);

/// <param name="Field">The draft field: <c>contents.dataToPreserve</c>.</param>
/// <param name="Item">The item's wire name: <c>dataToPreserve</c>.</param>
/// <param name="Description">What to write, in words.</param>
public sealed record ContentRequirementInfo(string Field, string Item, string Description, string Article);

/// <summary>A wire value with its article (when it has one).</summary>
public sealed record NamedValueInfo(string Value, string? Article);

public sealed record KindClocksInfo(TimeSpan AcknowledgeWithin, TimeSpan StaleAfter);

/// <param name="Route">The route segment that records <see cref="Event"/> (<c>preserve</c> for <c>preserved</c>), or null for the events the nodes record themselves (<c>submitted</c> through POST /requests, <c>received</c>).</param>
public sealed record TransitionInfo(string From, string Event, string To, string Side, string? Route);

/// <summary>The ordered values of each condition dimension, least restrictive first.</summary>
public sealed record ConditionValuesInfo(
    IReadOnlyList<string> Confidentiality,
    IReadOnlyList<string> UseLimitation,
    IReadOnlyList<string> OnwardTransfer,
    string Article);

/// <summary>The answer of <c>GET /api/v1/requests/alerts</c>: reminders and escalations, newest first.</summary>
public sealed record RequestAlertsResponse(IReadOnlyList<RequestAlertDto> Items);

/// <summary>A change to a request on this node: a new request, an event (recorded here or received), or an alert.</summary>
/// <param name="What"><c>submitted</c>, <c>received</c>, <c>event</c> or <c>alert</c>.</param>
/// <param name="Box"><c>incoming</c> or <c>outgoing</c>.</param>
/// <param name="State">The request's state after the change.</param>
public sealed record RequestChange(Guid RequestId, string What, string Box, string State, DateTimeOffset At);
