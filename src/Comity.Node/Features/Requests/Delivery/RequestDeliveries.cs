using Comity.Node.Federation.Envelopes;

namespace Comity.Node.Features.Requests.Delivery;

/// <summary>
/// A request's events as the outbox delivered them: the status words of <see cref="RequestDeliveryDto"/>, and which of a
/// request's deliveries is the one to show first (a refusal before a retry).
/// </summary>
internal static class RequestDeliveries
{
    public const string Pending = "pending";
    public const string Retrying = "retrying";
    public const string Delivered = "delivered";
    public const string Undeliverable = "undeliverable";

    /// <summary>How many troubled envelopes the lists look at (newest first): far more than a node ever holds at once.</summary>
    public const int TroubledLimit = 2000;

    public static string StatusOf(EnvelopeDelivery delivery) => delivery.Status switch
    {
        OutboxStatus.Delivered => Delivered,
        OutboxStatus.Undeliverable => Undeliverable,
        _ => delivery.Attempts > 0 ? Retrying : Pending,
    };

    public static RequestDeliveryDto ToDto(RequestEventRecord e, EnvelopeDelivery delivery)
    {
        var status = StatusOf(delivery);
        return new RequestDeliveryDto(
            delivery.Id,
            e.Index,
            e.Type,
            delivery.Peer,
            status,
            delivery.Attempts,
            delivery.LastAttemptAt,
            status is Pending or Retrying ? delivery.NextAttemptAt : null,
            delivery.DeliveredAt,
            delivery.ProblemCode,
            delivery.ProblemStatus,
            status == Undeliverable ? delivery.ProblemDetail : status == Retrying ? delivery.LastError : null);
    }

    /// <summary>The delivery to show first: the earliest refused event, else the earliest one being retried; null when all is well.</summary>
    public static RequestDeliveryDto? Trouble(IEnumerable<RequestDeliveryDto?> deliveries)
    {
        var list = deliveries.OfType<RequestDeliveryDto>().ToList();
        return list.Where(d => d.Status == Undeliverable).MinBy(d => d.EventIndex)
            ?? list.Where(d => d.Status == Retrying).MinBy(d => d.EventIndex);
    }

    /// <summary>
    /// Which explanation a refusal gets (the <c>DeliveryReason_</c> and <c>DeliveryAdvice_</c> texts): <c>key</c>, <c>sender</c>,
    /// <c>signature</c>, <c>unreadable</c>, <c>clock</c>, <c>replay</c>, <c>content</c> (the request itself) or <c>other</c>.
    /// </summary>
    public static string ReasonOf(string? problemCode) => problemCode switch
    {
        "federation.unknown-key" or "federation.key-not-valid" => "key",
        "federation.unknown-sender" or "federation.sender-mismatch" => "sender",
        "federation.bad-signature" => "signature",
        "federation.clock-skew" => "clock",
        "federation.replay" or "federation.seq-conflict" => "replay",
        "federation.malformed" or "federation.too-large" or "federation.unsupported-version" or "federation.unknown-type"
            or "federation.wrong-recipient" or "request.envelope-malformed" => "unreadable",
        { } code when code.StartsWith("request.", StringComparison.Ordinal) || code.StartsWith("preservation.", StringComparison.Ordinal) => "content",
        _ => "other",
    };

    /// <summary>For ordering lists: refused first, then retrying, then the rest.</summary>
    public static int Rank(string? status) => status switch
    {
        Undeliverable => 0,
        Retrying => 1,
        _ => 2,
    };

    /// <summary>The troubled envelopes by request (a request's conversation is its id): for each, its worst status and the refusal's code.</summary>
    public static Dictionary<Guid, (string Status, string? Code)> ByRequest(IEnumerable<EnvelopeDelivery> troubled)
    {
        var found = new Dictionary<Guid, (string Status, string? Code)>();
        foreach (var d in troubled)
        {
            if (!Guid.TryParse(d.Conversation, out var id))
            {
                continue;
            }

            var status = StatusOf(d);
            if (!found.TryGetValue(id, out var held) || Rank(status) < Rank(held.Status))
            {
                found[id] = (status, d.ProblemCode);
            }
        }

        return found;
    }
}
