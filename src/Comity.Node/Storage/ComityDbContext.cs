using Comity.Node.Features.Treaty;
using Comity.Node.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Comity.Node.Storage;

/// <summary>The node's database: identity, offices, tokens and every feature's records.</summary>
public sealed class ComityDbContext(DbContextOptions<ComityDbContext> options)
    : IdentityDbContext<ComityUser, IdentityRole, string>(options)
{
    public DbSet<Office> Offices => Set<Office>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    public DbSet<InstrumentRecord> Instruments => Set<InstrumentRecord>();

    public DbSet<DeclarationRecord> Declarations => Set<DeclarationRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Areas keep their entity mappings beside their code as IEntityTypeConfiguration<T> classes.
        builder.ApplyConfigurationsFromAssembly(typeof(ComityDbContext).Assembly);

        builder.Entity<Office>(e =>
        {
            e.HasIndex(o => o.Code).IsUnique();
            e.Property(o => o.Code).HasMaxLength(64);
            e.Property(o => o.Name).HasMaxLength(256);
        });

        builder.Entity<ComityUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(256);
            e.Property(u => u.PreferredCulture).HasMaxLength(16);
            e.HasOne(u => u.Office).WithMany().HasForeignKey(u => u.OfficeId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<PersonalAccessToken>(e =>
        {
            e.HasIndex(t => t.SecretHash).IsUnique();
            e.Property(t => t.SecretHash).HasMaxLength(64);
            e.Property(t => t.Prefix).HasMaxLength(16);
            e.Property(t => t.Name).HasMaxLength(128);
            e.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<InstrumentRecord>(e =>
        {
            e.ToTable("TreatyInstruments");
            e.Property(i => i.Participant).HasMaxLength(2);
            e.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(i => i.DepositaryNotification).HasMaxLength(128);
            e.Property(i => i.Source).HasMaxLength(256);
            e.Property(i => i.RecordedBy).HasMaxLength(256);
            e.HasIndex(i => new { i.Participant, i.Kind, i.Date });
        });

        builder.Entity<DeclarationRecord>(e =>
        {
            e.ToTable("TreatyDeclarations");
            e.Property(d => d.Participant).HasMaxLength(2);
            e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.Subject).HasConversion<string>().HasMaxLength(32);
            e.Property(d => d.Article).HasMaxLength(32);
            e.Property(d => d.Text).HasMaxLength(8000);
            e.Property(d => d.Source).HasMaxLength(256);
            e.Property(d => d.RecordedBy).HasMaxLength(256);
            e.HasIndex(d => d.Participant);
        });

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
