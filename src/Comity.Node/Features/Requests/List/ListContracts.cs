namespace Comity.Node.Features.Requests.List;

// This use case's part of the JSON contract of /api/v1/requests; its conventions are in ../RequestContracts.cs.

/// <summary>A row of the incoming or outgoing list, ordered by urgency then due time.</summary>
/// <param name="Box"><c>incoming</c> (this node is the requested side) or <c>outgoing</c> (this node requested).</param>
/// <param name="Article">The kind's provision: <c>Art. 42</c>.</param>
/// <param name="State">The request's state (<c>submitted</c>, <c>received</c>, <c>acknowledged</c>, <c>preserved</c>, …).</param>
/// <param name="Urgency"><c>overdue</c> (a clock has passed, this side's or the one the other side owes), <c>dueSoon</c> (within the kind's acknowledgement time or 3 days for a preservation), <c>open</c> or <c>final</c>.</param>
/// <param name="NextDueAt">The earliest running clock, when one runs.</param>
/// <param name="NextDueKind"><c>acknowledgement</c>, <c>preservationReminder</c>, <c>preservationExpiry</c> or <c>stale</c>.</param>
/// <param name="AwaitingUs">True when this node's side has something to do (its transitions are possible now).</param>
/// <param name="OpenAlerts">Reminders and escalations raised and not yet overtaken by a later event.</param>
/// <param name="Delivery">
/// <c>undeliverable</c> when the other node refused an event this node signed (it has not received it), <c>retrying</c> when
/// one has not reached it yet after failed attempts; null when everything sent was delivered or is on its way. Such rows
/// come first: the other side does not know what this side believes it sent.
/// </param>
/// <param name="DeliveryProblem">The other node's problem code for the refusal (<c>federation.unknown-key</c>…).</param>
/// <param name="TheirOverdue">
/// The clock the other side has let pass (the requested side's acknowledgement, on an outgoing request), with the other
/// State's 24/7 point of contact and who is on duty there now; null when the other side owes nothing overdue. Such rows
/// are <c>overdue</c>: this side should call.
/// </param>
/// <param name="PreservedUntil">When the preservation ends (Art. 42), for an expedited preservation that has one; null otherwise.</param>
public sealed record RequestSummary(
    Guid Id,
    string Box,
    string Kind,
    string Article,
    string RequestingState,
    string RequestedState,
    string State,
    string Urgency,
    DateTimeOffset? NextDueAt,
    string? NextDueKind,
    DateTimeOffset SubmittedAt,
    DateTimeOffset LastMovedAt,
    string? Reference,
    string? OfficerOnDuty,
    bool AwaitingUs,
    int OpenAlerts,
    string? Delivery = null,
    string? DeliveryProblem = null,
    TheirOverdueDto? TheirOverdue = null,
    DateTimeOffset? PreservedUntil = null);

/// <summary>Filters of <c>GET /api/v1/requests</c>.</summary>
/// <param name="Box"><c>incoming</c>, <c>outgoing</c> or null for both.</param>
/// <param name="State">Only requests in this state (wire name).</param>
/// <param name="Kind">Only requests of this kind (wire name).</param>
/// <param name="Open">True: only requests not in a final state; false: only final ones.</param>
/// <param name="Limit">At most this many rows (default 100, at most 500).</param>
/// <param name="VisibleKinds">The kinds the viewer may see (need-to-know by channel); null is every kind (the node's own work, tests).</param>
public sealed record RequestListFilter(string? Box = null, string? State = null, string? Kind = null, bool? Open = null, int? Limit = null, IReadOnlyList<string>? VisibleKinds = null);

/// <summary>The list answer.</summary>
public sealed record RequestListResponse(IReadOnlyList<RequestSummary> Items);
