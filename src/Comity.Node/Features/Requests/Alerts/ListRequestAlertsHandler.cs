using Comity.Node.Storage;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Features.Requests.Alerts;

/// <summary>The reminders and escalations the clocks worker raised (<c>Clocks/</c>), newest first.</summary>
internal sealed class ListRequestAlertsHandler(ComityDbContext db)
{
    /// <param name="audience">Only the alerts for this role (<c>duty-officer</c>, <c>supervisor</c>); every alert when null.</param>
    /// <param name="limit">At most this many (default 100, at most 500).</param>
    /// <param name="visibleKinds">Only alerts on requests of these kinds (the viewer's channels); every kind when null.</param>
    public async Task<RequestAlertsResponse> HandleAsync(string? audience, int? limit, CancellationToken cancellationToken, IReadOnlyList<string>? visibleKinds = null)
    {
        var query = db.RequestAlerts().AsNoTracking();
        if (visibleKinds is not null)
        {
            query = query.Where(a => db.Requests().Any(r => r.Id == a.RequestId && visibleKinds.Contains(r.Kind)));
        }

        if (!string.IsNullOrWhiteSpace(audience))
        {
            query = query.Where(a => a.Audience == audience);
        }

        var take = Math.Clamp(limit ?? RequestLimits.DefaultRows, 1, RequestLimits.MaxRows);
        var rows = await query.OrderByDescending(a => a.RaisedAt).ThenBy(a => a.Id).Take(take).ToListAsync(cancellationToken);
        return new RequestAlertsResponse([.. rows.Select(RequestAlertDto.From)]);
    }
}
