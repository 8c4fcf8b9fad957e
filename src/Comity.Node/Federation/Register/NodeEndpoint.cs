using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Comity.Node.Federation.Register;

/// <summary>The URL other nodes reach this node at: <c>Comity:Federation:PublicUrl</c>, else the address it listens on.</summary>
internal sealed class NodeEndpoint(IOptions<FederationOptions> federation, IServer server, IConfiguration configuration)
{
    public Uri Current()
    {
        if (federation.Value.PublicUrl is { Length: > 0 } configured)
        {
            return new Uri(configured);
        }

        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(a => Uri.TryCreate(a.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var u) ? u : null)
            .FirstOrDefault(u => u is not null && u.Port != 0);
        if (listening is not null)
        {
            return listening;
        }

        return Uri.TryCreate(configuration["Comity:Url"]?.Split(';')[0], UriKind.Absolute, out var url) && url.Port != 0
            ? url
            : new Uri("http://localhost/");
    }
}
