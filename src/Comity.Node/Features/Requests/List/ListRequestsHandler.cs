using Comity.Domain.Cooperation;
using Comity.Domain.Legal;
using Comity.Node.Features.Requests.Clocks;
using Comity.Node.Features.Requests.Delivery;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Federation.Register;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Comity.Node.Features.Requests.List;

/// <summary>
/// The incoming and outgoing requests this node holds, most urgent first: urgency and the next due clock are computed
/// from each request's history at the injected clock's now, for the clocks this node's side watches, and for the clock the
/// other side has let pass (its acknowledgement), with that side's 24/7 contact from the Register this node holds.
/// </summary>
internal sealed class ListRequestsHandler(ComityDbContext db, IOutboxDeliveries deliveries, ICurrentRegister register, TimeProvider time, IOptions<RequestOptions> options)
{
    private CooperationClockSettings Clocks => options.Value.Clocks;

    public async Task<Result<RequestListResponse>> HandleAsync(RequestListFilter? filter, CancellationToken cancellationToken)
    {
        filter ??= new RequestListFilter();
        var problems = new List<ProblemError>();
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

        if (filter.Limit is < 1 or > RequestLimits.MaxRows)
        {
            Invalid("limit", $"limit is from 1 to {RequestLimits.MaxRows}.");
        }

        if (problems.Count > 0)
        {
            return Error.Invalid(problems);
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

        if (filter.VisibleKinds is { } visible)
        {
            query = query.Where(r => visible.Contains(r.Kind));
        }

        if (filter.Open is bool open)
        {
            query = query.Where(r => r.IsOpen == open);
        }

        // Open requests first, earliest due first: the ones that can be urgent. Urgency itself is computed from the history.
        var limit = filter.Limit ?? RequestLimits.DefaultRows;
        var rows = await Columns(query.OrderByDescending(r => r.IsOpen).ThenBy(r => r.NextDueAt == null).ThenBy(r => r.NextDueAt).ThenByDescending(r => r.LastMovedAt)
            .Take(RequestLimits.MaxRows * 2)).ToListAsync(cancellationToken);

        // Requests whose events the other node refused come first whatever their clocks: fetch those the window missed.
        var troubled = RequestDeliveries.ByRequest(await deliveries.TroubledAsync(RequestDeliveries.TroubledLimit, cancellationToken));
        var missing = troubled.Keys.Except(rows.Select(r => r.Id)).ToList();
        if (missing.Count > 0)
        {
            rows.AddRange(await Columns(query.Where(r => missing.Contains(r.Id))).ToListAsync(cancellationToken));
        }

        var ids = rows.Select(r => r.Id).ToList();
        var events = (await db.RequestEvents().AsNoTracking().Where(e => ids.Contains(e.RequestId))
            .Select(e => new RequestEventRecord
            {
                Id = e.Id, RequestId = e.RequestId, Index = e.Index, Type = e.Type, By = e.By, Node = e.Node, Actor = e.Actor, At = e.At,
                FieldsJson = e.FieldsJson, EnvelopeId = e.EnvelopeId, Jws = "", Kid = e.Kid, StoredAt = e.StoredAt,
            })
            .ToListAsync(cancellationToken)).ToLookup(e => e.RequestId);
        var alerts = (await db.RequestAlerts().AsNoTracking().Where(a => ids.Contains(a.RequestId)).ToListAsync(cancellationToken)).ToLookup(a => a.RequestId);
        var now = time.GetUtcNow();
        var held = (await register.GetAsync(cancellationToken))?.Register;
        var summaries = rows
            .Select(r => Summary(r, RequestLedger.Replay(r, events[r.Id]), alerts[r.Id], now, troubled.TryGetValue(r.Id, out var t) ? t : null, held))
            .OrderBy(s => RequestDeliveries.Rank(s.Delivery))
            .ThenBy(s => UrgencyRank(s.Urgency))
            .ThenBy(s => s.NextDueAt ?? DateTimeOffset.MaxValue)
            .ThenByDescending(s => s.LastMovedAt)
            .Take(limit)
            .ToList();
        return new RequestListResponse(summaries);

        string? Invalid(string field, string message)
        {
            problems.Add(RequestWire.Problem(field, "validation", message, Convention.Art(41)));
            return null;
        }
    }

    /// <summary>
    /// The columns a summary and the replay of its history read: never the request's texts and contents (up to
    /// <see cref="RequestLimits.LongText"/> each), which the window of <see cref="RequestLimits.MaxRows"/> × 2 rows would
    /// otherwise read on every list. The events likewise come without their signed envelopes (<c>Jws</c>): the page of a
    /// request verifies those, the list does not show them.
    /// </summary>
    private static IQueryable<RequestRecord> Columns(IQueryable<RequestRecord> query) => query.Select(r => new RequestRecord
    {
        Id = r.Id, Kind = r.Kind, Side = r.Side, RequestingState = r.RequestingState, RequestedState = r.RequestedState, PeerState = r.PeerState,
        RequestingOffice = r.RequestingOffice, RequestedOffice = r.RequestedOffice, RequestedDesignationId = r.RequestedDesignationId,
        OfficerOnDuty = r.OfficerOnDuty, RequestedTimeZone = r.RequestedTimeZone, RegisterSerial = r.RegisterSerial, Reference = r.Reference,
        LegalBasisKind = r.LegalBasisKind, LegalBasisReference = r.LegalBasisReference, ConventionInForce = r.ConventionInForce,
        OriginalLanguage = r.OriginalLanguage, OriginalText = "", TranslationLanguage = r.TranslationLanguage, TranslationText = null,
        ContentsJson = "{}", ConditionsJson = r.ConditionsJson, Deadline = r.Deadline, State = r.State, IsOpen = r.IsOpen,
        EventCount = r.EventCount, SubmittedAt = r.SubmittedAt, LastMovedAt = r.LastMovedAt, NextDueAt = r.NextDueAt,
        NextDueKind = r.NextDueKind, CreatedAt = r.CreatedAt,
    });

    private RequestSummary Summary(RequestRecord request, RequestHistory history, IEnumerable<RequestAlertRecord> alerts, DateTimeOffset now, (string Status, string? Code)? delivery, Protocol.V1.RegisterV1? held)
    {
        var side = RequestLedger.SideOf(request);
        var kind = RequestLedger.KindOf(request);
        var status = history.StatusAt(Instant.FromDateTimeOffset(now), Clocks);
        var clocks = status.Clocks.Where(c => RequestClocks.Concerns(side, c.Deadline.Kind)).ToList();
        var soon = Clocks.For(kind).AcknowledgeWithin;

        // The other side's passed clock, unless it has not received what started it (the other node refused the envelope).
        var theirs = delivery?.Status == RequestDeliveries.Undeliverable ? null : OtherSide.Overdue(side, status, history.State);
        var urgency = history.State.IsFinal() ? "final"
            : theirs is not null ? "overdue"
            : clocks.Any(c => c.IsDue && c.Deadline.Kind != DeadlineKind.PreservationReminder) ? "overdue"
            : clocks.Any(c => c.IsDue
                || (c.Deadline.Kind == DeadlineKind.Acknowledgement && c.Remaining <= soon)
                || (c.Deadline.Kind == DeadlineKind.PreservationExpiry && c.Remaining <= Duration.FromDays(3))) ? "dueSoon"
            : "open";
        var next = clocks.Where(c => !c.IsDue).OrderBy(c => c.Deadline.Due).FirstOrDefault() ?? clocks.OrderBy(c => c.Deadline.Due).FirstOrDefault();
        var awaitingUs = RequestClocks.AwaitsUs(kind, history.Current, side);
        return new RequestSummary(
            request.Id,
            RequestLedger.Box(side),
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
            alerts.Count(a => a.RaisedAt >= request.LastMovedAt),
            delivery?.Status,
            delivery?.Code,
            OtherSide.Describe(theirs, held, request, kind, now),
            clocks.FirstOrDefault(c => c.Deadline.Kind == DeadlineKind.PreservationExpiry)?.Deadline.Due.ToDateTimeOffset());
    }

    private static int UrgencyRank(string urgency) => urgency switch
    {
        "overdue" => 0,
        "dueSoon" => 1,
        "open" => 2,
        _ => 3,
    };
}
