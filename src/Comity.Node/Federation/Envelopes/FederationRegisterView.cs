using Comity.Node.Federation.Register;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Comity.Protocol.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comity.Node.Federation.Envelopes;

/// <summary>
/// The Register as envelope delivery and reception need it, per envelope and fast: the node asks the
/// database only for the serial it holds (one small read) and keeps the parsed Register of that serial.
/// </summary>
internal sealed class FederationRegisterView(IOptions<NodeOptions> node)
{
    private volatile RegisterV1? cached;

    /// <summary>The State this node serves in the federation (<c>UN</c> on the Secretariat).</summary>
    public string OwnState => node.Value.Role == NodeRole.Secretariat ? "UN" : node.Value.StateCode!;

    /// <summary>The Register the node holds now, or null before it holds one.</summary>
    public async Task<RegisterV1?> GetAsync(ComityDbContext db, ICurrentRegister current, CancellationToken cancellationToken)
    {
        long? serial = node.Value.Role == NodeRole.Secretariat
            ? await db.RegisterPublications().MaxAsync(p => (long?)p.Serial, cancellationToken)
            : await db.HeldRegister().Where(h => h.Id == HeldRegister.SingletonId).Select(h => h.Serial).FirstOrDefaultAsync(cancellationToken);
        if (serial is null)
        {
            return null;
        }

        if (cached is { } known && known.Serial == serial)
        {
            return known;
        }

        var snapshot = await current.GetAsync(cancellationToken);
        if (snapshot is not null)
        {
            cached = snapshot.Register;
        }

        return snapshot?.Register;
    }

    /// <summary>The other nodes of the Register, by State, in State order.</summary>
    public IReadOnlyList<RegisterNodeV1> Peers(RegisterV1 register) =>
        [.. register.Nodes.Where(n => !string.Equals(n.State, OwnState, StringComparison.Ordinal)).OrderBy(n => n.State, StringComparer.Ordinal)];
}
