using System.Text;
using System.Text.Json;
using Comity.Node.Federation.Keys;
using Comity.Node.Kernel;
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

    /// <summary>
    /// Runs <paramref name="work"/> (which loads, changes and calls <see cref="EnqueueAsync"/> for
    /// <paramref name="conversation"/>) and saves the whole unit of work in one transaction. Envelopes of
    /// one conversation take their <c>seq</c> one at a time in this process; when another process on the
    /// same database took the seq first, the change tracker is cleared and <paramref name="work"/> runs
    /// again from the start, so it must load what it changes. Every caller of the outbox saves through here.
    /// </summary>
    /// <exception cref="OutboxBusyException">The conversation's seq was lost to other writers <see cref="Outbox.MaxAttempts"/> times.</exception>
    Task<T> CommitAsync<T>(string conversation, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}

/// <summary>Other writers kept winning a conversation's next seq; the caller may try again later (answer 503).</summary>
public sealed class OutboxBusyException(string conversation, Exception inner)
    : Exception($"Conversation {conversation}: the next seq was taken by another writer {Outbox.MaxAttempts} times.", inner);

internal sealed class Outbox(
    ComityDbContext db,
    SqliteWriteGate writeGate,
    INodeKeys keys,
    FederationRegisterView view,
    IAuditTrail audit,
    IIdGenerator ids,
    TimeProvider time,
    DeliverySignals signals,
    EnvelopeMetrics metrics) : IOutbox
{
    public const int MaxAttempts = 5;

    private readonly List<DeliveryItem> unsaved = [];
    private bool subscribed;

    public async Task<T> CommitAsync<T>(string conversation, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(work);

        // One conversation's envelopes take their seq one at a time in this process (striped locks),
        // instead of racing on the sequence's concurrency token; the retry covers other processes.
        var stripe = OutboxConversationLocks.For(conversation);
        await stripe.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var result = await work(cancellationToken);
                try
                {
                    using (await writeGate.EnterAsync(db, cancellationToken))
                    {
                        await db.SaveChangesAsync(cancellationToken);
                    }

                    return result;
                }
                catch (DbUpdateException e) when (DatabaseErrors.IsLostRace(e))
                {
                    db.ChangeTracker.Clear();
                    if (attempt >= MaxAttempts)
                    {
                        throw new OutboxBusyException(conversation, e);
                    }

                    // Another writer took this seq: back off a little (jittered) and run the work again.
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * attempt)), time, cancellationToken);
                }
            }
        }
        finally
        {
            stripe.Release();
        }
    }

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
            // Saved but not committed yet (and perhaps rolled back to a savepoint later): never handed to the
            // worker as they are. The worker sweeps the outbox once the transaction commits and the rows are
            // visible; after a rollback there is nothing to deliver.
            AfterCommit.Run(db, signals.WakeSweep);
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

/// <summary>Striped in-process locks by outgoing conversation.</summary>
internal static class OutboxConversationLocks
{
    private static readonly SemaphoreSlim[] Stripes = [.. Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1))];

    public static SemaphoreSlim For(string conversation) =>
        Stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(conversation) % (uint)Stripes.Length)];
}

/// <summary>One outbox row on its way: what the worker needs to send it.</summary>
internal sealed record DeliveryItem(Guid Id, string Peer, byte[] Bytes);
