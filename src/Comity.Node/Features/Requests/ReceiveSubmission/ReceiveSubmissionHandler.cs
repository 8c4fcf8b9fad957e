using Comity.Domain.Cooperation;
using Comity.Node.Features.Requests.Clocks;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Comity.Protocol.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comity.Node.Features.Requests.ReceiveSubmission;

/// <summary>
/// <c>request.submitted/v1</c> on the requested node: stores the request and its <c>submitted</c> event
/// with the sender's JWS, records <c>received</c> and sends it back in the same transaction.
/// </summary>
internal sealed class ReceiveSubmissionHandler(
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
        var opened = RequestEnvelopeRules.Open<RequestSubmittedV1>(envelope, b => b.Request.Id);
        if (opened.Error is { } malformed)
        {
            return malformed;
        }

        var (body, id) = opened.Value;
        var request = body.Request;

        if (!string.Equals(request.RequestingState, envelope.From, StringComparison.Ordinal) || !string.Equals(request.RequestedState, view.OwnState, StringComparison.Ordinal))
        {
            return RequestEnvelopeRules.Refuse(StatusCodes.Status403Forbidden, RequestEnvelopeRules.NotAParty,
                $"A request from {request.RequestingState} to {request.RequestedState} cannot be submitted by {envelope.From} to {view.OwnState}: the sender must be the requesting State and this node the requested one.");
        }

        if (!RequestKinds.TryParse(request.Kind, out var kind) || RequestWire.FromWire(request.Conditions) is not { } conditions
            || !LegalBasisKinds.TryParse(request.LegalBasis.Kind, out _) || string.IsNullOrWhiteSpace(request.Original.Text) || string.IsNullOrWhiteSpace(request.Original.Language)
            || request.OffenceCode is { Length: > Comity.Domain.Cooperation.Offences.NationalOffence.MaxCodeLength })
        {
            return RequestEnvelopeRules.Refuse(StatusCodes.Status400BadRequest, RequestEnvelopeRules.Malformed, "The request has an unknown kind, legal basis or condition, no original text, or an offence code longer than 64 characters.");
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

        var check = RequestEnvelopeRules.Check(RequestHistory.Start(kind), Side.Requesting, body.Event, conditions, request.Deadline is { } deadline ? NodaTime.Instant.FromDateTimeOffset(deadline) : null);
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
            Deadline = request.Deadline,
            OffenceCode = string.IsNullOrWhiteSpace(request.OffenceCode) ? null : request.OffenceCode,
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
        feed.PublishOnSave(db, new RequestChange(id, "received", "incoming", record.State, now, record.Kind));
        return null;
    }

    private static string? Cut(string? value) => value is { Length: > RequestLimits.ShortText } ? value[..RequestLimits.ShortText] : value;
}
