using Comity.Node.Federation.Register;
using Comity.Node.Storage;
using Comity.Protocol.V1;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Features.Directory.Notifications;

/// <summary>
/// On the Secretariat: the directory the Register publishes — every State's latest approved
/// notification (node, designations, service providers). The Secretariat's own node (State
/// <c>UN</c>) is added by the publisher from its own keys and endpoint.
/// </summary>
internal sealed class ApprovedDirectorySource(ComityDbContext db) : IRegisterDirectorySource
{
    public async Task<RegisterDirectoryContent> GetAsync(CancellationToken cancellationToken)
    {
        var published = await db.Set<PublishedStateDirectory>().AsNoTracking().ToListAsync(cancellationToken);
        var states = published.Select(p => ReviewNotificationsHandler.Content(p.Payload)).OrderBy(c => c.State, StringComparer.Ordinal).ToList();
        return new RegisterDirectoryContent(
            [.. states.Select(s => new RegisterNodeV1(s.State, s.Node.Name, s.Node.Endpoint, s.Node.Keys))],
            [.. states.SelectMany(s => s.Designations)],
            [.. states.SelectMany(s => s.ServiceProviders)],
            [.. states.SelectMany(s => s.Offences ?? [])]);
    }
}
