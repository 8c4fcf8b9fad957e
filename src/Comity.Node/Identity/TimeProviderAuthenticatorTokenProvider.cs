using System.Globalization;
using Microsoft.AspNetCore.Identity;
using OtpNet;
using Comity.Node.Kernel;

namespace Comity.Node.Identity;

/// <summary>
/// TOTP codes from an authenticator app (RFC 6238: SHA-1, 6 digits, 30-second steps, one step of
/// drift either way), checked against the injected <see cref="TimeProvider"/>. Identity's own
/// provider reads the wall clock, which breaks the rule that nothing in src/ does and makes tests
/// depend on real time. A code is accepted once: the last used time step is stored with the user.
/// </summary>
internal sealed class TimeProviderAuthenticatorTokenProvider(TimeProvider time) : IUserTwoFactorTokenProvider<ComityUser>
{
    private const string StoreProvider = "[ComityAuthenticator]";
    private const string LastTimeStepName = "LastTimeStep";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ComityUser> manager, ComityUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    // Codes come from the user's app, never from the server.
    public Task<string> GenerateAsync(string purpose, UserManager<ComityUser> manager, ComityUser user) =>
        Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ComityUser> manager, ComityUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = Normalize(token);
        if (string.IsNullOrEmpty(key) || code.Length != 6)
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(time.GetUtcNow().UtcDateTime, code, out var step, new VerificationWindow(previous: 1, future: 1)))
        {
            return false;
        }

        var last = await manager.GetAuthenticationTokenAsync(user, StoreProvider, LastTimeStepName);
        if (last is not null && long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var lastStep) && step <= lastStep)
        {
            return false;
        }

        await manager.SetAuthenticationTokenAsync(user, StoreProvider, LastTimeStepName, step.ToString(CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>Apps show codes as "123 456"; people type them with spaces or dashes.</summary>
    internal static string Normalize(string code) =>
        new([.. code.Where(c => c is not (' ' or '-'))]);
}
