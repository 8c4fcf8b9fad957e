using Comity.Node.Features.Drafts.Contracts;
using Comity.Node.Ui.Shell;

namespace Comity.Node.Features.Drafts;

/// <summary>Drafts of the node's forms, kept per user until sent: the store, its API and the dashboard card.</summary>
internal static class DraftsRegistration
{
    public static IServiceCollection AddDrafts(this IServiceCollection services)
    {
        services.AddScoped<IUserDrafts, UserDrafts>();
        services.AddDashboardCard<DraftsCard>(5);
        return services;
    }
}
