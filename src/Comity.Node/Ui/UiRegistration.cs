using System.Globalization;
using Comity.Node.Identity;
using Comity.Node.Kernel;
using Comity.Node.Ui.Account;
using Comity.Node.Ui.Components;
using Comity.Node.Ui.Localization;
using Comity.Node.Ui.Shell;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace Comity.Node.Ui;

internal static class UiRegistration
{
    /// <summary>The cookie that holds the user's chosen UI language.</summary>
    public const string CultureCookie = ".Comity.Culture";

    internal static readonly CultureInfo[] SupportedCultures =
        [.. new[] { "en", "fr", "es", "ru", "ar", "zh-Hans" }.Select(CultureInfo.GetCultureInfo)];

    public static IServiceCollection AddComityUi(this IServiceCollection services)
    {
        services.AddLocalization();
        // Pages carry their text as UTF-8, not as character references: an Arabic or Russian page was two to three times
        // larger with every letter written &#x62D;. Markup characters (< > & ' ") are still escaped.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
            o.ApplyCurrentCultureToResponseHeaders = true;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider { CookieName = CultureCookie },
                new CustomRequestCultureProvider(context =>
                    Task.FromResult(context.User.FindFirst(ComityClaimsPrincipalFactory.CultureClaim)?.Value is { Length: > 0 } preferred
                        ? new ProviderCultureResult(preferred)
                        : null)),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        services.AddTransient(typeof(Scoped<>));

        services.AddNavigationLink(new NavigationLink("/", typeof(UiText), "NavDashboard", 0) { MatchExactly = true });
        services.AddNavigationLink(new NavigationLink("/account/tokens", typeof(UiText), "NavTokens", 90));
        services.AddNavigationLink(new NavigationLink("/api/reference", typeof(UiText), "NavApiReference", 100));
        return services;
    }

    /// <summary>
    /// Whether an address is read by people (a console page, the API reference) rather than programs (the API, health
    /// checks, metrics): people get the console's pages for errors, programs problem documents.
    /// </summary>
    public static bool IsPageAddress(PathString path) =>
        path.StartsWithSegments("/api/reference")
        || !(path.StartsWithSegments("/api") || path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics"));

    public static void MapComityUi(this WebApplication app)
    {
        app.MapRazorComponents<App>().AllowAnonymous();
        app.MapAccountUi();

        // Unknown addresses are 404s for everyone, not a sign-in prompt: a problem document under /api, and for a page
        // address a bare 404 that ComityNodeHost's status-code pages turn into the console's "not found" page.
        app.MapFallback((HttpContext context) => IsPageAddress(context.Request.Path)
                ? Results.StatusCode(StatusCodes.Status404NotFound)
                : Api.Problems.NotFound("http.not-found", "There is nothing at this address."))
            .AllowAnonymous();

        // The language switcher (a plain HTML form, so form fields; the query string works too) posts
        // here; the choice is kept in a cookie.
        app.MapPost("/culture", async (HttpContext context, UserManager<ComityUser> users) =>
        {
            var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
            string culture = form?["culture"].FirstOrDefault() ?? context.Request.Query["culture"].FirstOrDefault() ?? "";
            string? returnUrl = form?["returnUrl"].FirstOrDefault() ?? context.Request.Query["returnUrl"].FirstOrDefault();
            var supported = SupportedCultures.FirstOrDefault(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase));
            if (supported is null)
            {
                return Api.Problems.Validation([new ProblemError("culture", "ui.unsupported-culture", "Choose one of: " + string.Join(", ", SupportedCultures.Select(c => c.Name)) + ".")]);
            }

            // A signed-in user's choice is also kept with the account, so it follows them to another browser.
            if (context.User.Identity?.IsAuthenticated == true)
            {
                if (await users.GetUserAsync(context.User) is { } user && user.PreferredCulture != supported.Name)
                {
                    user.PreferredCulture = supported.Name;
                    await users.UpdateAsync(user);
                }
            }

            context.Response.Cookies.Append(
                CultureCookie,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(supported)),
                new CookieOptions { Expires = DateTimeOffset.UnixEpoch.AddYears(100), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(Account.LocalUrls.OrHome(returnUrl));
        }).AllowAnonymous().DisableAntiforgery();
    }
}
