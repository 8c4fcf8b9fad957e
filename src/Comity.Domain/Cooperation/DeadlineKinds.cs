using Comity.Domain.Legal;

namespace Comity.Domain.Cooperation;

/// <summary>The legal bases of the clocks (<see cref="DeadlineKind"/>), defined once for the clocks and the law pages.</summary>
public static class DeadlineKinds
{
    public static IReadOnlyList<DeadlineKind> All { get; } = Enum.GetValues<DeadlineKind>();

    /// <summary>
    /// The provision a clock of this kind rests on for a request of <paramref name="request"/>'s kind: acknowledgement on the
    /// expedited basis of the 24/7 network (Art. 41), or, between central authorities, on execution as soon as possible
    /// (Art. 40); a preservation's reminders and expiry on its minimum period (Art. 42); the requester's deadline and
    /// status answers on Art. 40's execution paragraph; the end of a postponement on its paragraph; and the stale clock
    /// on the request kind's own article.
    /// </summary>
    public static ArticleReference Basis(this DeadlineKind kind, RequestKind request) => kind switch
    {
        DeadlineKind.Acknowledgement => request.Profile().Channel == Directory.DesignationRole.CentralAuthority
            ? AssistanceProvisions.ExecutionAndStatus
            : Convention.Art(41),
        DeadlineKind.RequesterDeadline or DeadlineKind.StatusAnswer => AssistanceProvisions.ExecutionAndStatus,
        DeadlineKind.PostponementEnd => AssistanceProvisions.Postponement,
        DeadlineKind.PreservationReminder or DeadlineKind.PreservationExpiry => ConventionNumbers.MinimumPreservationDays.Basis,
        DeadlineKind.Stale => request.Basis(),
    };
}
