using Comity.Node.Features.Directory.Demo;
using Comity.Node.Features.Directory.Manage;
using Comity.Node.Features.Directory.Notifications;
using Comity.Node.Features.Directory.Search;
using Comity.Node.Federation.Register;
using Comity.Node.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Comity.Node.Ui.Localization;
using Comity.Node.Ui.Shell;

namespace Comity.Node.Features.Directory;

/// <summary>The directory (Arts. 37, 40(13)–(14), 41, 53): own entries, notifications to the Secretariat, review, search.</summary>
internal static class DirectoryRegistration
{
    public static IServiceCollection AddDirectory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectoryOptions>().Bind(configuration.GetSection(DirectoryOptions.Section)).ValidateOnStart();
        services.AddHttpClient(SubmitDirectoryHandler.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddScoped<ManageDirectoryHandler>();

        services.AddScoped<SubmitDirectoryHandler>();
        services.AddScoped<ReceiveNotificationHandler>();
        services.AddScoped<ReviewNotificationsHandler>();
        services.AddScoped<SearchDirectoryHandler>();

        // The fictional entries of a demo State node (does nothing unless Comity:Demo is on).
        services.AddScoped<IStartupSeeder, DemoDirectorySeeder>();
        services.AddSingleton<NotificationOutcomeWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationOutcomeWorker>());

        // TryAdd: a test may put its own directory source in first.
        services.TryAddScoped<IRegisterDirectorySource, ApprovedDirectorySource>();
        services.AddNavigationLink(new NavigationLink("/directory", typeof(UiText), "NavDirectory", 30));
        services.AddDashboardCard<RosterGapsCard>(20);
        services.AddDashboardCard<Notifications.PendingNotificationsCard>(25);
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
