using Microsoft.AspNetCore.Components;

namespace Comity.Node.Ui.Shell;

/// <summary>
/// A link in the main navigation. The area that maps a page contributes its link where it registers itself, so the
/// shell knows no feature: it lists what the areas of this node contribute, in <see cref="Order"/>.
/// </summary>
/// <param name="Href">The page's address.</param>
/// <param name="Text">The resource type whose localizer words the link (<c>typeof(RequestsText)</c>).</param>
/// <param name="Key">The key of the link's text in that resource.</param>
/// <param name="Order">Position in the menu, smallest first.</param>
public sealed record NavigationLink(string Href, Type Text, string Key, int Order)
{
    /// <summary>Shown only to users in one of these roles (comma-separated, as <c>[Authorize(Roles = …)]</c>); null for every signed-in user.</summary>
    public string? Roles { get; init; }

    /// <summary>Shown only to users who satisfy this authorization policy; null for every signed-in user.</summary>
    public string? Policy { get; init; }

    /// <summary>Active only on exactly <see cref="Href"/> (the dashboard), not on the pages below it.</summary>
    public bool MatchExactly { get; init; }

    /// <summary>Not a page of the node's UI (the API reference): a plain link, never marked active.</summary>
    public bool External { get; init; }
}

/// <summary>A card on the dashboard, contributed by its area; the component decides for itself whether it has anything to show.</summary>
public sealed record DashboardCard(Type Component, int Order);

/// <summary>An item in the status bar under the header of every page (the Register this node holds).</summary>
public sealed record StatusBarItem(Type Component, int Order);

/// <summary>How areas contribute to the shell.</summary>
public static class ShellRegistration
{
    public static IServiceCollection AddNavigationLink(this IServiceCollection services, NavigationLink link) =>
        services.AddSingleton(link);

    public static IServiceCollection AddDashboardCard<TComponent>(this IServiceCollection services, int order)
        where TComponent : IComponent =>
        services.AddSingleton(new DashboardCard(typeof(TComponent), order));

    public static IServiceCollection AddStatusBarItem<TComponent>(this IServiceCollection services, int order)
        where TComponent : IComponent =>
        services.AddSingleton(new StatusBarItem(typeof(TComponent), order));
}
