using System.Text;
using System.Text.Json;
using Comity.Node.Federation.Keys;
using Comity.Node.Federation.Transparency;
using Comity.Node.Hosting;
using Comity.Node.Storage;
using Comity.Protocol.V1;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Federation.Envelopes;

/// <summary>An envelope written to the outbox.</summary>
public sealed record OutboxEntry(Guid Id, string To, string Conversation, long Seq, string Type, DateTimeOffset CreatedAt);

/// <summary>
/// The sending side of the transactional outbox: signs an envelope with the node's key and adds it to the
/// caller's unit of work (the scoped <c>ComityDbContext</c>), so it is stored by the caller's
/// <c>SaveChanges</c> together with the change that caused it, or not at all. The delivery worker is
/// woken once it is saved.
/// </summary>
public interface IOutbox
{
    /// <summary>Allocates the next <c>seq</c> of <paramref name="conversation"/>, signs the envelope to <paramref name="recipient"/> (a State) and adds it to the outbox.</summary>
    /// <exception cref="ArgumentException">The envelope would break a rule of the schema (to, conversation, type).</exception>
    Task<OutboxEntry> EnqueueAsync(string recipient, string conversation, string type, JsonElement body, CancellationToken cancellationToken);
}

internal sealed class Outbox(
    ComityDbContext db,
    INodeKeys keys,
    FederationRegisterView view,
    IAuditTrail audit,
    IIdGenerator ids,
    TimeProvider time,
    DeliverySignals signals,
    EnvelopeMetrics metrics) : IOutbox
{
    private readonly List<DeliveryItem> unsaved = [];
    private bool subscribed;

    public async Task<OutboxEntry> EnqueueAsync(string recipient, string conversation, string type, JsonElement body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var to = recipient;
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(type);
        var now = time.GetUtcNow();
        var id = ids.NewId();

        // Validate with a provisional seq before touching the counter, so a refused envelope leaves no trace.
        var envelope = new EnvelopeV1(EnvelopeV1.CurrentVersion, id.ToString("D"), view.OwnState, to, conversation, 1, type, now, body);
        if (FederationJson.Problem(envelope) is { } problem)
        {
            throw new ArgumentException(problem, nameof(body));
        }

        var counter = await db.OutboxSequences().FindAsync([conversation], cancellationToken);
        long seq;
        if (counter is null)
        {
            seq = 1;
            db.OutboxSequences().Add(new OutboxSequence { Conversation = conversation, Next = 2 });
        }
        else
        {
            seq = counter.Next;
            counter.Next = seq + 1;
        }

        envelope = envelope with { Seq = seq };
        var jws = await keys.SignJwsAsync(FederationJson.SerializeToUtf8Bytes(envelope), EnvelopeV1.MediaType, cancellationToken);
        var bytes = Encoding.UTF8.GetBytes(jws);
        var sha256 = FederationJson.Sha256(bytes);
        db.Outbox().Add(new OutboxEnvelope
        {
            Id = id,
            Peer = to,
            Conversation = conversation,
            Seq = seq,
            Type = type,
            Bytes = bytes,
            Sha256 = sha256,
            CreatedAt = now,
            Status = OutboxStatus.Pending,
            NextAttemptAt = now,
        });
        audit.Record(new AuditRecord("node", "envelope.sent", "envelope", envelope.Id, sha256));
        metrics.Sent.Add(1, new KeyValuePair<string, object?>("type", type));

        unsaved.Add(new DeliveryItem(id, to, bytes));
        if (!subscribed)
        {
            db.SavedChanges += OnSaved;

            // A failed save stored nothing: never hand its envelopes to the worker (a retry enqueues them again).
            db.SaveChangesFailed += (_, _) => unsaved.Clear();
            subscribed = true;
        }

        return new OutboxEntry(id, to, conversation, seq, type, now);
    }

    private void OnSaved(object? sender, SavedChangesEventArgs e)
    {
        if (unsaved.Count == 0)
        {
            return;
        }

        if (db.Database.CurrentTransaction is not null)
        {
            // Saved but not committed yet: the worker's sweep picks the rows up once they are visible.
            signals.WakeSweep();
            unsaved.Clear();
            return;
        }

        foreach (var item in unsaved)
        {
            signals.Ready(item);
        }

        unsaved.Clear();
    }
}

/// <summary>One outbox row on its way: what the worker needs to send it.</summary>
internal sealed record DeliveryItem(Guid Id, string Peer, byte[] Bytes);
