using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Comity.Node.Kernel;

namespace Comity.Node.Identity;

/// <summary>Adds the display name, office, preferred language and MFA state to the signed-in principal.</summary>
internal sealed class ComityClaimsPrincipalFactory(
    UserManager<ComityUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options,
    IOptions<Kernel.NodeOptions> node)
    : UserClaimsPrincipalFactory<ComityUser, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "comity:name";
    public const string OfficeClaim = "comity:office";
    public const string DemoClaim = "comity:demo";
    public const string CultureClaim = "comity:culture";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ComityUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName.Length > 0 ? user.DisplayName : user.UserName ?? ""));
        if (user.OfficeId is { } office)
        {
            identity.AddClaim(new Claim(OfficeClaim, office.ToString()));
        }

        // A demo account on a node that holds real data gets no demo privileges (no MFA exemption).
        if (user.IsDemo && node.Value.Demo)
        {
            identity.AddClaim(new Claim(DemoClaim, "true"));
        }

        if (user.PreferredCulture is { Length: > 0 } culture)
        {
            identity.AddClaim(new Claim(CultureClaim, culture));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(IdentityRegistration.MustChangePasswordClaim, "true"));
        }

        // Enrolled means a second factor that can actually be checked: two-factor switched on without an
        // authenticator key would let Identity sign the user in with the password alone.
        var enrolled = user.TwoFactorEnabled && !string.IsNullOrEmpty(await UserManager.GetAuthenticatorKeyAsync(user));
        identity.AddClaim(new Claim(IdentityRegistration.MfaClaim, enrolled ? IdentityRegistration.MfaEnrolled : IdentityRegistration.MfaMissing));
        return identity;
    }
}
