using Comity.Node.Kernel;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Comity.Node.Identity;

/// <summary>
/// Browsers share cookies between ports of one host, so several nodes on one machine (the demo,
/// the tests) would overwrite each other's sessions. Every cookie name carries the node's key.
/// </summary>
internal sealed class PerNodeCookies(IOptions<NodeOptions> node) :
    IPostConfigureOptions<CookieAuthenticationOptions>,
    IPostConfigureOptions<AntiforgeryOptions>
{
    private string Suffix => "." + (node.Value.Role == NodeRole.Secretariat ? "UN" : node.Value.StateCode);

    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        options.Cookie.Name = (options.Cookie.Name ?? ".Comity." + name) + Suffix;
    }

    public void PostConfigure(string? name, AntiforgeryOptions options)
    {
        options.Cookie.Name = ".Comity.Antiforgery" + Suffix;
    }
}
