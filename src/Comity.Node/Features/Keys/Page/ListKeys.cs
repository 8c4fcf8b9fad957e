using Comity.Node.Federation.Envelopes;
using Comity.Node.Federation.Keys;
using Comity.Node.Federation.Register;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Comity.Protocol.V1;
using Microsoft.Extensions.Options;

namespace Comity.Node.Features.Keys.Page;

/// <summary>One of this node's keys on the keys page, and whether the Register this node holds lists it.</summary>
/// <param name="InRegister"><c>listed</c>, <c>missing</c>, <c>noRegister</c> (no Register held yet) or <c>notApplicable</c> (the Secretariat signs the Register, no entry lists its keys).</param>
public sealed record KeyRow(NodeKeyResponse Key, string InRegister);

/// <summary>The keys page: this node's keys (public parts), each with its standing in the held Register.</summary>
internal sealed class ListKeysHandler(ComityDbContext db, NodeKeyStore keys, ICurrentRegister current, FederationRegisterView view, IOptions<NodeOptions> node, TimeProvider time)
{
    public async Task<IReadOnlyList<KeyRow>> HandleAsync(CancellationToken cancellationToken)
    {
        var all = KeyEndpoints.From(await keys.AllAsync(cancellationToken), time.GetUtcNow());
        if (node.Value.Role == NodeRole.Secretariat)
        {
            return [.. all.Select(k => new KeyRow(k, "notApplicable"))];
        }

        var register = await view.GetAsync(db, current, cancellationToken);
        if (register is null)
        {
            return [.. all.Select(k => new KeyRow(k, "noRegister"))];
        }

        var listed = RegisterLookups.NodeFor(register, view.OwnState)?.Keys ?? [];
        return
        [
            .. all
                .OrderBy(k => k.Status == "current" ? 0 : k.Status == "overlap" ? 1 : 2)
                .ThenBy(k => k.Use, StringComparer.Ordinal)
                .Select(k => new KeyRow(k, listed.Any(l => string.Equals(l.Kid, k.Kid, StringComparison.Ordinal) && string.Equals(l.Use, k.Use, StringComparison.Ordinal)) ? "listed" : "missing")),
        ];
    }
}
