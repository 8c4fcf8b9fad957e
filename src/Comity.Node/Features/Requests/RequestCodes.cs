using Comity.Domain.Legal;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Kernel;

namespace Comity.Node.Features.Requests;

/// <summary>
/// Problem codes that the node's request API adds to the domain's (RequestDraftValidator, TransitionRules). Each
/// code an officer can meet on a page has its own text in RequestsText (<c>Problem_{code}</c>) in the six
/// languages, so no message reaches the pages in English only; a test holds the list to that.
/// </summary>
internal static class RequestCodes
{
    /// <summary>This node is not a party to the request named.</summary>
    public const string NotFound = "request.not-found";

    /// <summary>The user's role works the other channel: duty officers the 24/7 network, central-authority officers the central authorities.</summary>
    public const string WrongChannel = "request.wrong-channel";

    /// <summary>The transition is the other side's to record.</summary>
    public const string WrongSide = "request.wrong-side";

    /// <summary>Another write holds the request's conversation; try again.</summary>
    public const string Busy = "request.busy";

    /// <summary>A text is longer than its field allows; the problem's <c>limit</c> is the most characters.</summary>
    public const string TextTooLong = "request.text-too-long";

    /// <summary>A preservation (or its extension) gives both an end date and a number of days.</summary>
    public const string PeriodAmbiguous = "preservation.until-and-days";

    /// <summary>A number of days outside 1 to <see cref="MaxPreservationDays"/>; the problem's <c>limit</c> is that bound.</summary>
    public const string DaysOutOfRange = "preservation.days-out-of-range";

    /// <summary>A preservation (or its extension) gives neither an end date nor a number of days.</summary>
    public const string PeriodMissing = "preservation.period-missing";

    /// <summary>Warning: the point of contact has nobody on duty now; the request waits for the next officer.</summary>
    public const string RosterGap = "request.roster-gap";

    /// <summary>Warning: the point of contact lists no roster at all, though it is designated 24/7.</summary>
    public const string RosterEmpty = "request.roster-empty";

    /// <summary>Send again: the other node refused none of the request's events.</summary>
    public const string NothingToSendAgain = "request.nothing-to-send-again";

    /// <summary>A handover note without text.</summary>
    public const string HandoverTextMissing = "handover.text-missing";

    /// <summary>A handover note about more than <see cref="MaxHandoverRequests"/> requests; the problem's <c>limit</c> is that bound.</summary>
    public const string HandoverTooManyRequests = "handover.too-many-requests";

    /// <summary>No proposal of that id that the user may see.</summary>
    public const string ProposalNotFound = "proposal.not-found";

    /// <summary>A proposal list filtered by a status that does not exist.</summary>
    public const string ProposalStatusUnknown = "proposal.status-unknown";

    /// <summary>The proposal was already sent or returned.</summary>
    public const string ProposalDecided = "proposal.decided";

    /// <summary>The officer who drafted a request may not also send it (four eyes).</summary>
    public const string ProposalFourEyes = "proposal.four-eyes";

    /// <summary>A draft returned to its prosecutor without reasons.</summary>
    public const string ProposalReasonMissing = "proposal.reason-missing";

    /// <summary>The longest preservation or extension one transition may set, in days (about ten years).</summary>
    public const int MaxPreservationDays = 3660;

    /// <summary>The most requests one handover note may be about.</summary>
    public const int MaxHandoverRequests = 50;
}

/// <summary>
/// The request API's refusals as it has always worded them: the status, a title, and every problem in <c>errors</c>
/// with its own article (the documents carry no <c>legalBasis</c> of their own). Malformed input is <see cref="Error.Invalid(IReadOnlyList{ProblemError})"/>.
/// </summary>
internal static class RequestErrors
{
    /// <summary>Refused with <paramref name="status"/> (403, 404, 409, 422, 503): every problem, typed by the first one's code.</summary>
    public static Error Refused(ErrorKind kind, int status, string title, IReadOnlyList<ProblemError> problems) =>
        Error.Refused(problems, title, kind, status) with { LegalBasis = null };

    public static Error NotFound(Guid id) =>
        Refused(ErrorKind.NotFound, StatusCodes.Status404NotFound, "Not found.",
            [RequestWire.Problem("id", RequestCodes.NotFound, $"This node is not a party to a request {id}.", Convention.Art(41))]);

    public static Error Busy(OutboxBusyException e) =>
        Refused(ErrorKind.Unavailable, StatusCodes.Status503ServiceUnavailable, "The request is busy; try again.",
            [RequestWire.Problem("id", RequestCodes.Busy, e.Message + " Try again.", Convention.Art(41))]);
}
