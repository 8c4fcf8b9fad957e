using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Comity.Node.Federation.Transparency;

/// <summary>The node's transparency log: audit trail, checkpoints, proofs and witnessing.</summary>
internal static class TransparencyRegistration
{
    public static IServiceCollection AddTransparencyLog(this IServiceCollection services)
    {
        // Placeholders while the log's storage is being built: nothing is recorded, no checkpoint exists.
        services.TryAddScoped<IAuditTrail, NoAuditTrail>();
        services.TryAddSingleton<ICheckpointSource, NoCheckpoints>();
        return services;
    }

    public static void MapTransparencyLog(this WebApplication app, RouteGroupBuilder api)
    {
        _ = app;
        _ = api;
    }

    private sealed class NoAuditTrail : IAuditTrail
    {
        public void Record(AuditRecord record) => ArgumentNullException.ThrowIfNull(record);
    }

    private sealed class NoCheckpoints : ICheckpointSource
    {
        public Task<string?> LatestAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
    }
}
