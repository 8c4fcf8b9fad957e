using Comity.Node.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comity.Node.Features.Drafts;

/// <summary>A form's unsent input, kept for the user who typed it until it is sent or discarded.</summary>
public sealed class DraftRecord
{
    public Guid Id { get; set; }

    /// <summary>The owner's account id: only they read it.</summary>
    public required string UserId { get; set; }

    public required string Key { get; set; }

    public required string Title { get; set; }

    public required string Href { get; set; }

    /// <summary>The fields as a JSON object of names to values.</summary>
    public required string FieldsJson { get; set; }

    public DateTimeOffset SavedAt { get; set; }
}

internal sealed class DraftRecordConfiguration : IEntityTypeConfiguration<DraftRecord>
{
    public void Configure(EntityTypeBuilder<DraftRecord> builder)
    {
        builder.ToTable("drafts");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.UserId).HasMaxLength(450);
        builder.Property(d => d.Key).HasMaxLength(Contracts.DraftLimits.Key);
        builder.Property(d => d.Title).HasMaxLength(Contracts.DraftLimits.Title);
        builder.Property(d => d.Href).HasMaxLength(Contracts.DraftLimits.Href);
        builder.HasIndex(d => new { d.UserId, d.Key }).IsUnique();
        builder.HasIndex(d => new { d.UserId, d.SavedAt });
    }
}

internal static class DraftDbSets
{
    public static DbSet<DraftRecord> Drafts(this ComityDbContext db) => db.Set<DraftRecord>();
}
