using Comity.Node.Kernel;
using Comity.Node.Identity;
using Comity.Node.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comity.Node.Features.Demo;

/// <summary>
/// On a demo node, makes sure every demo user of <see cref="DemoAccounts"/> exists with its office,
/// roles and password, and holds a working personal access token. Idempotent: a second start with the
/// same accounts changes nothing. Runs after <see cref="RoleSeeder"/> (seeders run in registration order).
/// </summary>
internal sealed class DemoSeeder(
    DemoAccounts accounts,
    UserManager<ComityUser> users,
    ComityDbContext db,
    PersonalAccessTokenService tokens,
    IIdGenerator ids,
    TimeProvider time,
    IOptions<NodeOptions> node) : IStartupSeeder
{
    public const string TokenName = "comity demo";

    /// <summary>Demo tokens live long enough for a workshop season; an expired one is simply reissued.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromDays(180);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!node.Value.Demo)
        {
            // Demo users sign in without a second factor: they must never appear on a real node.
            throw new InvalidOperationException("Demo accounts were given to a node that is not in demo mode (Comity:Demo is false).");
        }

        foreach (var account in accounts.Accounts)
        {
            var user = await EnsureUserAsync(account, cancellationToken);
            await EnsureTokenAsync(account, user, cancellationToken);
        }
    }

    private async Task<ComityUser> EnsureUserAsync(DemoAccount account, CancellationToken cancellationToken)
    {
        var officeId = account.User.Office is { } office ? await EnsureOfficeAsync(office, cancellationToken) : (Guid?)null;
        var user = await users.FindByNameAsync(account.User.UserName);
        if (user is null)
        {
            user = new ComityUser
            {
                UserName = account.User.UserName,
                DisplayName = account.User.DisplayName,
                OfficeId = officeId,
                IsDemo = true,
            };
            Check(await users.CreateAsync(user, account.Password));
        }
        else if (!await users.CheckPasswordAsync(user, account.Password))
        {
            // The credentials file was replaced while the database was kept: the file is the truth.
            Check(await users.RemovePasswordAsync(user));
            Check(await users.AddPasswordAsync(user, account.Password));
        }

        foreach (var role in account.User.Roles)
        {
            if (!await users.IsInRoleAsync(user, role))
            {
                Check(await users.AddToRoleAsync(user, role));
            }
        }

        return user;
    }

    private async Task<Guid> EnsureOfficeAsync(DemoOffice office, CancellationToken cancellationToken)
    {
        var existing = await db.Offices().SingleOrDefaultAsync(o => o.Code == office.Code, cancellationToken);
        if (existing is not null)
        {
            return existing.Id;
        }

        var created = new Office { Id = ids.NewId(), Code = office.Code, Name = office.Name };
        db.Offices().Add(created);
        await db.SaveChangesAsync(cancellationToken);
        return created.Id;
    }

    private async Task EnsureTokenAsync(DemoAccount account, ComityUser user, CancellationToken cancellationToken)
    {
        if (account.Token is { } known && PersonalAccessTokens.LooksLikeToken(known))
        {
            var hash = PersonalAccessTokens.Hash(known);
            var record = await db.AccessTokens().SingleOrDefaultAsync(t => t.SecretHash == hash, cancellationToken);
            if (record is not null && record.UserId == user.Id && record.RevokedAt is null
                && (record.ExpiresAt is not { } expires || expires > time.GetUtcNow()))
            {
                return;
            }
        }

        var (_, secret) = await tokens.IssueAsync(user.Id, TokenName, TokenLifetime, cancellationToken);
        account.Token = secret;
        account.TokenIssued = true;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not seed a demo user: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}

internal static class DemoRegistration
{
    /// <summary>
    /// Registers the demo seeder when the host was given <see cref="DemoAccounts"/>, which only
    /// <c>comity demo</c> does, for nodes it starts with <c>Comity:Demo=true</c> (the seeder checks).
    /// </summary>
    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(DemoAccounts)))
        {
            services.AddScoped<IStartupSeeder, DemoSeeder>();
        }

        return services;
    }
}
