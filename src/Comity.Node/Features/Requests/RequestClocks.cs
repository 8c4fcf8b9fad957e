using Comity.Domain.Cooperation;
using Comity.Node.Identity;

namespace Comity.Node.Features.Requests;

/// <summary>
/// Which clocks each side watches and what it raises when one is due: the requested side is escalated
/// to a supervisor when an acknowledgement is late; the requesting side is reminded before a
/// preservation ends so that the follow-up request is filed in time (Art. 42); both escalate stale
/// requests. See docs/cooperation/requests-api.md.
/// </summary>
internal static class RequestClocks
{
    public const string Reminder = "reminder";
    public const string Escalation = "escalation";

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

    /// <summary>The alert's kind, audience and message for a due clock on this side.</summary>
    public static (string Kind, string Audience, string Message) Alert(Side side, RequestKind kind, Deadline deadline, string peer) => (side, deadline.Kind) switch
    {
        (_, DeadlineKind.Acknowledgement) =>
            (Escalation, Roles.Supervisor, $"The {kind.Wire()} request from {peer} was not acknowledged by {RequestWire.Iso(deadline.Due.ToDateTimeOffset())} ({deadline.Basis})."),
        (_, DeadlineKind.PreservationReminder) =>
            (Reminder, Roles.DutyOfficer, $"The preservation by {peer} ends soon; file the follow-up mutual legal assistance request and link it, or ask for an extension ({deadline.Basis})."),
        (Side.Requesting, DeadlineKind.PreservationExpiry) =>
            (Reminder, Roles.DutyOfficer, $"The preservation by {peer} ended at {RequestWire.Iso(deadline.Due.ToDateTimeOffset())} ({deadline.Basis})."),
        (_, DeadlineKind.PreservationExpiry) =>
            (Escalation, Roles.Supervisor, $"The preservation for {peer} ended at {RequestWire.Iso(deadline.Due.ToDateTimeOffset())}: close it or extend it ({deadline.Basis})."),
        (_, DeadlineKind.Stale) =>
            (Escalation, Roles.Supervisor, $"Nothing has moved on the {kind.Wire()} request with {peer} since the stale clock started; it was due {RequestWire.Iso(deadline.Due.ToDateTimeOffset())} ({deadline.Basis})."),
        _ => throw new System.Diagnostics.UnreachableException(),
    };
}
