using Comity.Node.Kernel;
using Comity.Node.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comity.Node.Federation.Register;

/// <summary>
/// The Register this node routes by: on the Secretariat the latest one it published, on a State
/// node the last one that verified. Freshness is computed now: past <c>nextUpdate</c> plus
/// <c>Comity:Federation:StaleGrace</c> it is stale.
/// </summary>
internal sealed class CurrentRegister(
    ComityDbContext db,
    RegisterCache cache,
    IOptions<NodeOptions> node,
    IOptions<FederationOptions> federation,
    TimeProvider time) : ICurrentRegister
{
    public async Task<RegisterSnapshot?> GetAsync(CancellationToken cancellationToken)
    {
        if (node.Value.Role == NodeRole.Secretariat)
        {
            var latest = await LatestPublicationAsync(db, cancellationToken);
            return latest is null ? null : new RegisterSnapshot(
                cache.Parse(latest.Serial, latest.Jws), latest.Jws, latest.IssuedAt, FreshnessOf(latest.NextUpdate), null, null);
        }

        var held = await db.HeldRegister().AsNoTracking().SingleOrDefaultAsync(h => h.Id == HeldRegister.SingletonId, cancellationToken);
        return held?.Serial is not { } serial ? null : new RegisterSnapshot(
            cache.Parse(serial, held.Jws!), held.Jws!, held.VerifiedAt!.Value, FreshnessOf(held.NextUpdate!.Value), held.LastRefusal, held.LastRefusalAt);
    }

    public RegisterFreshness FreshnessOf(DateTimeOffset nextUpdate) =>
        time.GetUtcNow() > nextUpdate + federation.Value.StaleGrace ? RegisterFreshness.Stale : RegisterFreshness.Current;

    public static async Task<RegisterPublication?> LatestPublicationAsync(ComityDbContext db, CancellationToken cancellationToken) =>
        await db.RegisterPublications().AsNoTracking().OrderByDescending(p => p.Serial).FirstOrDefaultAsync(cancellationToken);
}
