using Comity.Domain.Treaty;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Microsoft.Extensions.Options;

namespace Comity.Node.Federation.Register;

/// <summary>The Register: publication on the Secretariat, sync and verification on State nodes, and the public endpoints.</summary>
internal static class RegisterRegistration
{
    public static IServiceCollection AddRegister(this IServiceCollection services)
    {
        services.AddOptions<FederationOptions>().BindConfiguration(FederationOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FederationOptions>, FederationOptionsValidator>();

        services.AddSingleton<NodeEndpoint>();
        services.AddSingleton<RegisterCache>();
        services.AddScoped<IRegisterPublisher, RegisterPublisher>();
        services.AddScoped<CurrentRegister>();
        services.AddScoped<ICurrentRegister>(sp => sp.GetRequiredService<CurrentRegister>());
        services.AddScoped<IStartupSeeder, RegisterPublicationSeeder>();
        services.AddDomainEventSubscriber<InstrumentsRecorded, MarkRegisterDueOnInstrumentsRecorded>();
        services.AddDomainEventSubscriber<InstrumentsRecorded, PublishOnInstrumentsRecorded>();
        services.AddSingleton<RegisterPublicationWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<RegisterPublicationWorker>());

        services.AddHttpClient(RegisterSync.HttpClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(30);
            client.DefaultRequestHeaders.UserAgent.ParseAdd("Comity-Node/1");
        });
        services.AddSingleton<RegisterSync>();
        services.AddHostedService<RegisterSyncWorker>();
        return services;
    }
}
