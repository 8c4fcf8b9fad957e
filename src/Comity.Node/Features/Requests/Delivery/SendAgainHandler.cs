using System.Security.Claims;
using Comity.Domain.Cooperation;
using Comity.Domain.Legal;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Features.Requests.Delivery;

/// <summary>
/// Sends a request's refused envelopes again, byte for byte, once their cause is fixed (this node's key now in the
/// Register, the clocks set right): the other node gets the same signed events in the same order. 404 when this node
/// is not a party; 409 <c>request.nothing-to-send-again</c> when none of the request's envelopes was refused.
/// </summary>
internal sealed class SendAgainHandler(ComityDbContext db, IOutboxDeliveries deliveries, RequestChangeFeed feed, TimeProvider time)
{
    public async Task<Result<SendAgainResponse>> HandleAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var request = await db.Requests().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return RequestErrors.NotFound(id);
        }

        var envelopes = await db.RequestEvents().AsNoTracking().Where(e => e.RequestId == id).Select(e => e.EnvelopeId).ToListAsync(cancellationToken);
        var resent = await deliveries.RetryAsync(envelopes, Audit.User(user), cancellationToken);
        if (resent == 0)
        {
            return RequestErrors.Refused(ErrorKind.Conflict, StatusCodes.Status409Conflict, "Nothing to send again.",
                [RequestWire.Problem("id", RequestCodes.NothingToSendAgain, $"The other node refused none of request {id}'s events: there is nothing to send again.", Convention.Art(41))]);
        }

        feed.Publish(new RequestChange(id, "event", RequestLedger.Box(RequestLedger.SideOf(request)), request.State, time.GetUtcNow(), request.Kind));
        return new SendAgainResponse(id, resent);
    }
}

/// <summary>Updates the live pages when an envelope of a request is delivered or refused (a request's conversation is its id).</summary>
internal sealed class PublishOnEnvelopeSettled(ComityDbContext db, RequestChangeFeed feed, TimeProvider time) : IAfterCommitSubscriber<EnvelopeSettled>
{
    public async Task HandleCommittedAsync(EnvelopeSettled domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        // Every delivered envelope passes here (pings too): read the request only when a page is watching.
        if (!feed.HasSubscribers || !Guid.TryParse(domainEvent.Conversation, out var id))
        {
            return;
        }

        var request = await db.Requests().AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Side, r.State, r.Kind }).FirstOrDefaultAsync(cancellationToken);
        if (request is not null)
        {
            feed.Publish(new RequestChange(id, "delivery", request.Side == Side.Requested.Wire() ? "incoming" : "outgoing", request.State, time.GetUtcNow(), request.Kind));
        }
    }
}
