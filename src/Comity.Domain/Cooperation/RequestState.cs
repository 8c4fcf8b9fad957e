namespace Comity.Domain.Cooperation;

/// <summary>Where a request stands. Which states a kind uses is in its <see cref="TransitionTable"/>.</summary>
public enum RequestState
{
    /// <summary>Nothing recorded yet: the history is empty.</summary>
    New,

    Submitted,
    Received,
    Acknowledged,
    AwaitingInformation,
    Preserved,

    /// <summary>The requested side proposed conditions before refusing or postponing; the requester's answer is awaited (Art. 40).</summary>
    InConsultation,

    /// <summary>Execution is postponed until a date (Art. 40).</summary>
    Postponed,

    /// <summary>Part of the request was executed; more may follow.</summary>
    PartiallyExecuted,

    /// <summary>Final: the request was executed.</summary>
    Executed,

    /// <summary>Final: the data were disclosed.</summary>
    Disclosed,

    /// <summary>Final: the location, advice or information was given.</summary>
    Answered,

    /// <summary>Final: refused on a ground, with reasons.</summary>
    Refused,

    /// <summary>Final: the requester no longer needs the assistance.</summary>
    Withdrawn,

    /// <summary>Final: the preservation ended, a partial execution went as far as it will go, or spontaneous information was taken in.</summary>
    Closed,
}

/// <summary>Wire names of <see cref="RequestState"/>.</summary>
public static class RequestStates
{
    public static IReadOnlyList<RequestState> All { get; } = Enum.GetValues<RequestState>();

    /// <summary>States after which nothing more can happen and no clock runs.</summary>
    public static bool IsFinal(this RequestState state) => state switch
    {
        RequestState.Disclosed or RequestState.Answered or RequestState.Refused or RequestState.Withdrawn or RequestState.Closed
            or RequestState.Executed => true,
        RequestState.New or RequestState.Submitted or RequestState.Received or RequestState.Acknowledged
            or RequestState.AwaitingInformation or RequestState.Preserved or RequestState.InConsultation or RequestState.Postponed
            or RequestState.PartiallyExecuted => false,
    };

    public static string Wire(this RequestState state) => state switch
    {
        RequestState.New => "new",
        RequestState.Submitted => "submitted",
        RequestState.Received => "received",
        RequestState.Acknowledged => "acknowledged",
        RequestState.AwaitingInformation => "awaitingInformation",
        RequestState.Preserved => "preserved",
        RequestState.InConsultation => "inConsultation",
        RequestState.Postponed => "postponed",
        RequestState.PartiallyExecuted => "partiallyExecuted",
        RequestState.Executed => "executed",
        RequestState.Disclosed => "disclosed",
        RequestState.Answered => "answered",
        RequestState.Refused => "refused",
        RequestState.Withdrawn => "withdrawn",
        RequestState.Closed => "closed",
    };

    public static bool TryParse(string? wire, out RequestState state) => WireNames.TryParse(wire, Wire, out state);
}
