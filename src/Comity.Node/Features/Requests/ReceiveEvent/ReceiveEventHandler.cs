using Comity.Domain.Cooperation;
using Comity.Node.Features.Requests.Clocks;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Comity.Protocol.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comity.Node.Features.Requests.ReceiveEvent;

/// <summary>
/// <c>request.event/v1</c>: one event of the other side, applied to this node's copy of the history.
/// Refused when the sender is not the other party, the index is not the next one, the event is this
/// side's or the table or a rule forbids it.
/// </summary>
internal sealed class ReceiveEventHandler(
    IAuditTrail audit,
    IIdGenerator ids,
    TimeProvider time,
    RequestChangeFeed feed,
    IOptions<RequestOptions> options) : IEnvelopeHandler
{
    public string Type => RequestEventEnvelopeV1.TypeName;

    public async Task<Error?> ApplyAsync(EnvelopeV1 envelope, ComityDbContext db, CancellationToken cancellationToken)
    {
        var opened = RequestEnvelopeRules.Open<RequestEventEnvelopeV1>(envelope, b => b.RequestId);
        if (opened.Error is { } malformed)
        {
            return malformed;
        }

        var (body, id) = opened.Value;

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
        feed.PublishOnSave(db, new RequestChange(id, "event", RequestLedger.Box(side), request.State, now, request.Kind));
        return null;
    }
}
