using System.Text;
using System.Text.Json;
using Comity.Domain.Cooperation;
using Comity.Node.Storage;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Comity.Node.Features.Requests;

/// <summary>
/// The request's stored history as the domain sees it: loads and replays it, appends events with the
/// envelope that carries them, and keeps the request row's state and next due instant in step.
/// Shared by the commands (this node's transitions) and the envelope handlers (the other side's).
/// </summary>
internal static class RequestLedger
{
    public static Side SideOf(RequestRecord request) =>
        Sides.TryParse(request.Side, out var side) ? side : throw new InvalidOperationException($"Request {request.Id} has an unknown side '{request.Side}'.");

    /// <summary>The list a request of this node's <paramref name="side"/> is in: <c>incoming</c> (requested) or <c>outgoing</c> (requesting).</summary>
    public static string Box(Side side) => side == Side.Requested ? "incoming" : "outgoing";

    public static RequestKind KindOf(RequestRecord request) =>
        RequestKinds.TryParse(request.Kind, out var kind) ? kind : throw new InvalidOperationException($"Request {request.Id} has an unknown kind '{request.Kind}'.");

    /// <summary>Replays stored events; a stored history always replays (every event was checked before it was stored).</summary>
    public static RequestHistory Replay(RequestRecord request, IEnumerable<RequestEventRecord> events)
    {
        var domain = new List<RequestEvent>();
        var conditions = RequestWire.ConditionsFromJson(request.ConditionsJson);
        foreach (var row in events.OrderBy(e => e.Index))
        {
            domain.Add(RequestWire.ToDomain(row, conditions, out var problem, request.Deadline is { } deadline ? Instant.FromDateTimeOffset(deadline) : null) ?? throw new InvalidOperationException($"Stored event {row.Index} of request {request.Id} does not read: {problem}"));
        }

        var result = RequestHistory.Replay(KindOf(request), domain);
        return result.History ?? throw new InvalidOperationException($"The stored history of request {request.Id} does not replay: {string.Join(" ", result.Problems)}");
    }

    /// <summary>
    /// The stored events plus those added to this unit of work and not saved yet: the inbox applies an
    /// envelope and its waiting successors in one transaction, so the second sees the first's event here.
    /// </summary>
    public static async Task<List<RequestEventRecord>> EventsAsync(ComityDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var stored = await db.RequestEvents().Where(e => e.RequestId == id).ToListAsync(cancellationToken);
        var added = db.ChangeTracker.Entries<RequestEventRecord>()
            .Where(e => e.State == EntityState.Added && e.Entity.RequestId == id)
            .Select(e => e.Entity);
        return [.. stored.Concat(added).DistinctBy(e => e.Id).OrderBy(e => e.Index)];
    }

    /// <summary>The instant a node stamps its own event with: its clock, but never before the last event (clock skew between nodes).</summary>
    public static Instant Stamp(RequestHistory history, DateTimeOffset now)
    {
        var at = Instant.FromDateTimeOffset(now);
        return history.Current.LastMovedAt is Instant last && last > at ? last : at;
    }

    /// <summary>The kid in a JWS's protected header (not verified here).</summary>
    public static string KidOf(string jws)
    {
        try
        {
            var flattened = JsonSerializer.Deserialize<JwsFlattenedJson>(jws);
            var header = flattened?.Protected is { } p ? JsonSerializer.Deserialize<JwsHeader>(Base64Url.Decode(p)) : null;
            return header?.Kid ?? "";
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return "";
        }
    }

    public static RequestEventRecord AddEvent(ComityDbContext db, Guid eventId, RequestRecord request, int index, RequestEventV1 wire, string node, Guid envelopeId, string jws, DateTimeOffset now)
    {
        var row = new RequestEventRecord
        {
            Id = eventId,
            RequestId = request.Id,
            Index = index,
            Type = wire.Type,
            By = wire.By,
            Node = node,
            Actor = wire.Actor is { Length: > RequestLimits.ShortText } a ? a[..RequestLimits.ShortText] : wire.Actor,
            At = wire.At,
            FieldsJson = RequestWire.FieldsJson(wire.Fields),
            EnvelopeId = envelopeId,
            Jws = jws,
            Kid = KidOf(jws),
            StoredAt = now,
        };
        db.RequestEvents().Add(row);
        return row;
    }

    /// <summary>Brings the row's state, movement and next due instant in line with the history.</summary>
    public static void Recompute(RequestRecord request, RequestHistory history, CooperationClockSettings settings)
    {
        var snapshot = history.Current;
        request.State = snapshot.State.Wire();
        request.IsOpen = !snapshot.State.IsFinal();
        request.EventCount = history.Events.Count;
        if (snapshot.LastMovedAt is Instant moved)
        {
            request.LastMovedAt = moved.ToDateTimeOffset();
        }

        // Every deadline, even one already past: the worker raises what is due (once) and moves on.
        var status = history.StatusAt(snapshot.LastMovedAt ?? Instant.MinValue, settings);
        var relevant = status.Deadlines.Where(d => RequestClocks.Concerns(SideOf(request), d.Kind)).OrderBy(d => d.Due).FirstOrDefault();
        request.NextDueAt = relevant?.Due.ToDateTimeOffset();
        request.NextDueKind = relevant is null ? null : RequestWire.DeadlineWire(relevant.Kind);
    }

    /// <summary>The JWS of an envelope this unit of work just enqueued.</summary>
    public static string OutgoingJws(ComityDbContext db, Guid envelopeId) =>
        db.ChangeTracker.Entries<Comity.Node.Federation.Envelopes.OutboxEnvelope>().Select(e => e.Entity).FirstOrDefault(o => o.Id == envelopeId) is { } row
            ? Encoding.UTF8.GetString(row.Bytes)
            : throw new InvalidOperationException($"Envelope {envelopeId} is not in this unit of work's outbox.");

    /// <summary>The JWS of an envelope the inbox is applying (its row is in this unit of work).</summary>
    public static string IncomingJws(ComityDbContext db, Guid envelopeId) =>
        db.ChangeTracker.Entries<Comity.Node.Federation.Envelopes.InboxEnvelope>().Select(e => e.Entity).FirstOrDefault(o => o.Id == envelopeId) is { } row
            ? Encoding.UTF8.GetString(row.Bytes)
            : throw new InvalidOperationException($"Envelope {envelopeId} is not in this unit of work's inbox.");
}
