using Comity.Node.Kernel;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Comity.Node.Ui.Account;

internal static class AccountUiEndpoints
{
    /// <summary>Sign-out is a POST with an antiforgery token, so no link or image on another site can sign a user out.</summary>
    public static void MapAccountUi(this WebApplication app)
    {
        app.MapPost("/account/sign-out", async (SignInManager<ComityUser> signIns) =>
        {
            await signIns.SignOutAsync();
            return Results.Redirect("/account/sign-in");
        })
        .WithMetadata(new RequireAntiforgeryTokenAttribute())
        .ExcludeFromDescription()
        .AllowAnonymous();
    }
}
