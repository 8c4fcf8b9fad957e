using Comity.Domain.Cooperation;
using Comity.Node.Identity;

namespace Comity.Node.Features.Requests.Clocks;

/// <summary>
/// What a side raises when a clock it watches (<see cref="RequestClocks.Concerns"/>) is due: the requested side is
/// escalated to a supervisor when an acknowledgement is late; the requesting side is reminded before a preservation
/// ends so that the follow-up request is filed in time (Art. 42); both escalate stale requests. Between central
/// authorities (Art. 40) the requested side is escalated when a status inquiry goes unanswered or the requester's deadline
/// passes, and both are reminded when a postponement ends; reminders go to the officers of the request's channel. See
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
        (Side.Requested, DeadlineKind.RequesterDeadline) =>
            (Escalation, Roles.Supervisor, $"The deadline {peer} gave for its {kind.Wire()} request passed at {RequestWire.Iso(deadline.Due.ToDateTimeOffset())} ({deadline.Basis})."),
        (_, DeadlineKind.RequesterDeadline) =>
            (Reminder, Officers(kind), $"The deadline this State gave {peer} for the {kind.Wire()} request passed at {RequestWire.Iso(deadline.Due.ToDateTimeOffset())}: ask about the status, or withdraw it if the assistance is no longer needed ({deadline.Basis})."),
        (_, DeadlineKind.StatusAnswer) =>
            (Escalation, Roles.Supervisor, $"The status inquiry from {peer} on the {kind.Wire()} request was not answered by {RequestWire.Iso(deadline.Due.ToDateTimeOffset())} ({deadline.Basis})."),
        (Side.Requested, DeadlineKind.PostponementEnd) =>
            (Reminder, Officers(kind), $"The postponement of the {kind.Wire()} request from {peer} ended at {RequestWire.Iso(deadline.Due.ToDateTimeOffset())}: execute it, propose conditions, or postpone again with reasons ({deadline.Basis})."),
        (_, DeadlineKind.PostponementEnd) =>
            (Reminder, Officers(kind), $"The postponement by {peer} ended at {RequestWire.Iso(deadline.Due.ToDateTimeOffset())}; execution is due to resume ({deadline.Basis})."),
        (_, DeadlineKind.Stale) =>
            (Escalation, Roles.Supervisor, $"Nothing has moved on the {kind.Wire()} request with {peer} since the stale clock started; it was due {RequestWire.Iso(deadline.Due.ToDateTimeOffset())} ({deadline.Basis})."),
        _ => throw new System.Diagnostics.UnreachableException(),
    };

    /// <summary>Who works the request's channel: the duty officers for the 24/7 network, the central-authority officers between central authorities.</summary>
    private static string Officers(RequestKind kind) =>
        kind.Profile().Channel == Domain.Directory.DesignationRole.CentralAuthority ? Roles.CentralAuthorityOfficer : Roles.DutyOfficer;
}
