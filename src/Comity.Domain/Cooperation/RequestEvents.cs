using NodaTime;

namespace Comity.Domain.Cooperation;

/// <summary>The types of event in a request's history, each owned by one side.</summary>
public enum RequestEventType
{
    Submitted,
    Received,
    Acknowledged,
    InformationRequested,
    InformationProvided,
    Preserved,
    ExtensionRequested,
    PreservationExtended,
    FollowUpLinked,
    Disclosed,
    Answered,
    Refused,
    Withdrawn,
    Closed,
    StatusInquired,
    StatusAnswered,
    ConditionsProposed,
    ConditionsAccepted,
    ConditionsDeclined,
    Postponed,
    PartiallyExecuted,
    Executed,
    CostsRaised,
    CostsAgreed,
}

/// <summary>Owners and wire names of <see cref="RequestEventType"/>.</summary>
public static class RequestEventTypes
{
    public static IReadOnlyList<RequestEventType> All { get; } = Enum.GetValues<RequestEventType>();

    /// <summary>The side that alone may record an event of this type (DESIGN.md §6).</summary>
    public static Side Owner(this RequestEventType type) => type switch
    {
        RequestEventType.Submitted or RequestEventType.InformationProvided or RequestEventType.ExtensionRequested
            or RequestEventType.FollowUpLinked or RequestEventType.Withdrawn or RequestEventType.StatusInquired
            or RequestEventType.ConditionsAccepted or RequestEventType.ConditionsDeclined or RequestEventType.CostsAgreed => Side.Requesting,
        RequestEventType.Received or RequestEventType.Acknowledged or RequestEventType.InformationRequested
            or RequestEventType.Preserved or RequestEventType.PreservationExtended or RequestEventType.Disclosed
            or RequestEventType.Answered or RequestEventType.Refused or RequestEventType.Closed or RequestEventType.StatusAnswered
            or RequestEventType.ConditionsProposed or RequestEventType.Postponed or RequestEventType.PartiallyExecuted
            or RequestEventType.Executed or RequestEventType.CostsRaised => Side.Requested,
    };

    public static string Wire(this RequestEventType type) => type switch
    {
        RequestEventType.Submitted => "submitted",
        RequestEventType.Received => "received",
        RequestEventType.Acknowledged => "acknowledged",
        RequestEventType.InformationRequested => "informationRequested",
        RequestEventType.InformationProvided => "informationProvided",
        RequestEventType.Preserved => "preserved",
        RequestEventType.ExtensionRequested => "extensionRequested",
        RequestEventType.PreservationExtended => "preservationExtended",
        RequestEventType.FollowUpLinked => "followUpLinked",
        RequestEventType.Disclosed => "disclosed",
        RequestEventType.Answered => "answered",
        RequestEventType.Refused => "refused",
        RequestEventType.Withdrawn => "withdrawn",
        RequestEventType.Closed => "closed",
        RequestEventType.StatusInquired => "statusInquired",
        RequestEventType.StatusAnswered => "statusAnswered",
        RequestEventType.ConditionsProposed => "conditionsProposed",
        RequestEventType.ConditionsAccepted => "conditionsAccepted",
        RequestEventType.ConditionsDeclined => "conditionsDeclined",
        RequestEventType.Postponed => "postponed",
        RequestEventType.PartiallyExecuted => "partiallyExecuted",
        RequestEventType.Executed => "executed",
        RequestEventType.CostsRaised => "costsRaised",
        RequestEventType.CostsAgreed => "costsAgreed",
    };

    public static bool TryParse(string? wire, out RequestEventType type) => WireNames.TryParse(wire, Wire, out type);
}

/// <summary>
/// One event of a request's replicated history, recorded by <see cref="By"/> at <see cref="At"/>.
/// Both nodes hold the same sequence; <see cref="RequestHistory"/> checks each against the kind's
/// transition table and rules.
/// </summary>
public abstract record RequestEvent(Side By, Instant At)
{
    public abstract RequestEventType Type { get; }
}

/// <summary>
/// The requester sends the request under the given handling conditions, and, for the central authorities' kinds, with
/// the deadline by which it needs the assistance (its reasons are in the contents; Art. 40).
/// </summary>
public sealed record RequestSubmitted(Side By, Instant At, HandlingConditions Conditions, Instant? Deadline = null) : RequestEvent(By, At)
{
    public override RequestEventType Type => RequestEventType.Submitted;
}

/// <summary>The requested node received the request (recorded on arrival).</summary>
public sealed record RequestReceived(Side By, Instant At) : RequestEvent(By, At)
{
    public override RequestEventType Type => RequestEventType.Received;
}

/// <summary>An officer of the requested side acknowledged the request: a person has it in hand.</summary>
public sealed record RequestAcknowledged(Side By, Instant At, string? Officer = null) : RequestEvent(By, At)
{
    public override RequestEventType Type => RequestEventType.Acknowledged;
}

/// <summary>The requested side needs more information to execute (Art. 40(16)).</summary>
public sealed record InformationRequested(Side By, Instant At, string Question) : RequestEvent(By, At)
{
    public override RequestEventType Type => RequestEventType.InformationRequested;
}

/// <summary>The requester answers the requested side's question.</summary>
public sealed record InformationProvided(Side By, Instant At, string Answer) : RequestEvent(By, At)
{
    public override RequestEventType Type => RequestEventType.InformationProvided;
}

/// <summary>The data are preserved until <see cref="Until"/>, at least 60 days after <see cref="RequestEvent.At"/> (Art. 42).</summary>
public sealed record DataPreserved(Side By, Instant At, Instant Until) : RequestEvent(By, At)
{
    public override RequestEventType Type => RequestEventType.Preserved;
}

/// <summary>The requester asks for the preservation to be extended, e.g. while its follow-up request is on its way.</summary>
public sealed record ExtensionRequested(Side By, Instant At, string? Reason = null) : RequestEvent(By, At)
{
    public override RequestEventType Type => RequestEventType.ExtensionRequested;
}

/// <summary>The requested side keeps the data preserved until a later date.</summary>
public sealed record PreservationExtended(Side By, Instant At, Instant Until) : RequestEvent(By, At)
{
    public override RequestEventType Type => RequestEventType.PreservationExtended;
}

/// <summary>The requester links the mutual legal assistance request that follows the preservation (Art. 42).</summary>
public sealed record FollowUpLinked(Side By, Instant At, string MutualLegalAssistanceReference) : RequestEvent(By, At)
{
    public override RequestEventType Type => RequestEventType.FollowUpLinked;
}

/// <summary>The requested side disclosed the data, under its own handling conditions added to the request's.</summary>
public sealed record DataDisclosed(Side By, Instant At, HandlingConditions Conditions) : RequestEvent(By, At)
{
    public override RequestEventType Type => RequestEventType.Disclosed;
}

/// <summary>The requested side answered (a location, technical advice, legal information) under its own handling conditions.</summary>
public sealed record RequestAnswered(Side By, Instant At, HandlingConditions Conditions) : RequestEvent(By, At)
{
    public override RequestEventType Type => RequestEventType.Answered;
}

/// <summary>The requested side refused on an enumerated ground, with reasons (Art. 40(23)).</summary>
public sealed record RequestRefused(Side By, Instant At, RefusalGround Ground, string Reasons) : RequestEvent(By, At)
{
    public override RequestEventType Type => RequestEventType.Refused;
}

/// <summary>The requester withdraws: the assistance is no longer required.</summary>
public sealed record RequestWithdrawn(Side By, Instant At, string? Reason = null) : RequestEvent(By, At)
{
    public override RequestEventType Type => RequestEventType.Withdrawn;
}

/// <summary>The requested side closes: a preservation ended (its follow-up decided, or the period lapsed), a partial execution went as far as it will go, or spontaneous information was taken in.</summary>
public sealed record RequestClosed(Side By, Instant At, string? Reason = null) : RequestEvent(By, At)
{
    public override RequestEventType Type => RequestEventType.Closed;
}

/// <summary>The requester asks where its request stands (Art. 40: reasonable inquiries on status and progress are answered).</summary>
public sealed record StatusInquired(Side By, Instant At, string? Question = null) : RequestEvent(By, At)
{
    public override RequestEventType Type => RequestEventType.StatusInquired;
}

/// <summary>The requested side answers the open status inquiry.</summary>
public sealed record StatusAnswered(Side By, Instant At, string Answer) : RequestEvent(By, At)
{
    public override RequestEventType Type => RequestEventType.StatusAnswered;
}

/// <summary>
/// Before refusing or postponing, the requested side consults the requester on granting the request under conditions
/// (Art. 40): <see cref="Conditions"/> are the handling conditions it would attach, <see cref="Terms"/> everything else.
/// </summary>
public sealed record ConditionsProposed(Side By, Instant At, HandlingConditions Conditions, string Terms) : RequestEvent(By, At)
{
    public override RequestEventType Type => RequestEventType.ConditionsProposed;
}

/// <summary>The requester accepts the proposed conditions and is bound by them from now on (Art. 40).</summary>
public sealed record ConditionsAccepted(Side By, Instant At) : RequestEvent(By, At)
{
    public override RequestEventType Type => RequestEventType.ConditionsAccepted;
}

/// <summary>The requester declines the proposed conditions; the requested side may then refuse or postpone.</summary>
public sealed record ConditionsDeclined(Side By, Instant At, string? Reason = null) : RequestEvent(By, At)
{
    public override RequestEventType Type => RequestEventType.ConditionsDeclined;
}

/// <summary>The requested side postpones execution until <see cref="Until"/>, because it would interfere with an ongoing investigation, prosecution or proceeding (Art. 40).</summary>
public sealed record ExecutionPostponed(Side By, Instant At, Instant Until, string Reasons) : RequestEvent(By, At)
{
    public override RequestEventType Type => RequestEventType.Postponed;
}

/// <summary>The requested side executed part of the request and sends what it has, under its conditions; more may follow.</summary>
public sealed record PartiallyExecuted(Side By, Instant At, HandlingConditions Conditions) : RequestEvent(By, At)
{
    public override RequestEventType Type => RequestEventType.PartiallyExecuted;
}

/// <summary>The requested side executed the request and sends the result, under its conditions.</summary>
public sealed record RequestExecuted(Side By, Instant At, HandlingConditions Conditions) : RequestEvent(By, At)
{
    public override RequestEventType Type => RequestEventType.Executed;
}

/// <summary>Execution would bring substantial or extraordinary expenses: the requested side opens a consultation on costs (Art. 40).</summary>
public sealed record CostsRaised(Side By, Instant At, string Estimate) : RequestEvent(By, At)
{
    public override RequestEventType Type => RequestEventType.CostsRaised;
}

/// <summary>The requester agrees the terms on which the costs will be borne.</summary>
public sealed record CostsAgreed(Side By, Instant At, string? Terms = null) : RequestEvent(By, At)
{
    public override RequestEventType Type => RequestEventType.CostsAgreed;
}
