using Comity.Domain.Cooperation;

namespace Comity.Node.Features.Requests;

/// <summary>
/// Which clocks each side watches: the requested side the acknowledgement, the requesting side the reminders before a
/// preservation ends (Art. 42), both the expiry and the stale clock. The list orders by them, the ledger stores the
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
        _ => false,
    };

    /// <summary>
    /// The clocks that measure what <paramref name="side"/> owes the other: the requested side's acknowledgement. The
    /// other side does not watch them, but once one passes it is what it waits for (<see cref="OtherSide"/>).
    /// </summary>
    public static bool AwaitedFrom(Side side, DeadlineKind kind) => (side, kind) switch
    {
        (Side.Requested, DeadlineKind.Acknowledgement) => true,
        _ => false,
    };
}
