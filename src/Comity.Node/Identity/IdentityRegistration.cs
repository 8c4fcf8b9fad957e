using Comity.Node.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Comity.Node.Kernel;

namespace Comity.Node.Identity;

internal static class IdentityRegistration
{
    /// <summary>Chooses the token handler for bearer requests and the Identity cookie otherwise.</summary>
    public const string DefaultScheme = "Comity";

    /// <summary>Claim set on users who still have to enrol a second factor.</summary>
    public const string MfaClaim = "comity:mfa";

    /// <summary>Value of <see cref="MfaClaim"/> for users with a second factor.</summary>
    public const string MfaEnrolled = "enrolled";

    /// <summary>Value of <see cref="MfaClaim"/> for users without one.</summary>
    public const string MfaMissing = "missing";

    /// <summary>Claim set (to <c>true</c>) on users who must choose a new password before anything else.</summary>
    public const string MustChangePasswordClaim = "comity:must-change-password";

    public static IServiceCollection AddComityIdentity(this IServiceCollection services)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = DefaultScheme;
                o.DefaultChallengeScheme = DefaultScheme;
            })
            .AddPolicyScheme(DefaultScheme, "Cookie or personal access token", o =>
                o.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? PersonalAccessTokenAuthentication.SchemeName
                        : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, PersonalAccessTokenAuthentication>(PersonalAccessTokenAuthentication.SchemeName, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = ".Comity.Session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });

        services.AddIdentityCore<ComityUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<Microsoft.AspNetCore.Identity.IdentityRole>()
            .AddEntityFrameworkStores<ComityDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<ComityClaimsPrincipalFactory>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<TimeProviderAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.SecretariatOfficer, p => p.RequireRole(Roles.SecretariatOfficer))
            .AddPolicy(Policies.NodeAdmin, p => p.RequireRole(Roles.NodeAdmin))
            .AddPolicy(Policies.Operations, p => p.RequireRole(Roles.NodeAdmin, Roles.Auditor));

        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, PerNodeCookies>();
        services.AddSingleton<IPostConfigureOptions<AntiforgeryOptions>, PerNodeCookies>();
        services.AddScoped<PersonalAccessTokenService>();
        services.AddSingleton<PersonalAccessTokenClaims>();
        services.AddScoped<IStartupSeeder, RoleSeeder>();
        services.AddScoped<IStartupSeeder, FirstRunAdministrator>();
        services.TryAddSingleton<IFirstRunNotice, ConsoleFirstRunNotice>();
        return services;
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/metrics"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
