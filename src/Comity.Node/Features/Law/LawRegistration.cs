using Comity.Node.Features.Law.Articles;
using Comity.Node.Ui.Shell;

namespace Comity.Node.Features.Law;

/// <summary>The Convention's articles as the node knows them (UX principle 3: the law is one click away): the pages and their link.</summary>
internal static class LawRegistration
{
    public static IServiceCollection AddLaw(this IServiceCollection services)
    {
        services.AddScoped<ListArticlesHandler>();
        services.AddScoped<GetArticleHandler>();
        services.AddNavigationLink(new NavigationLink("/law", typeof(LawText), "NavLaw", 25));
        return services;
    }
}
