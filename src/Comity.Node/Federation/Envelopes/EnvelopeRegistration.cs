using Microsoft.Extensions.Options;
using Comity.Node.Storage;

namespace Comity.Node.Federation.Envelopes;

/// <summary>Envelopes between nodes: the receiving endpoint and inbox, the outbox and its delivery worker.</summary>
internal static class EnvelopeRegistration
{
    public static IServiceCollection AddEnvelopes(this IServiceCollection services)
    {
        services.AddOptions<EnvelopeOptions>().BindConfiguration(EnvelopeOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EnvelopeOptions>, EnvelopeOptionsValidator>();
        services.AddSingleton<EnvelopeMetrics>();
        services.AddSingleton<FederationRegisterView>();
        services.AddSingleton<DeliverySignals>();
        services.AddSingleton<SqliteWriteGate>();
        services.AddSingleton<InboxWriter>();
        services.AddSingleton<PeerCircuits>();
        services.AddScoped<EnvelopeInbox>();
        services.AddScoped<IOutbox, Outbox>();
        services.AddScoped<IOutboxDeliveries, OutboxDeliveries>();
        services.AddHttpClient(DeliveryWorker.HttpClientName, client =>
            {
                // Each attempt has its own timeout (Polly, on the node's clock).
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Comity-Node/1");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AllowAutoRedirect = false,
                UseCookies = false,
            })

            // The default handlers log every delivery at Information (four lines per attempt); the
            // delivery worker records each attempt's outcome on the outbox row and logs failures itself.
            .RemoveAllLoggers();
        services.AddSingleton<DeliveryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryWorker>());
        return services;
    }

    public static void MapEnvelopes(this WebApplication app) => app.MapEnvelopeReceiver();
}
