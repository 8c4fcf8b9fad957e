using Comity.Node.Kernel;
using Comity.Node.Storage;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Federation.Envelopes;

/// <summary>Where one envelope this node sent stands: what a feature shows about the delivery of what it sent.</summary>
/// <param name="Attempts">Attempts made so far (a refusal is the last).</param>
/// <param name="NextAttemptAt">When a pending envelope is tried next.</param>
/// <param name="LastError">Why the last attempt failed, when it did (transport, 5xx, a receipt that did not verify, or the refusal).</param>
/// <param name="ProblemCode">The receiver's problem <c>code</c> when it refused the envelope (<c>federation.unknown-key</c>…).</param>
/// <param name="ProblemStatus">The receiver's HTTP status when it refused.</param>
/// <param name="ProblemDetail">The receiver's problem <c>detail</c> when it refused.</param>
public sealed record EnvelopeDelivery(
    Guid Id,
    string Peer,
    string Conversation,
    long Seq,
    string Type,
    OutboxStatus Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    string? LastError,
    string? ProblemCode,
    int? ProblemStatus,
    string? ProblemDetail)
{
    /// <summary>Refused by the receiver (undeliverable) or still pending after at least one failed attempt.</summary>
    public bool IsTroubled => Status == OutboxStatus.Undeliverable || (Status == OutboxStatus.Pending && Attempts > 0);
}

/// <summary>
/// Raised after the commit when an envelope this node sent is settled: delivered with a verified receipt, or refused by its
/// receiver (undeliverable). Features that sent it update what they show (a request's page, its inbox row).
/// </summary>
public sealed record EnvelopeSettled(Guid EnvelopeId, string Peer, string Conversation, string Type, OutboxStatus Status);

/// <summary>
/// The delivery side of the outbox as features see it (a published port of the transport): where the envelopes
/// they sent stand, which are in trouble, and sending a refused envelope again once its cause is fixed.
/// </summary>
public interface IOutboxDeliveries
{
    /// <summary>The envelopes among <paramref name="ids"/> that this node sent (others are absent from the answer).</summary>
    Task<IReadOnlyDictionary<Guid, EnvelopeDelivery>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>Every envelope refused by its receiver, and every pending one whose attempts have failed so far; newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<EnvelopeDelivery>> TroubledAsync(int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Sends refused envelopes again, byte for byte (same id, seq and signature): for when their cause is fixed, such as this
    /// node's key now in the Register. Only undeliverable envelopes among <paramref name="ids"/> move back to pending; the
    /// answer is how many did. Audited as <c>envelope.retried</c> by <paramref name="actor"/>.
    /// </summary>
    Task<int> RetryAsync(IReadOnlyCollection<Guid> ids, string actor, CancellationToken cancellationToken);
}

internal sealed class OutboxDeliveries(ComityDbContext db, SqliteWriteGate writeGate, IAuditTrail audit, DeliverySignals signals, TimeProvider time) : IOutboxDeliveries
{
    public async Task<IReadOnlyDictionary<Guid, EnvelopeDelivery>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, EnvelopeDelivery>();
        }

        var rows = await Project(db.Outbox().AsNoTracking().Where(o => ids.Contains(o.Id))).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id);
    }

    public async Task<IReadOnlyList<EnvelopeDelivery>> TroubledAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var rows = await Project(db.Outbox().AsNoTracking()
                .Where(o => o.Status == OutboxStatus.Undeliverable || (o.Status == OutboxStatus.Pending && o.Attempts > 0)))
            .ToListAsync(cancellationToken);

        // Sorted in memory: SQLite cannot order by DateTimeOffset, and the troubled set is small by nature.
        return [.. rows.OrderByDescending(r => r.CreatedAt).Take(limit)];
    }

    public async Task<int> RetryAsync(IReadOnlyCollection<Guid> ids, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (ids.Count == 0)
        {
            return 0;
        }

        var rows = await db.Outbox().Where(o => ids.Contains(o.Id) && o.Status == OutboxStatus.Undeliverable).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        foreach (var row in rows)
        {
            row.Status = OutboxStatus.Pending;
            row.Attempts = 0;
            row.NextAttemptAt = now;
            row.LastError = $"Sent again by {actor} after {row.ProblemStatus} {row.ProblemCode}.";
            row.ProblemCode = null;
            row.ProblemStatus = null;
            row.ProblemDetail = null;
            row.OverdueAlertedAt = null;
            audit.Record(new AuditRecord(actor, "envelope.retried", "envelope", row.Id.ToString("D"), row.Sha256));
        }

        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        signals.WakeSweep();
        return rows.Count;
    }

    private static IQueryable<EnvelopeDelivery> Project(IQueryable<OutboxEnvelope> query) =>
        query.Select(o => new EnvelopeDelivery(
            o.Id, o.Peer, o.Conversation, o.Seq, o.Type, o.Status, o.Attempts, o.CreatedAt, o.LastAttemptAt, o.NextAttemptAt, o.DeliveredAt,
            o.LastError, o.ProblemCode, o.ProblemStatus, o.ProblemDetail));
}
