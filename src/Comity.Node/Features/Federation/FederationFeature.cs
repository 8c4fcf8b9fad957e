using Comity.Node.Federation.Envelopes;
using Comity.Node.Features.Federation.Ping;
using Comity.Node.Features.Federation.Status;
using Comity.Node.Ui.Shell;

namespace Comity.Node.Features.Federation;

/// <summary>The federation as users see it: pings, outbox, inbox, peer health and alerts (API and the /federation page).</summary>
internal static class FederationFeature
{
    public static IServiceCollection AddFederationFeature(this IServiceCollection services)
    {
        services.AddEnvelopeHandler<PingEnvelope>();
        services.AddScoped<SendPingHandler>();
        services.AddScoped<FederationStatusReader>();
        services.AddNavigationLink(new NavigationLink("/federation", typeof(FederationText), "Title", 40) { Roles = FederationStatusEndpoints.ReadRoles });
        services.AddDashboardCard<FederationHealthCard>(40);
        return services;
    }

    public static void MapFederationFeature(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/federation").WithTags("Federation");
        group.MapSendPing();
        group.MapFederationStatus();
    }
}
