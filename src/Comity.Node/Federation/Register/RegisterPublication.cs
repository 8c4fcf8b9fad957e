using Comity.Node.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comity.Node.Federation.Register;

/// <summary>A Register the Secretariat signed and published. Immutable once stored.</summary>
public sealed class RegisterPublication
{
    /// <summary>Strictly increasing; the primary key, so two publications can never share one.</summary>
    public long Serial { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset NextUpdate { get; set; }

    /// <summary>The JWS in the JSON flattened serialization, exactly as served.</summary>
    public required string Jws { get; set; }

    /// <summary>Lower-case hex SHA-256 of the payload bytes.</summary>
    public required string PayloadSha256 { get; set; }
}

internal sealed class RegisterPublicationConfiguration : IEntityTypeConfiguration<RegisterPublication>
{
    public void Configure(EntityTypeBuilder<RegisterPublication> builder)
    {
        builder.ToTable("RegisterPublications");
        builder.HasKey(p => p.Serial);
        builder.Property(p => p.Serial).ValueGeneratedNever();
        builder.Property(p => p.PayloadSha256).HasMaxLength(64);
    }
}

/// <summary>
/// On the Secretariat: a change the next Register must carry (an instrument recorded, a directory
/// notification approved), written in the same transaction as the change. The publisher deletes the
/// marks it covered in the transaction that stores the new Register, and the publication worker
/// publishes while any is left, so a change is never left out of the Register because publishing
/// failed after it was stored.
/// </summary>
public sealed class RegisterPublicationDue
{
    public const int MaxReasonLength = 100;

    public Guid Id { get; set; }

    /// <summary>What changed: <c>treaty.instrument-recorded</c>, <c>directory.notification-approved</c>.</summary>
    public required string Reason { get; set; }

    public DateTimeOffset MarkedAt { get; set; }

    /// <summary>Adds a mark to <paramref name="db"/>'s unit of work: saved with the change it belongs to.</summary>
    public static void Mark(ComityDbContext db, Guid id, string reason, DateTimeOffset now) =>
        db.Set<RegisterPublicationDue>().Add(new RegisterPublicationDue { Id = id, Reason = reason, MarkedAt = now });
}

internal sealed class RegisterPublicationDueConfiguration : IEntityTypeConfiguration<RegisterPublicationDue>
{
    public void Configure(EntityTypeBuilder<RegisterPublicationDue> builder)
    {
        builder.ToTable("RegisterPublicationsDue");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Reason).HasMaxLength(RegisterPublicationDue.MaxReasonLength);
    }
}

/// <summary>
/// On a State node: the last Register that verified, and what happened on the latest attempts to
/// refresh it. One row (<see cref="SingletonId"/>).
/// </summary>
public sealed class HeldRegister
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>Serial of the held Register; null until one has verified.</summary>
    public long? Serial { get; set; }

    public string? Jws { get; set; }

    public string? PayloadSha256 { get; set; }

    public DateTimeOffset? IssuedAt { get; set; }

    public DateTimeOffset? NextUpdate { get; set; }

    /// <summary>When the held Register was verified and accepted.</summary>
    public DateTimeOffset? VerifiedAt { get; set; }

    /// <summary>The Secretariat's ETag for the held Register, sent as If-None-Match.</summary>
    public string? ETag { get; set; }

    /// <summary>The last time the Secretariat answered with the held Register or a newer one.</summary>
    public DateTimeOffset? LastCheckedAt { get; set; }

    /// <summary>Stable code of the latest refusal (<c>register.rollback</c>, …).</summary>
    public string? LastRefusalCode { get; set; }

    /// <summary>Why the latest refused document was refused (never the document itself).</summary>
    public string? LastRefusal { get; set; }

    public DateTimeOffset? LastRefusalAt { get; set; }

    /// <summary>Whether the latest document received was refused (the refusal fields keep the latest refusal even after a later success).</summary>
    public bool LastAttemptRefused { get; set; }

    /// <summary>The latest failure to reach the Secretariat (not a refusal: nothing was received).</summary>
    public string? LastFetchError { get; set; }

    public DateTimeOffset? LastFetchErrorAt { get; set; }
}

internal sealed class HeldRegisterConfiguration : IEntityTypeConfiguration<HeldRegister>
{
    public void Configure(EntityTypeBuilder<HeldRegister> builder)
    {
        builder.ToTable("HeldRegister");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.PayloadSha256).HasMaxLength(64);
        builder.Property(h => h.ETag).HasMaxLength(256);
        builder.Property(h => h.LastRefusalCode).HasMaxLength(64);
        builder.Property(h => h.LastRefusal).HasMaxLength(1024);
        builder.Property(h => h.LastFetchError).HasMaxLength(1024);
    }
}

internal static class RegisterDbSets
{
    public static DbSet<RegisterPublication> RegisterPublications(this ComityDbContext db) => db.Set<RegisterPublication>();

    public static DbSet<HeldRegister> HeldRegister(this ComityDbContext db) => db.Set<HeldRegister>();
}
