using Comity.Domain.Legal;
using NodaTime;

namespace Comity.Domain.Cooperation;

/// <summary>The clocks a request can have running.</summary>
public enum DeadlineKind
{
    /// <summary>The requested side should acknowledge by then (expedited basis, Art. 41).</summary>
    Acknowledgement,

    /// <summary>Remind the requester that the preservation is about to expire, so that the follow-up is filed in time (Art. 42); ends once a follow-up is linked.</summary>
    PreservationReminder,

    /// <summary>The preservation period ends (Art. 42).</summary>
    PreservationExpiry,

    /// <summary>Nothing has moved for too long.</summary>
    Stale,

    /// <summary>The deadline the requester gave with its reasons, of which the requested side takes the fullest account (Art. 40).</summary>
    RequesterDeadline,

    /// <summary>The open status inquiry should be answered by then (Art. 40; the time is a node setting).</summary>
    StatusAnswer,

    /// <summary>The postponement ends: execution resumes, or the requested side says why not (Art. 40).</summary>
    PostponementEnd,
}

/// <summary>A due instant with its basis, as the node stores it for its worker to sweep (<c>due &lt;= now</c>).</summary>
public sealed record Deadline(DeadlineKind Kind, Instant Due, ArticleReference Basis);

/// <summary>A deadline seen at an instant: the time left (never negative) and whether it is due.</summary>
public sealed record RunningClock(Deadline Deadline, Duration Remaining, bool IsDue);

/// <summary>
/// A request's status and clocks at <see cref="Now"/>, computed from its history. A request in a final
/// state (disclosed, answered, refused, withdrawn, closed) has no running clocks.
/// </summary>
public sealed class RequestStatus
{
    private RequestStatus(RequestSnapshot snapshot, Instant now, IReadOnlyList<Deadline> deadlines)
    {
        Snapshot = snapshot;
        Now = now;
        Deadlines = deadlines;
        Clocks = [.. deadlines.Select(d => new RunningClock(d, d.Due > now ? d.Due - now : Duration.Zero, d.Due <= now))];
    }

    public RequestSnapshot Snapshot { get; }

    public Instant Now { get; }

    /// <summary>Every due instant, earliest first: what the node stores (due + basis) for its worker.</summary>
    public IReadOnlyList<Deadline> Deadlines { get; }

    /// <summary>The deadlines with their remaining time at <see cref="Now"/>, earliest first.</summary>
    public IReadOnlyList<RunningClock> Clocks { get; }

    public RequestState State => Snapshot.State;

    public Instant? AcknowledgementDue => Due(DeadlineKind.Acknowledgement);

    public Instant? PreservationExpiresAt => Due(DeadlineKind.PreservationExpiry);

    public IReadOnlyList<Instant> PreservationReminders => [.. Deadlines.Where(d => d.Kind == DeadlineKind.PreservationReminder).Select(d => d.Due)];

    public Instant? StaleAt => Due(DeadlineKind.Stale);

    public bool IsAcknowledgementOverdue => AcknowledgementDue <= Now;

    public bool IsPreservationLapsed => PreservationExpiresAt <= Now;

    public bool IsStale => StaleAt <= Now;

    /// <summary>The earliest deadline not yet due: when the worker should look at this request again.</summary>
    public Instant? NextDue => Deadlines.Where(d => d.Due > Now).Select(d => (Instant?)d.Due).Min();

    internal static RequestStatus Compute(RequestSnapshot snapshot, Instant now, CooperationClockSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var deadlines = new List<Deadline>();
        var state = snapshot.State;
        if (state.IsFinal() || state == RequestState.New)
        {
            return new RequestStatus(snapshot, now, deadlines);
        }

        var clocks = settings.For(snapshot.Kind);
        if (state is RequestState.Submitted or RequestState.Received && snapshot.SubmittedAt is Instant submitted)
        {
            deadlines.Add(new Deadline(DeadlineKind.Acknowledgement, submitted + clocks.AcknowledgeWithin, DeadlineKind.Acknowledgement.Basis(snapshot.Kind)));
        }

        if (state == RequestState.Preserved && snapshot.PreservedUntil is Instant until && snapshot.PreservationSetAt is Instant set)
        {
            var basis = DeadlineKind.PreservationExpiry.Basis(snapshot.Kind);

            // The reminders are there to get the follow-up request filed: once one is linked, they have done their work.
            deadlines.AddRange(snapshot.FollowUpReferences.Count > 0 ? [] : settings.PreservationRemindersBeforeExpiry
                .Select(before => until - before)
                .Where(at => at > set && at < until)
                .Distinct()
                .Select(at => new Deadline(DeadlineKind.PreservationReminder, at, basis)));
            deadlines.Add(new Deadline(DeadlineKind.PreservationExpiry, until, basis));
        }

        if (snapshot.RequesterDeadline is Instant deadline)
        {
            deadlines.Add(new Deadline(DeadlineKind.RequesterDeadline, deadline, DeadlineKind.RequesterDeadline.Basis(snapshot.Kind)));
        }

        if (snapshot.StatusInquiredAt is Instant inquired)
        {
            deadlines.Add(new Deadline(DeadlineKind.StatusAnswer, inquired + settings.StatusAnswerWithin, DeadlineKind.StatusAnswer.Basis(snapshot.Kind)));
        }

        if (state == RequestState.Postponed && snapshot.PostponedUntil is Instant postponedUntil)
        {
            deadlines.Add(new Deadline(DeadlineKind.PostponementEnd, postponedUntil, DeadlineKind.PostponementEnd.Basis(snapshot.Kind)));
        }

        // A preservation is meant to sit still until the follow-up request (Art. 42), and a postponement until its end:
        // their own clocks say when to act, and a request that waits as it should is not stale.
        if (snapshot.LastMovedAt is Instant moved && state is not (RequestState.Preserved or RequestState.Postponed))
        {
            deadlines.Add(new Deadline(DeadlineKind.Stale, moved + clocks.StaleAfter, DeadlineKind.Stale.Basis(snapshot.Kind)));
        }

        return new RequestStatus(snapshot, now, [.. deadlines.OrderBy(d => d.Due).ThenBy(d => d.Kind)]);
    }

    private Instant? Due(DeadlineKind kind) => Deadlines.FirstOrDefault(d => d.Kind == kind)?.Due;
}
