using System.Security.Claims;
using System.Text.Json;
using Comity.Domain.Cooperation;
using Comity.Domain.Directory;
using Comity.Domain.Legal;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Federation.Register;
using Comity.Node.Storage;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Comity.Node.Features.Requests;

internal sealed class RequestQueries(
    ComityDbContext db,
    RequestDraftChecker checker,
    FederationRegisterView view,
    ICurrentRegister currentRegister,
    TimeProvider time,
    IOptions<RequestOptions> options) : IRequestQueries
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    private CooperationClockSettings Clocks => options.Value.Clocks;

    public async Task<RequestResult<RequestListResponse>> ListAsync(RequestListFilter filter, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        filter ??= new RequestListFilter();
        var problems = new List<RequestProblemDto>();
        string? side = filter.Box?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "incoming" => Side.Requested.Wire(),
            "outgoing" => Side.Requesting.Wire(),
            _ => Invalid("box", "box is incoming or outgoing."),
        };
        string? state = null;
        if (!string.IsNullOrWhiteSpace(filter.State))
        {
            state = RequestStates.TryParse(filter.State, out var s) ? s.Wire() : Invalid("state", $"Unknown state '{filter.State}'.");
        }

        string? kind = null;
        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            kind = RequestKinds.TryParse(filter.Kind, out var k) ? k.Wire() : Invalid("kind", $"Unknown kind '{filter.Kind}'.");
        }

        if (filter.Limit is < 1 or > MaxLimit)
        {
            Invalid("limit", $"limit is from 1 to {MaxLimit}.");
        }

        if (problems.Count > 0)
        {
            return RequestResults.Fail<RequestListResponse>(new RequestFailure(StatusCodes.Status400BadRequest, problems[0].Code, "The filter is not valid.", problems));
        }

        var query = db.Requests().AsNoTracking();
        if (side is not null)
        {
            query = query.Where(r => r.Side == side);
        }

        if (state is not null)
        {
            query = query.Where(r => r.State == state);
        }

        if (kind is not null)
        {
            query = query.Where(r => r.Kind == kind);
        }

        if (filter.Open is bool open)
        {
            query = query.Where(r => r.IsOpen == open);
        }

        // Open requests first, earliest due first: the ones that can be urgent. Urgency itself is computed from the history.
        var limit = filter.Limit ?? DefaultLimit;
        var rows = await query.OrderByDescending(r => r.IsOpen).ThenBy(r => r.NextDueAt == null).ThenBy(r => r.NextDueAt).ThenByDescending(r => r.LastMovedAt)
            .Take(MaxLimit * 2).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var events = (await db.RequestEvents().AsNoTracking().Where(e => ids.Contains(e.RequestId)).ToListAsync(cancellationToken)).ToLookup(e => e.RequestId);
        var alerts = (await db.RequestAlerts().AsNoTracking().Where(a => ids.Contains(a.RequestId)).ToListAsync(cancellationToken)).ToLookup(a => a.RequestId);
        var now = time.GetUtcNow();
        var summaries = rows
            .Select(r => Summary(r, RequestLedger.Replay(r, events[r.Id]), alerts[r.Id], now))
            .OrderBy(s => UrgencyRank(s.Urgency))
            .ThenBy(s => s.NextDueAt ?? DateTimeOffset.MaxValue)
            .ThenByDescending(s => s.LastMovedAt)
            .Take(limit)
            .ToList();
        return RequestResults.Ok(new RequestListResponse(summaries));

        string? Invalid(string field, string message)
        {
            problems.Add(RequestWire.Problem(field, "validation", message, Convention.Art(41)));
            return null;
        }
    }

    public async Task<RequestResult<RequestDetail>> GetAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var request = await db.Requests().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return RequestResults.Fail<RequestDetail>(new RequestFailure(StatusCodes.Status404NotFound, RequestCommands.NotFound, "Not found.",
                [RequestWire.Problem("id", RequestCommands.NotFound, $"This node is not a party to a request {id}.", Convention.Art(41))]));
        }

        var events = await db.RequestEvents().AsNoTracking().Where(e => e.RequestId == id).OrderBy(e => e.Index).ToListAsync(cancellationToken);
        var alerts = await db.RequestAlerts().AsNoTracking().Where(a => a.RequestId == id).OrderByDescending(a => a.RaisedAt).ToListAsync(cancellationToken);
        var register = await view.GetAsync(db, currentRegister, cancellationToken);
        var history = RequestLedger.Replay(request, events);
        var now = time.GetUtcNow();
        var status = history.StatusAt(Instant.FromDateTimeOffset(now), Clocks);
        var side = RequestLedger.SideOf(request);
        var kind = RequestLedger.KindOf(request);
        var snapshot = history.Current;
        var table = kind.Profile().Transitions;
        var actions = table.AllowedIn(snapshot.State, side).Select(RequestWire.Route).OfType<string>().ToList();
        var theirs = table.AllowedIn(snapshot.State, side.Other()).Where(t => t != RequestEventType.Received).Select(t => t.Wire()).ToList();
        string? waitingFor = snapshot.State.IsFinal() ? null
            : snapshot.State == RequestState.Submitted ? $"Waiting for {request.PeerState}'s node to receive the request."
            : actions.Count == 0 && theirs.Count > 0 ? $"Waiting for {request.PeerState}: {string.Join(", ", theirs)}."
            : null;

        var detail = new RequestDetail(
            new RequestHeaderDto(
                request.Id, request.Kind, kind.Basis().ToString(), request.Side, request.RequestingState, request.RequestedState,
                request.RequestingOffice, request.RequestedOffice, request.RequestedDesignationId, request.OfficerOnDuty, request.RequestedTimeZone,
                request.State, request.SubmittedAt, request.LastMovedAt, request.Reference),
            new LegalBasisDto(request.LegalBasisKind, request.LegalBasisReference, RequestDraftValidator.CooperationBasis.ToString(), request.ConventionInForce),
            new RequestTextDto(request.OriginalLanguage, request.OriginalText, null),
            request.TranslationLanguage is { } tl && request.TranslationText is { } tt ? new RequestTextDto(tl, tt, CooperationRequest.TranslationProvidedBy.Wire()) : null,
            RequestWire.ContentsFromJson(request.ContentsJson),
            RequestWire.ToDto(snapshot.Conditions),
            [.. status.Clocks.Select(c => new RequestClockDto(RequestWire.DeadlineWire(c.Deadline.Kind), c.Deadline.Due.ToDateTimeOffset(), c.Deadline.Basis.ToString(), c.IsDue, c.Remaining.ToTimeSpan()))],
            [.. events.Select(e => ToDto(e, register))],
            [.. alerts.Select(ToDto)],
            snapshot.PreservedUntil is Instant until && snapshot.PreservationSetAt is Instant set
                ? new PreservationDto(FirstPreservedAt(history) ?? set.ToDateTimeOffset(), until.ToDateTimeOffset(), snapshot.ExtensionPending, snapshot.FollowUpReferences)
                : null,
            snapshot.Refusal is { } refusal ? new RefusalDto(refusal.Ground.Wire(), refusal.Ground.Basis().ToString(), refusal.Reasons) : null,
            snapshot.OpenQuestion,
            actions,
            waitingFor);
        return RequestResults.Ok(detail);
    }

    public Task<RequestKindsResponse> KindsAsync(CancellationToken cancellationToken)
    {
        var settings = Clocks;
        var kinds = RequestKindProfiles.All.Select(p => new RequestKindInfo(
            p.Kind.Wire(),
            RequestWire.Title(p.Kind),
            p.Basis.ToString(),
            DesignationRoles.Wire(p.Channel),
            [.. p.RequiredContents.Select(r => new ContentRequirementInfo(r.Item.FieldPath(), r.Item.Wire(), RequestDraftValidator.Describe(r.Item), r.Basis.ToString()))],
            [.. p.RefusalGrounds.Select(g => new NamedValueInfo(g.Wire(), g.Basis().ToString()))],
            new KindClocksInfo(settings.For(p.Kind).AcknowledgeWithin.ToTimeSpan(), settings.For(p.Kind).StaleAfter.ToTimeSpan()),
            [.. p.Transitions.Transitions.Select(t => new TransitionInfo(t.From.Wire(), t.On.Wire(), t.To.Wire(), t.On.Owner().Wire(), RequestWire.Route(t.On)))])).ToList();
        var bases = Enum.GetValues<LegalBasisKind>().Select(k => new NamedValueInfo(k.Wire(), RequestDraftValidator.CooperationBasis.ToString())).ToList();
        var conditions = new ConditionValuesInfo(
            [.. Enum.GetValues<Confidentiality>().Select(c => c.Wire())],
            [.. Enum.GetValues<UseLimitation>().Select(c => c.Wire())],
            [.. Enum.GetValues<OnwardTransfer>().Select(c => c.Wire())],
            ConditionsMayNeverBeLowered.Basis.ToString());
        return Task.FromResult(new RequestKindsResponse(
            kinds,
            bases,
            conditions,
            ConventionNumbers.MinimumPreservationDays.Value,
            ConventionNumbers.MinimumPreservationDays.Basis.ToString(),
            [.. settings.PreservationRemindersBeforeExpiry.Select(d => d.ToTimeSpan())]));
    }

    public async Task<RequestValidationResult> ValidateAsync(RequestDraftInput draft, CancellationToken cancellationToken) =>
        (await checker.CheckAsync(draft, cancellationToken)).Result;

    public async Task<RequestAlertsResponse> AlertsAsync(string? audience, int? limit, CancellationToken cancellationToken)
    {
        var query = db.RequestAlerts().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(audience))
        {
            query = query.Where(a => a.Audience == audience);
        }

        var take = Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);
        var rows = await query.OrderByDescending(a => a.RaisedAt).ThenBy(a => a.Id).Take(take).ToListAsync(cancellationToken);
        return new RequestAlertsResponse([.. rows.Select(ToDto)]);
    }

    public async Task<HandoverNotesResponse> HandoverNotesAsync(int? limit, CancellationToken cancellationToken)
    {
        var take = Math.Clamp(limit ?? 50, 1, MaxLimit);
        var rows = await db.HandoverNotes().AsNoTracking().OrderByDescending(n => n.WrittenAt).ThenByDescending(n => n.Id).Take(take).ToListAsync(cancellationToken);
        return new HandoverNotesResponse([.. rows.Select(ToDto)]);
    }

    public static HandoverNoteDto ToDto(HandoverNoteRecord note) => new(
        note.Id,
        note.Author,
        note.WrittenAt,
        note.Text,
        [.. note.RequestIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.Parse(s))]);

    public static RequestAlertDto ToDto(RequestAlertRecord alert) =>
        new(alert.Id, alert.RequestId, alert.Kind, alert.Clock, alert.Audience, alert.Due, alert.RaisedAt, alert.Message, alert.Article);

    /// <summary>The urgency of a request for this node's side at <paramref name="now"/>.</summary>
    public RequestSummary Summary(RequestRecord request, RequestHistory history, IEnumerable<RequestAlertRecord> alerts, DateTimeOffset now)
    {
        var side = RequestLedger.SideOf(request);
        var kind = RequestLedger.KindOf(request);
        var status = history.StatusAt(Instant.FromDateTimeOffset(now), Clocks);
        var clocks = status.Clocks.Where(c => RequestClocks.Concerns(side, c.Deadline.Kind)).ToList();
        var soon = Clocks.For(kind).AcknowledgeWithin;
        var urgency = history.State.IsFinal() ? "final"
            : clocks.Any(c => c.IsDue && c.Deadline.Kind != DeadlineKind.PreservationReminder) ? "overdue"
            : clocks.Any(c => c.IsDue
                || (c.Deadline.Kind == DeadlineKind.Acknowledgement && c.Remaining <= soon)
                || (c.Deadline.Kind == DeadlineKind.PreservationExpiry && c.Remaining <= Duration.FromDays(3))) ? "dueSoon"
            : "open";
        var next = clocks.Where(c => !c.IsDue).OrderBy(c => c.Deadline.Due).FirstOrDefault() ?? clocks.OrderBy(c => c.Deadline.Due).FirstOrDefault();
        var awaitingUs = !history.State.IsFinal() && kind.Profile().Transitions.AllowedIn(history.State, side).Any(t => RequestWire.Route(t) is not null && t != RequestEventType.Withdrawn);
        return new RequestSummary(
            request.Id,
            side == Side.Requested ? "incoming" : "outgoing",
            request.Kind,
            kind.Basis().ToString(),
            request.RequestingState,
            request.RequestedState,
            request.State,
            urgency,
            next?.Deadline.Due.ToDateTimeOffset(),
            next is null ? null : RequestWire.DeadlineWire(next.Deadline.Kind),
            request.SubmittedAt,
            request.LastMovedAt,
            request.Reference,
            request.OfficerOnDuty,
            awaitingUs,
            alerts.Count(a => a.RaisedAt >= request.LastMovedAt));
    }

    private static int UrgencyRank(string urgency) => urgency switch
    {
        "overdue" => 0,
        "dueSoon" => 1,
        "open" => 2,
        _ => 3,
    };

    private static DateTimeOffset? FirstPreservedAt(RequestHistory history) =>
        history.Events.OfType<DataPreserved>().Select(p => (DateTimeOffset?)p.At.ToDateTimeOffset()).FirstOrDefault();

    private static RequestEventDto ToDto(RequestEventRecord e, RegisterV1? register)
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

        return new RequestEventDto(e.Index, e.Type, e.By, e.Node, e.Actor, e.At, fields, Verify(e, register));
    }

    /// <summary>Checks the stored envelope JWS against the signer's key in the Register this node holds now.</summary>
    public static RequestSignatureDto Verify(RequestEventRecord e, RegisterV1? register)
    {
        string? problem = null;
        if (register is null)
        {
            problem = "This node holds no Register to check the signature against.";
        }
        else if (RegisterLookups.NodeFor(register, e.Node) is not { } node)
        {
            problem = $"The Register (serial {register.Serial}) lists no node for {e.Node}.";
        }
        else if (node.Keys.FirstOrDefault(k => string.Equals(k.Kid, e.Kid, StringComparison.Ordinal) && string.Equals(k.Use, "sig", StringComparison.Ordinal)) is not { } key)
        {
            problem = $"The Register (serial {register.Serial}) lists no signing key {e.Kid} for {e.Node}.";
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
