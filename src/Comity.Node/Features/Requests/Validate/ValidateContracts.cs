using System.Text.Json.Serialization;
using Comity.Domain.Legal;
using Comity.Node.Kernel;

namespace Comity.Node.Features.Requests.Validate;

// This use case's part of the JSON contract of /api/v1/requests; its conventions are in ../RequestContracts.cs.

/// <summary>
/// A request as an officer drafts it on the requesting node. The requesting State is always this node's
/// State. Anything may be missing: <c>POST /api/v1/requests/validate</c> lists every problem.
/// </summary>
/// <param name="Kind">On the 24/7 network <c>expeditedPreservation</c>, <c>expeditedDisclosureOfTrafficData</c>, <c>emergencyDisclosure</c>, <c>locateSuspect</c>, <c>technicalAdvice</c> or <c>legalInformation</c>; between central authorities <c>mutualLegalAssistance</c>, <c>storedDataAccess</c>, <c>realTimeTrafficDataCollection</c>, <c>contentDataInterception</c> or <c>spontaneousInformation</c>.</param>
/// <param name="RequestedState">ISO 3166-1 alpha-2 code of the State asked for assistance.</param>
/// <param name="RequestingOffice">The requesting office as it signs the request (defaults to the sender's office).</param>
/// <param name="LegalBasis">What the request rests on (Art. 35(1)); defaults to none, which is a problem.</param>
/// <param name="Original">The request in its original language (BCP 47 tag).</param>
/// <param name="Translation">An optional translation, always provided by the requester; kept beside the original.</param>
/// <param name="Contents">The kind's contents (see <c>GET /api/v1/requests/kinds</c> for which are required).</param>
/// <param name="Conditions">Handling conditions that travel with the request (Art. 36, Art. 40); none by default.</param>
/// <param name="Reference">The requester's own case reference, shown to both sides.</param>
/// <param name="Purposes">For <c>mutualLegalAssistance</c>: the codes of the purposes of the assistance sought (Art. 40; <c>GET /api/v1/requests/kinds</c> lists them).</param>
/// <param name="Deadline">For the central authorities' kinds: when the assistance is needed by, with its reasons in <c>contents.deadlineReasons</c> (Art. 40).</param>
public sealed record RequestDraftInput(
    string? Kind,
    string? RequestedState,
    string? RequestingOffice,
    LegalBasisInput? LegalBasis,
    RequestTextInput? Original,
    RequestTextInput? Translation,
    RequestContentsDto? Contents,
    HandlingConditionsDto? Conditions,
    string? Reference = null,
    IReadOnlyList<string>? Purposes = null,
    DateTimeOffset? Deadline = null,
    string? OffenceCode = null);

/// <summary>The legal basis of a request.</summary>
/// <param name="Kind"><c>convention</c>, <c>bilateralTreaty</c>, <c>budapestConvention</c>, <c>reciprocity</c> or <c>otherInstrument</c>.</param>
/// <param name="Reference">The treaty or instrument's name (required for <c>bilateralTreaty</c> and <c>otherInstrument</c>) or any reference.</param>
public sealed record LegalBasisInput(string? Kind, string? Reference);

/// <summary>A text and its language (BCP 47).</summary>
public sealed record RequestTextInput(string? Language, string? Text);

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
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Limit = null)
{
    /// <summary>The rule named by the node's own checks of the input (lengths, wire values, the Register).</summary>
    public const string InputRule = "RequestInput";

    /// <summary>A problem the node's own checks found, which always name the field.</summary>
    public static RequestProblemDto From(ProblemError problem, string rule = InputRule)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(problem.Field ?? throw new InvalidOperationException($"The request check {problem.Code} names no field."), problem.Code, rule, problem.Message, problem.Article ?? "", problem.Limit);
    }

    /// <summary>A violation found by the domain's request rules, which always name the field.</summary>
    public static RequestProblemDto From(RuleViolation violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        return new(violation.Field ?? throw new InvalidOperationException($"The request rule {violation.Code} names no field."), violation.Code, violation.Rule ?? nameof(RuleViolation), violation.Message, violation.Basis.ToString());
    }

    /// <summary>The problem as an item of a problem document (a refused submission lists every problem of the draft).</summary>
    public ProblemError AsError() => new(Field, Code, Message, Article, Limit);
}

/// <summary>The result of checking a draft: every problem, warnings, and where the request would go.</summary>
/// <param name="Valid">True when the draft may be submitted as it is.</param>
/// <param name="Problems">Every blocking problem (a submit answers 422 with the same list).</param>
/// <param name="Warnings">Things the officer should know but that do not block (e.g. the Convention is not in force and another basis is named, or the point of contact has nobody on the roster now).</param>
/// <param name="Routing">Where the request goes according to the Register this node holds; null when the requested State is unknown.</param>
public sealed record RequestValidationResult(
    bool Valid,
    IReadOnlyList<RequestProblemDto> Problems,
    IReadOnlyList<RequestProblemDto> Warnings,
    RequestRoutingDto? Routing,
    DualCriminalityDto? DualCriminality = null);

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
