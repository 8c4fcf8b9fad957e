using Comity.Domain.Treaty;
using Comity.Node.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comity.Node.Features.Treaty;

/// <summary>A treaty instrument as recorded by the Secretariat (Arts. 64, 67).</summary>
public sealed class InstrumentRecord
{
    public Guid Id { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code, or <c>EU</c>.</summary>
    public required string Participant { get; set; }

    public InstrumentKind Kind { get; set; }

    /// <summary>Date of signature, deposit or (for denunciation) receipt by the Secretary-General.</summary>
    public DateOnly Date { get; set; }

    /// <summary>Depositary notification reference, e.g. <c>C.N.196.2025.TREATIES-XVIII.16</c>.</summary>
    public string? DepositaryNotification { get; set; }

    /// <summary>Where the record comes from: a seed file (with its date) or the user who recorded it.</summary>
    public required string Source { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public string? RecordedBy { get; set; }
}

/// <summary>A declaration, reservation or notification made by a participant.</summary>
public sealed class DeclarationRecord
{
    public Guid Id { get; set; }

    public required string Participant { get; set; }

    public DeclarationKind Kind { get; set; }

    public NotificationSubject? Subject { get; set; }

    /// <summary>The article it is made under, as printed: <c>Art. 40(13)</c>.</summary>
    public required string Article { get; set; }

    public DateOnly Date { get; set; }

    public required string Text { get; set; }

    public required string Source { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public string? RecordedBy { get; set; }
}

/// <summary>The treaty registry's tables: instruments and declarations.</summary>
internal sealed class TreatyConfiguration : IEntityTypeConfiguration<InstrumentRecord>, IEntityTypeConfiguration<DeclarationRecord>
{
    public void Configure(EntityTypeBuilder<InstrumentRecord> builder)
    {
        builder.ToTable("TreatyInstruments");
        builder.Property(i => i.Participant).HasMaxLength(2);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.DepositaryNotification).HasMaxLength(128);
        builder.Property(i => i.Source).HasMaxLength(256);
        builder.Property(i => i.RecordedBy).HasMaxLength(256);
        builder.HasIndex(i => new { i.Participant, i.Kind, i.Date });
    }

    public void Configure(EntityTypeBuilder<DeclarationRecord> builder)
    {
        builder.ToTable("TreatyDeclarations");
        builder.Property(d => d.Participant).HasMaxLength(2);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Subject).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.Article).HasMaxLength(32);
        builder.Property(d => d.Text).HasMaxLength(8000);
        builder.Property(d => d.Source).HasMaxLength(256);
        builder.Property(d => d.RecordedBy).HasMaxLength(256);
        builder.HasIndex(d => d.Participant);
    }
}

/// <summary>The treaty registry's tables in the node's database.</summary>
internal static class TreatyDbSets
{
    public static DbSet<InstrumentRecord> Instruments(this ComityDbContext db) => db.Set<InstrumentRecord>();

    public static DbSet<DeclarationRecord> Declarations(this ComityDbContext db) => db.Set<DeclarationRecord>();
}
