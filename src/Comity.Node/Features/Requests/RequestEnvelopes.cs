using Comity.Domain.Cooperation;
using Comity.Node.Api;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Comity.Protocol.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comity.Node.Features.Requests;

/// <summary>Shared checks and the application of a peer's event to this node's copy of the history.</summary>
internal static class RequestEnvelopeRules
{
    public const string NotAParty = "request.not-a-party";
    public const string Malformed = "request.envelope-malformed";
    public const string OutOfSequence = "request.out-of-sequence";

    /// <summary>A peer's envelope this node refuses to apply: nothing of it is stored, and its sender gets the problem document.</summary>
    public static Error Refuse(int status, string code, string detail, string? article = null) =>
        Problems.ForStatus(status, code, "The request envelope is refused.", detail) with { LegalBasis = article };

    /// <summary>
    /// Replays <paramref name="wire"/> on the history: the event must read (a <c>submitted</c> event with the
    /// request's <paramref name="requestConditions"/>), be the other side's (a node cannot record this side's
    /// transitions) and be allowed by the kind's table and rules; otherwise the envelope is refused.
    /// </summary>
    public static Result<(RequestEvent Event, RequestHistory History)> Check(RequestHistory history, Side peerSide, RequestEventV1 wire, HandlingConditions requestConditions)
    {
        if (RequestWire.ToDomain(wire, requestConditions, out var problem) is not { } domain)
        {
            return Refuse(StatusCodes.Status400BadRequest, Malformed, problem);
        }

        if (domain.By != peerSide)
        {
            return Refuse(StatusCodes.Status403Forbidden, RequestCommands.WrongSide,
                $"The sender is the {peerSide.Wire()} side of this request; it cannot record an event of the {domain.By.Wire()} side.", history.Kind.Basis().ToString());
        }

        var appended = history.Append(domain);
        if (appended.History is not { } next)
        {
            var first = appended.Problems[0];
            var status = first.Code == RequestCommands.WrongSide ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict;
            return Problems.ForStatus(status, first.Code, "The request's workflow or a rule of the Convention refuses this event.", string.Join(" ", appended.Problems.Select(p => $"{p.Message} ({p.Basis})")))
                with { LegalBasis = first.Basis.ToString() };
        }

        return (domain, next);
    }

    public static Result<Guid> RequestIdOf(EnvelopeV1 envelope) =>
        Guid.TryParse(envelope.Conversation, out var id) ? id : Refuse(StatusCodes.Status400BadRequest, Malformed, "The conversation of a request envelope is the request id (a UUID).");
}

/// <summary>
/// <c>request.submitted/v1</c> on the requested node: stores the request and its <c>submitted</c> event
/// with the sender's JWS, records <c>received</c> and sends it back in the same transaction.
/// </summary>
internal sealed class RequestSubmittedEnvelope(
    IOutbox outbox,
    FederationRegisterView view,
    IAuditTrail audit,
    IIdGenerator ids,
    TimeProvider time,
    RequestChangeFeed feed,
    IOptions<RequestOptions> options) : IEnvelopeHandler
{
    public string Type => RequestSubmittedV1.TypeName;

    public async Task<Error?> ApplyAsync(EnvelopeV1 envelope, ComityDbContext db, CancellationToken cancellationToken)
    {
        if (RequestJson.Read<RequestSubmittedV1>(envelope.Body, out var problem) is not { } body)
        {
            return RequestEnvelopeRules.Refuse(StatusCodes.Status400BadRequest, RequestEnvelopeRules.Malformed, problem);
        }

        var request = body.Request;
        var idOf = RequestEnvelopeRules.RequestIdOf(envelope);
        if (idOf.Error is { } badId)
        {
            return badId;
        }

        var id = idOf.Value;
        if (request.Id != id)
        {
            return RequestEnvelopeRules.Refuse(StatusCodes.Status400BadRequest, RequestEnvelopeRules.Malformed, "The request id differs from the envelope's conversation.");
        }

        if (!string.Equals(request.RequestingState, envelope.From, StringComparison.Ordinal) || !string.Equals(request.RequestedState, view.OwnState, StringComparison.Ordinal))
        {
            return RequestEnvelopeRules.Refuse(StatusCodes.Status403Forbidden, RequestEnvelopeRules.NotAParty,
                $"A request from {request.RequestingState} to {request.RequestedState} cannot be submitted by {envelope.From} to {view.OwnState}: the sender must be the requesting State and this node the requested one.");
        }

        if (!RequestKinds.TryParse(request.Kind, out var kind) || RequestWire.FromWire(request.Conditions) is not { } conditions
            || !LegalBasisKinds.TryParse(request.LegalBasis.Kind, out _) || string.IsNullOrWhiteSpace(request.Original.Text) || string.IsNullOrWhiteSpace(request.Original.Language))
        {
            return RequestEnvelopeRules.Refuse(StatusCodes.Status400BadRequest, RequestEnvelopeRules.Malformed, "The request has an unknown kind, legal basis or condition, or no original text.");
        }

        if (await db.Requests().Where(r => r.Id == id).Select(r => r.PeerState).FirstOrDefaultAsync(cancellationToken) is { } peer)
        {
            return string.Equals(peer, envelope.From, StringComparison.Ordinal)
                ? RequestEnvelopeRules.Refuse(StatusCodes.Status409Conflict, "request.already-submitted", $"Request {id} was already submitted.")
                : RequestEnvelopeRules.Refuse(StatusCodes.Status403Forbidden, RequestEnvelopeRules.NotAParty, $"{envelope.From} is not a party to a request {id} with this node.");
        }

        if (body.Event.Type != RequestEventType.Submitted.Wire())
        {
            return RequestEnvelopeRules.Refuse(StatusCodes.Status400BadRequest, RequestEnvelopeRules.Malformed, "A request.submitted/v1 envelope carries the submitted event.");
        }

        var check = RequestEnvelopeRules.Check(RequestHistory.Start(kind), Side.Requesting, body.Event, conditions);
        if (check.Error is { } refused)
        {
            return refused;
        }

        var history = check.Value.History;

        var now = time.GetUtcNow();
        var record = new RequestRecord
        {
            Id = id,
            Kind = kind.Wire(),
            Side = Side.Requested.Wire(),
            RequestingState = envelope.From,
            RequestedState = view.OwnState,
            PeerState = envelope.From,
            RequestingOffice = Cut(request.RequestingOffice),
            RequestedOffice = Cut(request.RequestedOffice),
            RequestedDesignationId = Cut(request.RequestedDesignationId),
            OfficerOnDuty = Cut(request.OfficerOnDuty),
            RegisterSerial = request.RegisterSerial,
            Reference = Cut(request.Reference),
            LegalBasisKind = request.LegalBasis.Kind,
            LegalBasisReference = Cut(request.LegalBasis.Reference),
            ConventionInForce = request.LegalBasis.ConventionInForce,
            OriginalLanguage = request.Original.Language.Length > 35 ? request.Original.Language[..35] : request.Original.Language,
            OriginalText = request.Original.Text,
            TranslationLanguage = request.Translation?.Language is { Length: <= 35 } tl ? tl : null,
            TranslationText = request.Translation?.Language is { Length: <= 35 } ? request.Translation.Text : null,
            ContentsJson = RequestWire.ContentsJson(request.Contents),
            ConditionsJson = RequestWire.ConditionsJson(conditions),
            State = history.State.Wire(),
            SubmittedAt = body.Event.At,
            LastMovedAt = body.Event.At,
            CreatedAt = now,
        };
        db.Requests().Add(record);
        var envelopeId = Guid.Parse(envelope.Id);
        RequestLedger.AddEvent(db, ids.NewId(), record, 0, body.Event, envelope.From, envelopeId, RequestLedger.IncomingJws(db, envelopeId), now);

        // The node records the arrival itself and tells the requester, in the inbox's transaction.
        var received = new RequestReceived(Side.Requested, RequestLedger.Stamp(history, now));
        history = history.Append(received).History ?? throw new InvalidOperationException("A submitted request could not be received.");
        var wireEvent = RequestWire.ToWire(received, null, RequestWire.Fields(received));
        var entry = await outbox.EnqueueAsync(envelope.From, envelope.Conversation, RequestEventEnvelopeV1.TypeName, RequestJson.ToBody(new RequestEventEnvelopeV1(id, 1, wireEvent)), cancellationToken);
        var jws = RequestLedger.OutgoingJws(db, entry.Id);
        RequestLedger.AddEvent(db, ids.NewId(), record, 1, wireEvent, view.OwnState, entry.Id, jws, now);
        RequestLedger.Recompute(record, history, options.Value.Clocks);
        audit.Record(new AuditRecord(Audit.Peer(envelope.From), "request.received", "request", envelope.Conversation, Audit.Sha256(RequestLedger.IncomingJws(db, envelopeId))));
        PublishOnSave(db, feed, new RequestChange(id, "received", "incoming", record.State, now));
        return null;
    }

    private static string? Cut(string? value) => value is { Length: > RequestLimits.ShortText } ? value[..RequestLimits.ShortText] : value;

    internal static void PublishOnSave(ComityDbContext db, RequestChangeFeed feed, RequestChange change)
    {
        void OnSaved(object? sender, Microsoft.EntityFrameworkCore.SavedChangesEventArgs e)
        {
            db.SavedChanges -= OnSaved;
            db.SaveChangesFailed -= OnFailed;
            feed.Publish(change);
        }

        void OnFailed(object? sender, Microsoft.EntityFrameworkCore.SaveChangesFailedEventArgs e)
        {
            db.SavedChanges -= OnSaved;
            db.SaveChangesFailed -= OnFailed;
        }

        db.SavedChanges += OnSaved;
        db.SaveChangesFailed += OnFailed;
    }
}

/// <summary>
/// <c>request.event/v1</c>: one event of the other side, applied to this node's copy of the history.
/// Refused when the sender is not the other party, the index is not the next one, the event is this
/// side's or the table or a rule forbids it.
/// </summary>
internal sealed class RequestEventEnvelope(
    IAuditTrail audit,
    IIdGenerator ids,
    TimeProvider time,
    RequestChangeFeed feed,
    IOptions<RequestOptions> options) : IEnvelopeHandler
{
    public string Type => RequestEventEnvelopeV1.TypeName;

    public async Task<Error?> ApplyAsync(EnvelopeV1 envelope, ComityDbContext db, CancellationToken cancellationToken)
    {
        if (RequestJson.Read<RequestEventEnvelopeV1>(envelope.Body, out var problem) is not { } body)
        {
            return RequestEnvelopeRules.Refuse(StatusCodes.Status400BadRequest, RequestEnvelopeRules.Malformed, problem);
        }

        var idOf = RequestEnvelopeRules.RequestIdOf(envelope);
        if (idOf.Error is { } badId)
        {
            return badId;
        }

        var id = idOf.Value;
        if (body.RequestId != id)
        {
            return RequestEnvelopeRules.Refuse(StatusCodes.Status400BadRequest, RequestEnvelopeRules.Malformed, "The request id differs from the envelope's conversation.");
        }

        var request = await db.Requests().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

        // The same answer whether the request is unknown or another pair's: a third node learns nothing.
        if (request is null || !string.Equals(request.PeerState, envelope.From, StringComparison.Ordinal))
        {
            return RequestEnvelopeRules.Refuse(StatusCodes.Status403Forbidden, RequestEnvelopeRules.NotAParty,
                $"{envelope.From} is not a party to a request {id} with this node.");
        }

        var events = await RequestLedger.EventsAsync(db, id, cancellationToken);
        if (body.Index != events.Count)
        {
            return RequestEnvelopeRules.Refuse(StatusCodes.Status409Conflict, RequestEnvelopeRules.OutOfSequence,
                $"This node holds {events.Count} events of request {id}; the event's index is {body.Index}.");
        }

        var history = RequestLedger.Replay(request, events);
        var side = RequestLedger.SideOf(request);
        var check = RequestEnvelopeRules.Check(history, side.Other(), body.Event, RequestWire.ConditionsFromJson(request.ConditionsJson));
        if (check.Error is { } refused)
        {
            return refused;
        }

        var (domain, next) = check.Value;
        var now = time.GetUtcNow();
        var envelopeId = Guid.Parse(envelope.Id);
        var jws = RequestLedger.IncomingJws(db, envelopeId);
        RequestLedger.AddEvent(db, ids.NewId(), request, body.Index, body.Event, envelope.From, envelopeId, jws, now);
        RequestLedger.Recompute(request, next, options.Value.Clocks);
        audit.Record(new AuditRecord(Audit.Peer(envelope.From), "request." + domain.Type.Wire(), "request", envelope.Conversation, Audit.Sha256(jws)));
        RequestSubmittedEnvelope.PublishOnSave(db, feed, new RequestChange(id, "event", side == Side.Requested ? "incoming" : "outgoing", request.State, now));
        return null;
    }
}
