using Comity.Node.Federation.Envelopes;
using Microsoft.Extensions.Options;
using Comity.Node.Features.Requests.Pages;
using Comity.Node.Ui.Shell;

namespace Comity.Node.Features.Requests;

/// <summary>The 24/7 requests (Arts. 41–43): services, envelope types, the clocks worker and the API.</summary>
internal static class RequestsRegistration
{
    public static IServiceCollection AddRequests(this IServiceCollection services)
    {
        services.AddOptions<RequestOptions>().BindConfiguration(RequestOptions.Section).ValidateOnStart();
        services.AddSingleton<RequestOptionsSetup>();
        services.AddSingleton<IPostConfigureOptions<RequestOptions>>(sp => sp.GetRequiredService<RequestOptionsSetup>());
        services.AddSingleton<IValidateOptions<RequestOptions>>(sp => sp.GetRequiredService<RequestOptionsSetup>());
        services.AddSingleton<RequestChangeFeed>();
        services.AddSingleton<IRequestChangeFeed>(sp => sp.GetRequiredService<RequestChangeFeed>());
        services.AddScoped<RequestDraftChecker>();
        services.AddScoped<IRequestQueries, RequestQueries>();
        services.AddScoped<IRequestCommands, RequestCommands>();
        services.AddScoped<RequestClockSweep>();
        services.AddEnvelopeHandler<RequestSubmittedEnvelope>();
        services.AddEnvelopeHandler<RequestEventEnvelope>();
        services.AddHostedService<RequestClockWorker>();
        services.AddNavigationLink(new NavigationLink("/requests", typeof(RequestsText), "NavRequests", 10) { Roles = RequestRoles.Read });
        services.AddDashboardCard<UrgentInboxCard>(10);
        return services;
    }
}
