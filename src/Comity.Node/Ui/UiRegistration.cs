using Comity.Node.Hosting;
using Comity.Node.Kernel;
using Comity.Node.Ui.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace Comity.Node.Ui;

internal static class UiRegistration
{
    public static void MapComityUi(this WebApplication app)
    {
        app.MapRazorComponents<App>().AllowAnonymous();
        app.MapAccountUi();

        // Unknown addresses are 404s for everyone, not a sign-in prompt.
        app.MapFallback(() => Api.Problems.NotFound("http.not-found", "There is nothing at this address.")).AllowAnonymous();

        // The language switcher (a plain HTML form, so form fields; the query string works too) posts
        // here; the choice is kept in a cookie.
        app.MapPost("/culture", async (HttpContext context) =>
        {
            var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
            string culture = form?["culture"].FirstOrDefault() ?? context.Request.Query["culture"].FirstOrDefault() ?? "";
            string? returnUrl = form?["returnUrl"].FirstOrDefault() ?? context.Request.Query["returnUrl"].FirstOrDefault();
            var supported = ComityNodeHost.SupportedCultures.FirstOrDefault(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase));
            if (supported is null)
            {
                return Api.Problems.Validation([new Api.ProblemError("culture", "ui.unsupported-culture", "Choose one of: " + string.Join(", ", ComityNodeHost.SupportedCultures.Select(c => c.Name)) + ".")]);
            }

            // A signed-in user's choice is also kept with the account, so it follows them to another browser.
            if (context.User.Identity?.IsAuthenticated == true)
            {
                var users = context.RequestServices.GetRequiredService<UserManager<ComityUser>>();
                if (await users.GetUserAsync(context.User) is { } user && user.PreferredCulture != supported.Name)
                {
                    user.PreferredCulture = supported.Name;
                    await users.UpdateAsync(user);
                }
            }

            context.Response.Cookies.Append(
                ComityNodeHost.CultureCookie,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(supported)),
                new CookieOptions { Expires = DateTimeOffset.UnixEpoch.AddYears(100), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(Account.LocalUrls.OrHome(returnUrl));
        }).AllowAnonymous().DisableAntiforgery();
    }
}
