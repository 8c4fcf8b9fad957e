using System.Security.Claims;
using Comity.Node.Api;
using Microsoft.AspNetCore.Identity;

namespace Comity.Node.Identity;

/// <summary>
/// Every user who is not a demo user needs a second factor (DESIGN.md section 8). A session of a
/// user who still has to change the one-time password or enrol an authenticator reaches only the
/// account pages that do that: UI requests are sent there, API requests get a 403 problem.
/// Personal access tokens are not affected: they can only be created with a second factor.
/// </summary>
internal sealed class SecondFactorRequirement(RequestDelegate next)
{
    public const string ChangePasswordPath = "/account/change-password";
    public const string EnrolPath = "/account/mfa/enroll";

    private static readonly PathString[] Exempt =
    [
        "/account/sign-in", "/account/sign-out", "/account/denied", ChangePasswordPath, EnrolPath,
        "/culture", "/health", "/_framework", "/_content",
    ];

    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity is not { IsAuthenticated: true, AuthenticationType: var scheme }
            || scheme != IdentityConstants.ApplicationScheme
            || IsExempt(context.Request.Path))
        {
            return next(context);
        }

        if (MustChangePassword(user))
        {
            return Refuse(context, ChangePasswordPath, "account.password-change-required", "Choose a new password before using this node.");
        }

        if (!HasSecondFactorOrIsDemo(user))
        {
            return Refuse(context, EnrolPath, "account.mfa-required", "Enrol a second factor (an authenticator app) before using this node.");
        }

        return next(context);
    }

    public static bool MustChangePassword(ClaimsPrincipal user) =>
        user.HasClaim(IdentityRegistration.MustChangePasswordClaim, "true");

    /// <summary>True for users with an enrolled second factor and for demo users.</summary>
    public static bool HasSecondFactorOrIsDemo(ClaimsPrincipal user) =>
        user.HasClaim(IdentityRegistration.MfaClaim, IdentityRegistration.MfaEnrolled)
        || user.HasClaim(ComityClaimsPrincipalFactory.DemoClaim, "true");

    private static bool IsExempt(PathString path) =>
        Path.HasExtension(path.Value) || Exempt.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    private static Task Refuse(HttpContext context, string page, string code, string detail)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Simple(StatusCodes.Status403Forbidden, code, "Forbidden.", detail).ExecuteAsync(context);
        }

        context.Response.Redirect(page);
        return Task.CompletedTask;
    }
}
