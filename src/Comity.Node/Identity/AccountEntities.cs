using Comity.Node.Kernel;
using Comity.Node.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comity.Node.Identity;

/// <summary>The accounts' tables beside ASP.NET Core Identity's: users' extra columns, offices and personal access tokens.</summary>
internal sealed class AccountConfiguration :
    IEntityTypeConfiguration<Office>,
    IEntityTypeConfiguration<ComityUser>,
    IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<Office> builder)
    {
        builder.ToTable("Offices");
        builder.HasIndex(o => o.Code).IsUnique();
        builder.Property(o => o.Code).HasMaxLength(64);
        builder.Property(o => o.Name).HasMaxLength(256);
    }

    public void Configure(EntityTypeBuilder<ComityUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(256);
        builder.Property(u => u.PreferredCulture).HasMaxLength(16);
        builder.HasOne(u => u.Office).WithMany().HasForeignKey(u => u.OfficeId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<PersonalAccessToken> builder)
    {
        builder.ToTable("PersonalAccessTokens");
        builder.HasIndex(t => t.SecretHash).IsUnique();
        builder.Property(t => t.SecretHash).HasMaxLength(64);
        builder.Property(t => t.Prefix).HasMaxLength(16);
        builder.Property(t => t.Name).HasMaxLength(128);
        builder.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The accounts' tables in the node's database.</summary>
internal static class AccountDbSets
{
    public static DbSet<Office> Offices(this ComityDbContext db) => db.Set<Office>();

    public static DbSet<PersonalAccessToken> AccessTokens(this ComityDbContext db) => db.Set<PersonalAccessToken>();
}
