using System.Diagnostics.Metrics;
using Comity.Node.Kernel;

namespace Comity.Node.Federation.Envelopes;

/// <summary>Envelope delivery instruments, on the node's <c>Comity</c> meter.</summary>
internal sealed class EnvelopeMetrics
{
    public EnvelopeMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(ComityMetrics.MeterName);
        Received = meter.CreateCounter<long>("comity.envelopes.received", description: "Envelopes received and acknowledged with a receipt, by outcome (applied, waiting, duplicate)");
        Refused = meter.CreateCounter<long>("comity.envelopes.refused", description: "Envelopes refused by this node, by problem code");
        Replays = meter.CreateCounter<long>("comity.envelopes.replays", description: "Envelopes refused because their id was already received with other bytes");
        Sent = meter.CreateCounter<long>("comity.envelopes.sent", description: "Envelopes written to the outbox");
        Delivered = meter.CreateCounter<long>("comity.envelopes.delivered", description: "Envelopes delivered with a verified receipt");
        Undeliverable = meter.CreateCounter<long>("comity.envelopes.undeliverable", description: "Envelopes a peer refused (permanent), by problem code");
        FailedAttempts = meter.CreateCounter<long>("comity.envelopes.failed_attempts", description: "Delivery attempts that failed and will be retried, by reason");
    }

    public Counter<long> Received { get; }

    public Counter<long> Refused { get; }

    public Counter<long> Replays { get; }

    public Counter<long> Sent { get; }

    public Counter<long> Delivered { get; }

    public Counter<long> Undeliverable { get; }

    public Counter<long> FailedAttempts { get; }
}
