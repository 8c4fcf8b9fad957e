using Comity.Node.Kernel;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Comity.Node.Storage;

/// <summary>
/// The node's database. It maps no area's tables itself: every area configures its own entities beside its
/// code (<see cref="IEntityTypeConfiguration{TEntity}"/>), and the context discovers them in this assembly.
/// </summary>
public sealed class ComityDbContext(DbContextOptions<ComityDbContext> options)
    : IdentityDbContext<ComityUser, IdentityRole, string>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.ApplyConfigurationsFromAssembly(typeof(ComityDbContext).Assembly);

        if (Database.IsSqlite())
        {
            // SQLite has no native instant type: store UTC ticks so that instants order and compare correctly.
            foreach (var entity in builder.Model.GetEntityTypes())
            {
                foreach (var property in entity.GetProperties())
                {
                    if (property.ClrType == typeof(DateTimeOffset))
                    {
                        property.SetValueConverter(new DateTimeOffsetToBinaryConverter());
                    }
                    else if (property.ClrType == typeof(DateTimeOffset?))
                    {
                        property.SetValueConverter(new DateTimeOffsetToBinaryConverter());
                    }
                }
            }
        }
    }
}
