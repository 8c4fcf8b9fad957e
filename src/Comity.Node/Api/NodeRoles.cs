using Comity.Node.Kernel;
using Microsoft.Extensions.Options;

namespace Comity.Node.Api;

/// <summary>
/// Which endpoints a Secretariat or a State node offers is decided where they are mapped: an endpoint offered on one
/// role answers on the other with the helpful problem document given here, and its handler never asks which node it
/// runs on. The endpoint stays in the OpenAPI document of both, so a client sees one API.
/// </summary>
public static class NodeRoles
{
    /// <summary>Offered on nodes of <paramref name="role"/>; elsewhere answered with <paramref name="elsewhere"/>.</summary>
    public static TBuilder OfferedOn<TBuilder>(this TBuilder builder, NodeRole role, Func<IResult> elsewhere)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(elsewhere);
        builder.AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<IOptions<NodeOptions>>().Value.Role == role
                ? await next(context)
                : elsewhere());
        return builder;
    }
}
