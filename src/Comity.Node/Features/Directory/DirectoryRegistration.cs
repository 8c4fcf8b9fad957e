using Comity.Node.Features.Directory.Manage;
using Comity.Node.Features.Directory.Notifications;
using Comity.Node.Features.Directory.Search;
using Comity.Node.Federation.Register;

namespace Comity.Node.Features.Directory;

/// <summary>The directory (Arts. 37, 40(13)–(14), 41, 53): own entries, notifications to the Secretariat, review, search.</summary>
internal static class DirectoryRegistration
{
    public static IServiceCollection AddDirectory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectoryOptions>().Bind(configuration.GetSection(DirectoryOptions.Section)).ValidateOnStart();
        services.AddHttpClient(SubmitDirectoryHandler.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddScoped<ManageDirectoryHandler>();

        // These depend on the federation seams (INodeKeys, ICurrentRegister, IRegisterPublisher) that the
        // Register area implements. Factory registrations are resolved when first used rather than checked by
        // ValidateOnBuild, so a node whose Register area is not wired (a unit-test host) still starts.
        // TODO(#3): plain AddScoped<T>() once the Register area is merged and registers the seams everywhere.
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<SubmitDirectoryHandler>(sp));
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<ReceiveNotificationHandler>(sp));
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<ReviewNotificationsHandler>(sp));
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<SearchDirectoryHandler>(sp));
        services.AddScoped<IRegisterDirectorySource>(sp => ActivatorUtilities.CreateInstance<ApprovedDirectorySource>(sp));
        return services;
    }

    public static void MapDirectory(this RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        var group = api.MapGroup("/directory").WithTags("Directory");
        group.MapSearchDirectory();
        group.MapManageDirectory();
        group.MapSubmitDirectory();
        group.MapReviewNotifications();
        app.MapDirectoryFederation();
    }
}
