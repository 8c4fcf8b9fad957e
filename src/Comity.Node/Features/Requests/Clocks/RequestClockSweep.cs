using Comity.Node.Kernel;
using Comity.Node.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Comity.Node.Features.Requests.Clocks;

/// <summary>
/// Raises the reminders and escalations of due clocks: sweeps the open requests whose next due instant
/// has come (<c>due &lt;= now</c>, injected clock), raises one alert per (request, clock, due) for the
/// clocks this node's side watches, and moves the request's next due instant on. A withdrawn or
/// closed request is not open, so its clocks have stopped.
/// </summary>
internal sealed class RequestClockSweep(
    ComityDbContext db,
    IAuditTrail audit,
    IIdGenerator ids,
    TimeProvider time,
    RequestChangeFeed feed,
    IOptions<RequestOptions> options)
{
    public const int Batch = 200;

    /// <summary>Sweeps once; returns the alerts raised.</summary>
    public async Task<IReadOnlyList<RequestAlertRecord>> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await db.Requests().Where(r => r.IsOpen && r.NextDueAt != null && r.NextDueAt <= now)
            .OrderBy(r => r.NextDueAt).Take(Batch).ToListAsync(cancellationToken);
        var raised = new List<RequestAlertRecord>();
        foreach (var request in due)
        {
            var events = await RequestLedger.EventsAsync(db, request.Id, cancellationToken);
            var history = RequestLedger.Replay(request, events);
            var side = RequestLedger.SideOf(request);
            var status = history.StatusAt(Instant.FromDateTimeOffset(now), options.Value.Clocks);
            var existing = await db.RequestAlerts().Where(a => a.RequestId == request.Id).Select(a => new { a.Clock, a.Due }).ToListAsync(cancellationToken);
            foreach (var clock in status.Clocks.Where(c => c.IsDue && RequestClocks.Concerns(side, c.Deadline.Kind)))
            {
                var wire = RequestWire.DeadlineWire(clock.Deadline.Kind);
                var at = clock.Deadline.Due.ToDateTimeOffset();
                if (existing.Any(e => e.Clock == wire && e.Due == at))
                {
                    continue;
                }

                var (kind, audience, message) = RequestClockAlerts.Alert(side, history.Kind, clock.Deadline, request.PeerState);
                var alert = new RequestAlertRecord
                {
                    Id = ids.NewId(),
                    RequestId = request.Id,
                    Kind = kind,
                    Clock = wire,
                    Audience = audience,
                    Due = at,
                    RaisedAt = now,
                    Message = message,
                    Article = clock.Deadline.Basis.ToString(),
                };
                db.RequestAlerts().Add(alert);
                audit.Record(new AuditRecord(Audit.Node, "request.alert-raised", "request", request.Id.ToString("D")));
                raised.Add(alert);
            }

            var next = status.Deadlines.Where(d => d.Due.ToDateTimeOffset() > now && RequestClocks.Concerns(side, d.Kind)).OrderBy(d => d.Due).FirstOrDefault();
            request.NextDueAt = next?.Due.ToDateTimeOffset();
            request.NextDueKind = next is null ? null : RequestWire.DeadlineWire(next.Kind);
        }

        if (due.Count > 0)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // An event changed a request meanwhile (its row moved on) or another replica raised the same alert: the next sweep sees the new state.
                db.ChangeTracker.Clear();
                return [];
            }

            foreach (var alert in raised)
            {
                var request = due.First(r => r.Id == alert.RequestId);
                feed.Publish(new RequestChange(alert.RequestId, "alert", RequestLedger.Box(RequestLedger.SideOf(request)), request.State, now, request.Kind));
            }
        }

        return raised;
    }
}
