namespace Comity.Node.Features.Requests.Delivery;

// This use case's part of the JSON contract of /api/v1/requests; its conventions are in ../RequestContracts.cs.

/// <summary>How an event this node signed reached the other side's node.</summary>
/// <param name="EnvelopeId">The envelope that carries the event.</param>
/// <param name="EventIndex">The event's position in the history (0 is <c>submitted</c>).</param>
/// <param name="EventType">The event's wire name.</param>
/// <param name="To">The State whose node it is sent to.</param>
/// <param name="Status">
/// <c>pending</c> (not tried yet), <c>retrying</c> (attempts failed, for example the other node was unreachable; it is tried
/// again by itself), <c>delivered</c> (the other node signed a receipt) or <c>undeliverable</c> (the other node refused it:
/// it has not received the event, and nothing is tried again until someone sends it again).
/// </param>
/// <param name="Attempts">Attempts so far.</param>
/// <param name="NextAttemptAt">When it is tried next (<c>pending</c> and <c>retrying</c>).</param>
/// <param name="DeliveredAt">When the other node received it, by its receipt.</param>
/// <param name="ProblemCode">The other node's problem code when it refused (<c>federation.unknown-key</c>, <c>request.…</c>).</param>
/// <param name="ProblemStatus">The other node's HTTP status when it refused.</param>
/// <param name="Detail">The other node's explanation of the refusal, or why the last attempt failed.</param>
public sealed record RequestDeliveryDto(
    Guid EnvelopeId,
    int EventIndex,
    string EventType,
    string To,
    string Status,
    int Attempts,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    string? ProblemCode,
    int? ProblemStatus,
    string? Detail);

/// <summary>The answer of <c>POST /api/v1/requests/{id}/send-again</c>.</summary>
/// <param name="Resent">How many refused envelopes of the request go out again.</param>
public sealed record SendAgainResponse(Guid Id, int Resent);
