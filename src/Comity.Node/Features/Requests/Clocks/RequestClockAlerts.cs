using Comity.Domain.Cooperation;
using Comity.Node.Identity;

namespace Comity.Node.Features.Requests.Clocks;

/// <summary>
/// What a side raises when a clock it watches (<see cref="RequestClocks.Concerns"/>) is due: the requested side is
/// escalated to a supervisor when an acknowledgement is late; the requesting side is reminded before a preservation
/// ends so that the follow-up request is filed in time (Art. 42); both escalate stale requests. See
/// docs/cooperation/requests-api.md.
/// </summary>
internal static class RequestClockAlerts
{
    public const string Reminder = "reminder";
    public const string Escalation = "escalation";

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
