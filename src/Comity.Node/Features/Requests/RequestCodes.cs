namespace Comity.Node.Features.Requests;

/// <summary>
/// Problem codes that the node's request API adds to the domain's (RequestDraftValidator, TransitionRules). Each
/// code an officer can meet on a page has its own text in RequestsText (<c>Problem_{code}</c>) in the six
/// languages, so no message reaches the pages in English only; a test holds the list to that.
/// </summary>
internal static class RequestCodes
{
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

    /// <summary>A handover note without text.</summary>
    public const string HandoverTextMissing = "handover.text-missing";

    /// <summary>A handover note about more than <see cref="MaxHandoverRequests"/> requests; the problem's <c>limit</c> is that bound.</summary>
    public const string HandoverTooManyRequests = "handover.too-many-requests";

    /// <summary>The longest preservation or extension one transition may set, in days (about ten years).</summary>
    public const int MaxPreservationDays = 3660;

    /// <summary>The most requests one handover note may be about.</summary>
    public const int MaxHandoverRequests = 50;
}
