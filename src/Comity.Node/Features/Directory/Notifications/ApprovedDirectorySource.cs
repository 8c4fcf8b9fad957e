using Comity.Node.Federation.Keys;
using Comity.Node.Federation.Register;
using Comity.Node.Hosting;
using Comity.Node.Storage;
using Comity.Protocol.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comity.Node.Features.Directory.Notifications;

/// <summary>
/// On the Secretariat: the directory the Register publishes — the Secretariat's own node (State
/// <c>UN</c>, always present, with its current public keys) and every State's latest approved
/// notification (node, designations, service providers).
/// </summary>
internal sealed class ApprovedDirectorySource(ComityDbContext db, INodeKeys keys, IOptions<NodeOptions> node, IOptions<DirectoryOptions> options) : IRegisterDirectorySource
{
    public const string SecretariatState = "UN";

    public async Task<RegisterDirectoryContent> GetAsync(CancellationToken cancellationToken)
    {
        var published = await db.Set<PublishedStateDirectory>().AsNoTracking().ToListAsync(cancellationToken);
        var states = published.Select(p => ReviewNotificationsHandler.Content(p.Payload)).OrderBy(c => c.State, StringComparer.Ordinal).ToList();
        var secretariat = new RegisterNodeV1(
            SecretariatState,
            node.Value.EffectiveDisplayName,
            options.Value.PublicUrl ?? throw new InvalidOperationException("Comity:Federation:PublicUrl must be set on the Secretariat: the Register lists its endpoint."),
            await keys.PublicKeysAsync(cancellationToken));
        return new RegisterDirectoryContent(
            [secretariat, .. states.Select(s => new RegisterNodeV1(s.State, s.Node.Name, s.Node.Endpoint, s.Node.Keys))],
            [.. states.SelectMany(s => s.Designations)],
            [.. states.SelectMany(s => s.ServiceProviders)]);
    }
}
