using Comity.Node.Federation.Envelopes;
using Comity.Node.Federation.Keys;
using Comity.Node.Federation.Register;
using Comity.Node.Federation.Transparency;
using Comity.Node.Storage;

namespace Comity.Node.Federation;

/// <summary>Node keys, Register publication (Secretariat) and Register sync (State nodes).</summary>
internal static class FederationRegistration
{
    public static IServiceCollection AddFederation(this IServiceCollection services)
    {
        services.AddOptions<KeyOptions>().BindConfiguration(KeyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FederationOptions>().BindConfiguration(FederationOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<FederationOptions>, FederationOptionsValidator>();

        services.AddSingleton<SigningKeyCache>();
        services.AddScoped<NodeKeyStore>();
        services.AddScoped<INodeKeys>(sp => sp.GetRequiredService<NodeKeyStore>());
        services.AddScoped<IStartupSeeder, NodeKeySeeder>();

        services.AddSingleton<NodeEndpoint>();
        services.AddSingleton<RegisterCache>();
        services.AddScoped<IRegisterPublisher, RegisterPublisher>();
        services.AddScoped<CurrentRegister>();
        services.AddScoped<ICurrentRegister>(sp => sp.GetRequiredService<CurrentRegister>());
        services.AddScoped<RegisterStatusReader>();
        services.AddScoped<IStartupSeeder, RegisterPublicationSeeder>();
        services.AddSingleton<RegisterPublicationWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<RegisterPublicationWorker>());

        services.AddHttpClient(RegisterSync.HttpClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(30);
            client.DefaultRequestHeaders.UserAgent.ParseAdd("Comity-Node/1");
        });
        services.AddSingleton<RegisterSync>();
        services.AddHostedService<RegisterSyncWorker>();

        services.AddTransparencyLog();
        services.AddEnvelopes();
        return services;
    }

    public static void MapFederation(this WebApplication app, RouteGroupBuilder api)
    {
        api.MapNodeKeys();
        api.MapRegisterApi();
        app.MapRegisterFederation();
        app.MapTransparencyLog(api);
        app.MapEnvelopes(api);
    }
}
