using Comity.Node.Features.Account;
using Comity.Node.Features.Demo;
using Comity.Node.Features.Directory;
using Comity.Node.Features.Requests;
using Comity.Node.Features.Treaty;
using Comity.Node.Federation;

namespace Comity.Node.Features;

/// <summary>Each area registers its services and maps its endpoints from its own folder.</summary>
internal static class FeatureRegistration
{
    public static IServiceCollection AddComityFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAccount();
        services.AddTreaty();
        services.AddFederation();
        services.AddDemo();
        services.AddDirectory(configuration);
        services.AddRequests();
        return services;
    }

    public static void MapComityFeatures(this WebApplication app, RouteGroupBuilder api)
    {
        api.MapAccount();
        api.MapTreaty();
        app.MapFederation(api);
        api.MapDirectory(app);
        api.MapRequests();
    }
}
