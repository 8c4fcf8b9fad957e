namespace Comity.Domain.Cooperation;

/// <summary>One allowed step: in state <see cref="From"/>, an event of type <see cref="On"/> leads to <see cref="To"/>.</summary>
public sealed record Transition(RequestState From, RequestEventType On, RequestState To);

/// <summary>
/// A kind's workflow as data: every allowed <c>(state, event) → state</c>. Anything not listed is
/// refused. Guards (dates, grounds, reasons) are the rules in <see cref="TransitionRules"/>.
/// </summary>
public sealed class TransitionTable
{
    private readonly Dictionary<(RequestState, RequestEventType), RequestState> _next;

    public TransitionTable(IEnumerable<Transition> transitions)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        Transitions = [.. transitions];
        _next = new Dictionary<(RequestState, RequestEventType), RequestState>();
        foreach (var t in Transitions)
        {
            if (!_next.TryAdd((t.From, t.On), t.To))
            {
                throw new ArgumentException($"Two transitions from {t.From} on {t.On}.", nameof(transitions));
            }
        }

        States = [.. Transitions.SelectMany(t => new[] { t.From, t.To }).Prepend(RequestState.New).Distinct().Order()];
    }

    public IReadOnlyList<Transition> Transitions { get; }

    /// <summary>Every state the table mentions, <see cref="RequestState.New"/> first.</summary>
    public IReadOnlyList<RequestState> States { get; }

    public RequestState? Next(RequestState from, RequestEventType on) =>
        _next.TryGetValue((from, on), out var to) ? to : null;

    /// <summary>The event types allowed in a state, in declaration order.</summary>
    public IReadOnlyList<RequestEventType> AllowedIn(RequestState state) =>
        [.. Transitions.Where(t => t.From == state).Select(t => t.On)];

    /// <summary>The event types a side may record in a state: what the UI offers as buttons.</summary>
    public IReadOnlyList<RequestEventType> AllowedIn(RequestState state, Side side) =>
        [.. AllowedIn(state).Where(t => t.Owner() == side)];
}
