using Comity.Domain.Cooperation;

namespace Comity.Node.Features.Requests;

/// <summary>
/// Which clocks each side watches: the requested side the acknowledgement and the answer to a status inquiry (Art. 40),
/// the requesting side the reminders before a preservation ends (Art. 42), both the expiry, the stale clock, the
/// requester's deadline and the end of a postponement (Art. 40). The list orders by them, the ledger stores the
/// next one and the clocks worker raises them (see <c>Clocks/</c>).
/// </summary>
internal static class RequestClocks
{
    public static bool Concerns(Side side, DeadlineKind kind) => (side, kind) switch
    {
        (Side.Requested, DeadlineKind.Acknowledgement) => true,
        (Side.Requesting, DeadlineKind.Acknowledgement) => false,
        (Side.Requesting, DeadlineKind.PreservationReminder) => true,
        (Side.Requested, DeadlineKind.PreservationReminder) => false,
        (_, DeadlineKind.PreservationExpiry) => true,
        (_, DeadlineKind.Stale) => true,
        (_, DeadlineKind.RequesterDeadline) => true,
        (Side.Requested, DeadlineKind.StatusAnswer) => true,
        (Side.Requesting, DeadlineKind.StatusAnswer) => false,
        (_, DeadlineKind.PostponementEnd) => true,
        _ => false,
    };

    /// <summary>
    /// The clocks a side's page shows: only those it watches (the other side's are not its to meet), and of the
    /// preservation reminders only the next one (or the last, once all are due): one "file the follow-up" clock, not two.
    /// </summary>
    public static IReadOnlyList<RunningClock> Shown(Side side, IEnumerable<RunningClock> clocks)
    {
        var mine = clocks.Where(c => Concerns(side, c.Deadline.Kind)).ToList();
        var reminders = mine.Where(c => c.Deadline.Kind == DeadlineKind.PreservationReminder).ToList();
        var reminder = reminders.FirstOrDefault(c => !c.IsDue) ?? reminders.LastOrDefault();
        return [.. mine.Where(c => c.Deadline.Kind != DeadlineKind.PreservationReminder || ReferenceEquals(c, reminder))];
    }

    /// <summary>
    /// Whether the request waits for this side now: a transition it records that is expected of it, not one it merely may
    /// record (withdrawing, asking for an extension, closing, linking a further follow-up, extending unasked).
    /// </summary>
    public static bool AwaitsUs(RequestKind kind, RequestSnapshot snapshot, Side side) =>
        !snapshot.State.IsFinal()
        && kind.Profile().Transitions.AllowedIn(snapshot.State, side).Any(t => RequestTransitions.Route(t) is not null && t switch
        {
            RequestEventType.Withdrawn or RequestEventType.ExtensionRequested or RequestEventType.Closed
                or RequestEventType.StatusInquired or RequestEventType.CostsRaised => false,
            RequestEventType.StatusAnswered => snapshot.StatusInquiredAt is not null,
            RequestEventType.CostsAgreed => snapshot.CostsUnderConsultation,
            RequestEventType.FollowUpLinked => snapshot.FollowUpReferences.Count == 0,
            RequestEventType.PreservationExtended => snapshot.ExtensionPending,
            _ => true,
        });

    /// <summary>
    /// The clocks that measure what <paramref name="side"/> owes the other: the requested side's acknowledgement and its answer to a status inquiry. The
    /// other side does not watch them, but once one passes it is what it waits for (<see cref="OtherSide"/>).
    /// </summary>
    public static bool AwaitedFrom(Side side, DeadlineKind kind) => (side, kind) switch
    {
        (Side.Requested, DeadlineKind.Acknowledgement) => true,
        (Side.Requested, DeadlineKind.StatusAnswer) => true,
        _ => false,
    };
}
