using System.Text.Json;
using Comity.Domain.Cooperation;
using Comity.Node.Features.Requests.Clocks;
using Comity.Node.Features.Requests.Delivery;
using Comity.Node.Features.Requests.Validate;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Federation.Register;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Comity.Node.Features.Requests.Show;

/// <summary>
/// One request as this node holds it: header, texts, contents, conditions, running clocks, the signed history (each
/// event's JWS verified against the signer's key), alerts, and what each side may do now (its kind's transition table).
/// 404 when this node is not one of its parties.
/// </summary>
internal sealed class GetRequestHandler(
    ComityDbContext db,
    FederationRegisterView view,
    ICurrentRegister currentRegister,
    IOutboxDeliveries deliveries,
    TimeProvider time,
    IOptions<RequestOptions> options)
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    private CooperationClockSettings Clocks => options.Value.Clocks;

    /// <param name="viewer">The signed-in user: a request of a channel not theirs is "not found" (need-to-know); null for the node's own use.</param>
    public async Task<Result<RequestDetail>> HandleAsync(Guid id, CancellationToken cancellationToken, System.Security.Claims.ClaimsPrincipal? viewer = null)
    {
        var request = await db.Requests().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null || (viewer is not null && !RequestRoles.CanRead(viewer, request.Kind)))
        {
            return RequestErrors.NotFound(id);
        }

        var events = await db.RequestEvents().AsNoTracking().Where(e => e.RequestId == id).OrderBy(e => e.Index).ToListAsync(cancellationToken);
        var alerts = await db.RequestAlerts().AsNoTracking().Where(a => a.RequestId == id).OrderByDescending(a => a.RaisedAt).ToListAsync(cancellationToken);
        var register = await view.GetAsync(db, currentRegister, cancellationToken);
        var archived = await ArchivedKeysAsync(events, register, cancellationToken);
        var sent = await deliveries.FindAsync([.. events.Select(e => e.EnvelopeId)], cancellationToken);
        var eventDtos = events.Select(e => ToDto(e, register, archived, sent.TryGetValue(e.EnvelopeId, out var d) ? RequestDeliveries.ToDto(e, d) : null)).ToList();
        var trouble = RequestDeliveries.Trouble(eventDtos.Select(e => e.Delivery));
        var refused = trouble?.Status == RequestDeliveries.Undeliverable;
        var history = RequestLedger.Replay(request, events);
        var now = time.GetUtcNow();
        var status = history.StatusAt(Instant.FromDateTimeOffset(now), Clocks);
        var side = RequestLedger.SideOf(request);
        var kind = RequestLedger.KindOf(request);
        var snapshot = history.Current;
        var table = kind.Profile().Transitions;
        var actions = table.AllowedIn(snapshot.State, side).Select(RequestTransitions.Route).OfType<string>().ToList();
        var theirs = table.AllowedIn(snapshot.State, side.Other()).Where(t => t != RequestEventType.Received).Select(t => t.Wire()).ToList();
        string? waitingFor = snapshot.State.IsFinal() || refused ? null
            : snapshot.State == RequestState.Submitted ? $"Waiting for {request.PeerState}'s node to receive the request."
            : actions.Count == 0 && theirs.Count > 0 ? $"Waiting for {request.PeerState}: {string.Join(", ", theirs)}."
            : null;

        var contents = RequestWire.ContentsFromJson(request.ContentsJson);
        var detail = new RequestDetail(
            new RequestHeaderDto(
                request.Id, request.Kind, kind.Basis().ToString(), request.Side, request.RequestingState, request.RequestedState,
                request.RequestingOffice, request.RequestedOffice, request.RequestedDesignationId, request.OfficerOnDuty, request.RequestedTimeZone,
                request.State, request.SubmittedAt, request.LastMovedAt, request.Reference),
            new LegalBasisDto(request.LegalBasisKind, request.LegalBasisReference, RequestDraftValidator.CooperationBasis.ToString(), request.ConventionInForce),
            new RequestTextDto(request.OriginalLanguage, request.OriginalText, null),
            request.TranslationLanguage is { } tl && request.TranslationText is { } tt ? new RequestTextDto(tl, tt, CooperationRequest.TranslationProvidedBy.Wire()) : null,
            contents,
            RequestWire.ToDto(snapshot.Conditions),
            [.. RequestClocks.Shown(side, status.Clocks).Select(c => new RequestClockDto(RequestWire.DeadlineWire(c.Deadline.Kind), c.Deadline.Due.ToDateTimeOffset(), c.Deadline.Basis.ToString(), c.IsDue, c.Remaining.ToTimeSpan()))],
            eventDtos,
            [.. alerts.Select(RequestAlertDto.From)],
            snapshot.PreservedUntil is Instant until && snapshot.PreservationSetAt is Instant set
                ? new PreservationDto(FirstPreservedAt(history) ?? set.ToDateTimeOffset(), until.ToDateTimeOffset(), snapshot.ExtensionPending, snapshot.FollowUpReferences)
                : null,
            snapshot.Refusal is { } refusal ? new RefusalDto(refusal.Ground.Wire(), refusal.Ground.Basis().ToString(), refusal.Reasons) : null,
            snapshot.OpenQuestion,
            actions,
            waitingFor,
            trouble,
            refused ? null : OtherSide.Describe(OtherSide.Overdue(side, status, snapshot.State), register, request, kind, now))
        {
            OffenceCode = request.OffenceCode,
            DualCriminality = OffenceAssessment.Assess(register, request.RequestingState, request.RequestedState, request.OffenceCode, kind, request.OffenceCode is null ? null : JsonSerializer.Deserialize<RequestContentsV1>(request.ContentsJson, FederationJson.Options)?.Purposes),
        };
        return detail;
    }

    private static DateTimeOffset? FirstPreservedAt(RequestHistory history) =>
        history.Events.OfType<DataPreserved>().Select(p => (DateTimeOffset?)p.At.ToDateTimeOffset()).FirstOrDefault();

    /// <summary>For events signed with a key the Register held now no longer lists: the key as earlier Registers listed it, checked at the event's time.</summary>
    private async Task<Dictionary<Guid, NodeKeyLookup>> ArchivedKeysAsync(List<RequestEventRecord> events, RegisterV1? register, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, NodeKeyLookup>();
        foreach (var e in events.Where(e => CurrentKey(e, register) is null))
        {
            found[e.Id] = await NodeKeyArchive.FindSigningKeyAsync(db, e.Node, e.Kid, e.At, cancellationToken);
        }

        return found;
    }

    private static RegisterKeyV1? CurrentKey(RequestEventRecord e, RegisterV1? register) =>
        register is null ? null
        : RegisterLookups.NodeFor(register, e.Node)?.Keys.FirstOrDefault(k => string.Equals(k.Kid, e.Kid, StringComparison.Ordinal) && string.Equals(k.Use, "sig", StringComparison.Ordinal));

    private static RequestEventDto ToDto(RequestEventRecord e, RegisterV1? register, IReadOnlyDictionary<Guid, NodeKeyLookup> archived, RequestDeliveryDto? delivery)
    {
        JsonElement fields;
        try
        {
            fields = JsonDocument.Parse(e.FieldsJson).RootElement.Clone();
        }
        catch (JsonException)
        {
            fields = EmptyObject;
        }

        return new RequestEventDto(e.Index, e.Type, e.By, e.Node, e.Actor, e.At, fields, Verify(e, register, archived.GetValueOrDefault(e.Id)), delivery);
    }

    /// <summary>
    /// Checks the stored envelope JWS against the signer's key: as the Register this node holds now lists
    /// it, or else (<paramref name="archived"/>) as earlier verified Registers listed it, valid when the event was signed.
    /// </summary>
    public static RequestSignatureDto Verify(RequestEventRecord e, RegisterV1? register, NodeKeyLookup? archived = null)
    {
        string? problem = null;
        var key = CurrentKey(e, register) ?? archived?.Key;
        if (key is null)
        {
            problem = archived is { } lookup ? lookup.Message
                : register is null ? "This node holds no Register to check the signature against."
                : $"The Register (serial {register.Serial}) lists no signing key {e.Kid} for {e.Node}.";
        }
        else
        {
            var verification = JwsFlattened.Verify(e.Jws, key.Jwk);
            if (!verification.IsValid)
            {
                problem = verification.Reason;
            }
            else if (!PayloadMatches(verification.Payload!, e))
            {
                problem = "The signed envelope is not about this request or this event.";
            }
        }

        return new RequestSignatureDto(e.EnvelopeId, e.Jws, e.Kid, e.Node, problem is null, problem);
    }

    private static bool PayloadMatches(byte[] payload, RequestEventRecord e)
    {
        try
        {
            var envelope = FederationJson.DeserializeEnvelope(payload);
            return string.Equals(envelope.Conversation, e.RequestId.ToString("D"), StringComparison.Ordinal)
                && string.Equals(envelope.From, e.Node, StringComparison.Ordinal)
                && string.Equals(envelope.Id, e.EnvelopeId.ToString("D"), StringComparison.Ordinal);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
