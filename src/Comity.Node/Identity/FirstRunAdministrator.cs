using System.Security.Cryptography;
using Comity.Node.Kernel;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comity.Node.Identity;

/// <summary>
/// On a node with no users, creates the node administrator <c>admin</c> with a one-time password
/// that is printed once to the console (never to the logs) and must be changed at first sign-in.
/// </summary>
internal sealed class FirstRunAdministrator(
    UserManager<ComityUser> users,
    IOptions<NodeOptions> node,
    IFirstRunNotice notice) : Storage.IStartupSeeder
{
    public const string UserName = "admin";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (node.Value.Demo || await users.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var password = OneTimePassword();
        var admin = new ComityUser { UserName = UserName, DisplayName = "Node administrator", MustChangePassword = true };
        Check(await users.CreateAsync(admin, password));
        Check(await users.AddToRoleAsync(admin, Roles.NodeAdmin));
        if (node.Value.Role == NodeRole.Secretariat)
        {
            Check(await users.AddToRoleAsync(admin, Roles.SecretariatOfficer));
        }

        notice.Show(UserName, password);
    }

    /// <summary>20 characters from an unambiguous alphabet, grouped for reading aloud.</summary>
    internal static string OneTimePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var chars = RandomNumberGenerator.GetItems<char>(alphabet, 20);
        return $"{new string(chars, 0, 5)}-{new string(chars, 5, 5)}-{new string(chars, 10, 5)}-{new string(chars, 15, 5)}";
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not create the first administrator: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}

/// <summary>Shows the first-run administrator's one-time password to the operator.</summary>
public interface IFirstRunNotice
{
    void Show(string userName, string oneTimePassword);
}

/// <summary>Writes the notice to standard error, outside the logging pipeline so it never reaches log storage.</summary>
internal sealed class ConsoleFirstRunNotice : IFirstRunNotice
{
    public void Show(string userName, string oneTimePassword)
    {
        Console.Error.WriteLine();
        Console.Error.WriteLine("  First run: created the node administrator.");
        Console.Error.WriteLine($"    user name:          {userName}");
        Console.Error.WriteLine($"    one-time password:  {oneTimePassword}");
        Console.Error.WriteLine("  Sign in, choose a new password and enrol a second factor. This password is not shown again.");
        Console.Error.WriteLine();
    }
}
