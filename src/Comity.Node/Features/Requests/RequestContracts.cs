using Comity.Domain.Cooperation;

namespace Comity.Node.Features.Requests;

// The parts of the JSON contract of /api/v1/requests (docs/cooperation/requests-api.md) that several use cases
// share; each use case's own contracts are in its folder. Names are camelCase on the wire; enum-like values are
// the domain's wire names (RequestKinds.Wire, RequestStates.Wire, …); instants are UTC ISO 8601; durations are
// TimeSpan ("hh:mm:ss" or "d.hh:mm:ss"). Every member added later is optional, so that clients written against
// this version keep working.

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

/// <summary>A reminder or an escalation the clocks worker raised.</summary>
/// <param name="Kind"><c>reminder</c> (to the officers of this node's side) or <c>escalation</c> (to supervisors).</param>
/// <param name="Clock">The clock: <c>acknowledgement</c>, <c>preservationReminder</c>, <c>preservationExpiry</c> or <c>stale</c>.</param>
/// <param name="Audience">The role it is for: <c>duty-officer</c> or <c>supervisor</c>.</param>
public sealed record RequestAlertDto(Guid Id, Guid RequestId, string Kind, string Clock, string Audience, DateTimeOffset Due, DateTimeOffset RaisedAt, string Message, string Article)
{
    public static RequestAlertDto From(RequestAlertRecord alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new(alert.Id, alert.RequestId, alert.Kind, alert.Clock, alert.Audience, alert.Due, alert.RaisedAt, alert.Message, alert.Article);
    }
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
    public const string InquireStatus = "inquire-status";
    public const string AnswerStatus = "answer-status";
    public const string ProposeConditions = "propose-conditions";
    public const string AcceptConditions = "accept-conditions";
    public const string DeclineConditions = "decline-conditions";
    public const string Postpone = "postpone";
    public const string ExecutePartially = "execute-partially";
    public const string Execute = "execute";
    public const string RaiseCosts = "raise-costs";
    public const string AgreeCosts = "agree-costs";

    public static IReadOnlyList<string> All { get; } =
    [
        Acknowledge, Preserve, Disclose, Answer, Refuse, RequestInformation, ProvideInformation, RequestExtension, Extend, LinkFollowUp, Withdraw, Close,
        InquireStatus, AnswerStatus, ProposeConditions, AcceptConditions, DeclineConditions, Postpone, ExecutePartially, Execute, RaiseCosts, AgreeCosts,
    ];

    /// <summary>The route that records an event type, or null for the events nodes record themselves.</summary>
    public static string? Route(RequestEventType type) => type switch
    {
        RequestEventType.Acknowledged => Acknowledge,
        RequestEventType.Preserved => Preserve,
        RequestEventType.Disclosed => Disclose,
        RequestEventType.Answered => Answer,
        RequestEventType.Refused => Refuse,
        RequestEventType.InformationRequested => RequestInformation,
        RequestEventType.InformationProvided => ProvideInformation,
        RequestEventType.ExtensionRequested => RequestExtension,
        RequestEventType.PreservationExtended => Extend,
        RequestEventType.FollowUpLinked => LinkFollowUp,
        RequestEventType.Withdrawn => Withdraw,
        RequestEventType.Closed => Close,
        RequestEventType.StatusInquired => InquireStatus,
        RequestEventType.StatusAnswered => AnswerStatus,
        RequestEventType.ConditionsProposed => ProposeConditions,
        RequestEventType.ConditionsAccepted => AcceptConditions,
        RequestEventType.ConditionsDeclined => DeclineConditions,
        RequestEventType.Postponed => Postpone,
        RequestEventType.PartiallyExecuted => ExecutePartially,
        RequestEventType.Executed => Execute,
        RequestEventType.CostsRaised => RaiseCosts,
        RequestEventType.CostsAgreed => AgreeCosts,
        RequestEventType.Submitted or RequestEventType.Received => null,
    };
}

/// <summary>A change to a request on this node: a new request, an event (recorded here or received), or an alert.</summary>
/// <param name="What"><c>submitted</c>, <c>received</c>, <c>event</c>, <c>alert</c> or <c>delivery</c> (an envelope of it was delivered or refused).</param>
/// <param name="Box"><c>incoming</c> or <c>outgoing</c>.</param>
/// <param name="State">The request's state after the change.</param>
/// <param name="Kind">The request's kind (wire name), so that the live feed tells each viewer only of the channels they read.</param>
public sealed record RequestChange(Guid RequestId, string What, string Box, string State, DateTimeOffset At, string Kind);
