using Comity.Node.Features.Account;
using Comity.Node.Features.Demo;
using Comity.Node.Features.Directory;
using Comity.Node.Features.Drafts;
using Comity.Node.Features.Federation;
using Comity.Node.Features.Keys;
using Comity.Node.Features.Law;
using Comity.Node.Features.Register;
using Comity.Node.Features.Requests;
using Comity.Node.Features.Transparency;
using Comity.Node.Features.Treaty;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Federation.Keys;
using Comity.Node.Federation.Register;
using Comity.Node.Federation.Transparency;

namespace Comity.Node.Hosting;

/// <summary>
/// The composition root of the areas: the federation transport first (keys, Register, log, envelopes), then the
/// features, each registering its services and mapping its endpoints and pages from its own folder.
/// </summary>
internal static class AreaRegistration
{
    public static IServiceCollection AddComityAreas(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddNodeKeys();
        services.AddRegister();
        services.AddTransparencyLog();
        services.AddEnvelopes();

        services.AddAccount();
        services.AddTreaty();
        services.AddLaw();
        services.AddFederationFeature();
        services.AddRegisterFeature();
        services.AddKeysFeature();
        services.AddTransparencyFeature();
        services.AddDemo();
        services.AddDirectory(configuration);
        services.AddRequests();
        services.AddDrafts();
        return services;
    }

    public static void MapComityAreas(this WebApplication app, RouteGroupBuilder api)
    {
        app.MapRegisterFederation();
        app.MapTransparencyLog();
        app.MapEnvelopes();

        app.MapRequestPages();
        api.MapAccount();
        api.MapTreaty();
        api.MapNodeKeys();
        api.MapRegister();
        api.MapLog();
        api.MapFederationFeature();
        api.MapDirectory(app);
        api.MapRequests();
        api.MapDrafts();
    }
}
