using Microsoft.AspNetCore.Components;

namespace Comity.Node.Ui.Components;

/// <summary>
/// The base of the node's pages and cards. They render on the server within a request (static SSR): <see cref="Aborted"/>
/// is that request's cancellation, so every read and write a page starts stops when the browser goes away.
/// </summary>
public abstract class ComityComponent : ComponentBase
{
    /// <summary>The request the component renders in.</summary>
    [CascadingParameter]
    protected HttpContext? RequestContext { get; set; }

    /// <summary>Cancelled when the request is aborted.</summary>
    protected CancellationToken Aborted =>
        RequestContext?.RequestAborted ?? throw new InvalidOperationException("Comity's pages render on the server, within a request.");
}
