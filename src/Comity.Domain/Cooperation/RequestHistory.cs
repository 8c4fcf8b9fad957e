using Comity.Domain.Legal;

namespace Comity.Domain.Cooperation;

/// <summary>The outcome of appending to or replaying a history: the new history, or every problem found (nothing changed).</summary>
public sealed record HistoryResult(RequestHistory? History, IReadOnlyList<RuleViolation> Problems)
{
    public bool IsValid => History is not null;
}

/// <summary>
/// A request's replicated history (DESIGN.md §6): the events both nodes hold, each checked against
/// the kind's transition table and <see cref="TransitionRules"/> when appended. Immutable: appending
/// returns a new history or the problems, so the node answers 409 and changes nothing.
/// </summary>
public sealed class RequestHistory
{
    private RequestHistory(RequestKind kind, IReadOnlyList<RequestEvent> events, RequestSnapshot current)
    {
        Kind = kind;
        Events = events;
        Current = current;
    }

    public RequestKind Kind { get; }

    public IReadOnlyList<RequestEvent> Events { get; }

    /// <summary>Where the request stands after the last event.</summary>
    public RequestSnapshot Current { get; }

    public RequestState State => Current.State;

    /// <summary>An empty history: the request is <see cref="RequestState.New"/> until submitted.</summary>
    public static RequestHistory Start(RequestKind kind) =>
        Enum.IsDefined(kind) ? new(kind, [], RequestSnapshot.Initial(kind)) : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Parse the kind with RequestKinds.TryParse first.");

    /// <summary>Every problem recording <paramref name="next"/> would raise; empty when it may be appended.</summary>
    public IReadOnlyList<RuleViolation> Check(RequestEvent next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return [.. TransitionRules.All.SelectMany(rule => rule.Check(Current, next))];
    }

    public HistoryResult Append(RequestEvent next)
    {
        var problems = Check(next);
        return problems.Count > 0
            ? new HistoryResult(null, problems)
            : new HistoryResult(new RequestHistory(Kind, [.. Events, next], Current.Apply(next)), []);
    }

    /// <summary>Rebuilds a history event by event (e.g. one received from the other node); stops at the first event that breaks a rule.</summary>
    public static HistoryResult Replay(RequestKind kind, IEnumerable<RequestEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var history = Start(kind);
        foreach (var next in events)
        {
            var result = history.Append(next);
            if (result.History is null)
            {
                return result;
            }

            history = result.History;
        }

        return new HistoryResult(history, []);
    }

    /// <summary>The status and running clocks at <paramref name="now"/>.</summary>
    public RequestStatus StatusAt(NodaTime.Instant now, CooperationClockSettings settings) =>
        RequestStatus.Compute(Current, now, settings);
}
