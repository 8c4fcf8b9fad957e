using Comity.Node.Storage;

namespace Comity.Node.Federation.Keys;

/// <summary>The node's own keys: the store, its cache of unprotected signing keys, and the first keys at start.</summary>
internal static class KeyRegistration
{
    public static IServiceCollection AddNodeKeys(this IServiceCollection services)
    {
        services.AddOptions<KeyOptions>().BindConfiguration(KeyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SigningKeyCache>();
        services.AddScoped<NodeKeyStore>();
        services.AddScoped<INodeKeys>(sp => sp.GetRequiredService<NodeKeyStore>());
        services.AddScoped<IStartupSeeder, NodeKeySeeder>();
        return services;
    }
}
