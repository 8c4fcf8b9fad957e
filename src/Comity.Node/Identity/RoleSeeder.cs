using Microsoft.AspNetCore.Identity;

namespace Comity.Node.Identity;

/// <summary>Makes sure every role of <see cref="Roles"/> exists.</summary>
internal sealed class RoleSeeder(RoleManager<IdentityRole> roles) : Storage.IStartupSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new IdentityRole(role));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create role {role}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }
            }
        }
    }
}
