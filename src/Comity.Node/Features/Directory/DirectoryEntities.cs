using System.Text.Json;
using Comity.Protocol.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comity.Node.Features.Directory;

/// <summary>This State's node entry as its administrator edits it (one row).</summary>
public sealed class DirectoryNodeEntry
{
    public Guid Id { get; set; }

    public required string State { get; set; }

    public required string Endpoint { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>An office of this State designated under the Convention (draft until the State submits it).</summary>
public sealed class DirectoryDesignation
{
    public Guid Id { get; set; }

    public required string State { get; set; }

    public required string Office { get; set; }

    /// <summary>Wire name of the role: <c>centralAuthority</c>, <c>pointOfContact247</c>, ….</summary>
    public required string Role { get; set; }

    public List<ContactChannelV1> Channels { get; set; } = [];

    public List<string> Languages { get; set; } = [];

    public required string TimeZone { get; set; }

    public List<OfficeHoursV1> Hours { get; set; } = [];

    public bool Always { get; set; }

    public List<DirectoryRosterShift> Roster { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One on-call shift of a 24/7 point of contact.</summary>
public sealed class DirectoryRosterShift
{
    public Guid Id { get; set; }

    public Guid DesignationId { get; set; }

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset End { get; set; }

    public required string Officer { get; set; }

    public List<ContactChannelV1> Channels { get; set; } = [];
}

/// <summary>A service provider this State lists.</summary>
public sealed class DirectoryServiceProvider
{
    public Guid Id { get; set; }

    public required string State { get; set; }

    public required string Name { get; set; }

    public List<string> Services { get; set; } = [];

    public required string Headquarters { get; set; }

    public List<string> DataLocations { get; set; } = [];

    public ContactChannelV1? LawEnforcementContact { get; set; }

    public ContactChannelV1? EmergencyContact { get; set; }

    public List<string> AcceptsDirectly { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// An offence of this State's law that it lists for dual criminality (Art. 35): its code, title, maximum penalty
/// (serious crime, Art. 2) and the Convention offences it covers.
/// </summary>
public sealed class DirectoryOffence
{
    public Guid Id { get; set; }

    public required string State { get; set; }

    public required string Code { get; set; }

    public required string Title { get; set; }

    public int? MaximumPenaltyMonths { get; set; }

    public List<string> ConventionOffences { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>On a State node: a notification this node sent to the Secretariat, and the outcome it last heard.</summary>
public sealed class DirectorySubmission
{
    /// <summary>The notification's id (UUIDv7), also the Secretariat's.</summary>
    public Guid Id { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>SHA-256 of the submitted content (node entry, designations, providers) without id and time: resubmitting unchanged content is a no-op.</summary>
    public required string ContentHash { get; set; }

    public required string SubmittedBy { get; set; }

    public NotificationStatus Status { get; set; }

    public string? Reason { get; set; }

    public bool FirstRegistration { get; set; }

    public string? KeyThumbprint { get; set; }

    public DateTimeOffset? CheckedAt { get; set; }
}

public enum NotificationStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>On the Secretariat: a notification received from a State node, kept verbatim with the review outcome.</summary>
public sealed class DirectoryNotificationRecord
{
    public Guid Id { get; set; }

    public required string State { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The JWS exactly as received.</summary>
    public required string Jws { get; set; }

    /// <summary>The verified payload (JSON of <see cref="DirectoryNotificationV1"/>).</summary>
    public required string Payload { get; set; }

    public required string KeyId { get; set; }

    public required string KeyThumbprint { get; set; }

    public bool FirstRegistration { get; set; }

    public NotificationStatus Status { get; set; }

    public string? Reason { get; set; }

    public string? ReviewedBy { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public long? RegisterSerial { get; set; }
}

/// <summary>On the Secretariat: the approved directory content of one State, which the Register publishes.</summary>
public sealed class PublishedStateDirectory
{
    public required string State { get; set; }

    public Guid NotificationId { get; set; }

    /// <summary>JSON of the approved <see cref="DirectoryNotificationV1"/>.</summary>
    public required string Payload { get; set; }

    public DateTimeOffset ApprovedAt { get; set; }
}

internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>Stores a small value list as JSON text (portable across SQLite and PostgreSQL), compared by content.</summary>
    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property, int? maxLength = null)
        where T : class?
    {
        property.HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            v => JsonSerializer.Deserialize<T>(v, Options)!,
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
                v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options)!));
        if (maxLength is int max)
        {
            property.HasMaxLength(max);
        }

        return property;
    }
}

internal sealed class DirectoryNodeEntryConfiguration : IEntityTypeConfiguration<DirectoryNodeEntry>
{
    public void Configure(EntityTypeBuilder<DirectoryNodeEntry> e)
    {
        e.ToTable("DirectoryNodeEntries");
        e.Property(x => x.State).HasMaxLength(2);
        e.Property(x => x.Endpoint).HasMaxLength(512);
        e.Property(x => x.Name).HasMaxLength(256);
        e.HasIndex(x => x.State).IsUnique();
    }
}

internal sealed class DirectoryDesignationConfiguration : IEntityTypeConfiguration<DirectoryDesignation>
{
    public void Configure(EntityTypeBuilder<DirectoryDesignation> e)
    {
        e.ToTable("DirectoryDesignations");
        e.Property(x => x.State).HasMaxLength(2);
        e.Property(x => x.Office).HasMaxLength(256);
        e.Property(x => x.Role).HasMaxLength(32);
        e.Property(x => x.TimeZone).HasMaxLength(64);
        e.Property(x => x.Channels).AsJson(8000);
        e.Property(x => x.Languages).AsJson(1000);
        e.Property(x => x.Hours).AsJson(4000);
        e.HasMany(x => x.Roster).WithOne().HasForeignKey(s => s.DesignationId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.State);
    }
}

internal sealed class DirectoryRosterShiftConfiguration : IEntityTypeConfiguration<DirectoryRosterShift>
{
    public void Configure(EntityTypeBuilder<DirectoryRosterShift> e)
    {
        e.ToTable("DirectoryRosterShifts");
        e.Property(x => x.Officer).HasMaxLength(256);
        e.Property(x => x.Channels).AsJson(4000);
        e.HasIndex(x => new { x.DesignationId, x.Start });
    }
}

internal sealed class DirectoryServiceProviderConfiguration : IEntityTypeConfiguration<DirectoryServiceProvider>
{
    public void Configure(EntityTypeBuilder<DirectoryServiceProvider> e)
    {
        e.ToTable("DirectoryServiceProviders");
        e.Property(x => x.State).HasMaxLength(2);
        e.Property(x => x.Name).HasMaxLength(256);
        e.Property(x => x.Headquarters).HasMaxLength(64);
        e.Property(x => x.Services).AsJson(4000);
        e.Property(x => x.DataLocations).AsJson(1000);
        e.Property(x => x.AcceptsDirectly).AsJson(1000);
        e.Property(x => x.LawEnforcementContact).AsJson(1000);
        e.Property(x => x.EmergencyContact).AsJson(1000);
        e.HasIndex(x => x.State);
    }
}

internal sealed class DirectoryOffenceConfiguration : IEntityTypeConfiguration<DirectoryOffence>
{
    public void Configure(EntityTypeBuilder<DirectoryOffence> e)
    {
        e.ToTable("DirectoryOffences");
        e.Property(x => x.State).HasMaxLength(2);
        e.Property(x => x.Code).HasMaxLength(Comity.Domain.Cooperation.Offences.NationalOffence.MaxCodeLength);
        e.Property(x => x.Title).HasMaxLength(DirectoryContent.OffenceTitleLength);
        e.Property(x => x.ConventionOffences).AsJson(1000);
        e.HasIndex(x => new { x.State, x.Code }).IsUnique();
    }
}

internal sealed class DirectorySubmissionConfiguration : IEntityTypeConfiguration<DirectorySubmission>
{
    public void Configure(EntityTypeBuilder<DirectorySubmission> e)
    {
        e.ToTable("DirectorySubmissions");
        e.Property(x => x.ContentHash).HasMaxLength(64);
        e.Property(x => x.SubmittedBy).HasMaxLength(256);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.Property(x => x.KeyThumbprint).HasMaxLength(64);
        e.HasIndex(x => x.SubmittedAt);
    }
}

internal sealed class DirectoryNotificationRecordConfiguration : IEntityTypeConfiguration<DirectoryNotificationRecord>
{
    public void Configure(EntityTypeBuilder<DirectoryNotificationRecord> e)
    {
        e.ToTable("DirectoryNotifications");
        e.Property(x => x.State).HasMaxLength(2);
        e.Property(x => x.Jws);
        e.Property(x => x.Payload);
        e.Property(x => x.KeyId).HasMaxLength(128);
        e.Property(x => x.KeyThumbprint).HasMaxLength(64);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.Property(x => x.ReviewedBy).HasMaxLength(256);
        e.HasIndex(x => new { x.Status, x.ReceivedAt });
        e.HasIndex(x => x.State);
    }
}

internal sealed class PublishedStateDirectoryConfiguration : IEntityTypeConfiguration<PublishedStateDirectory>
{
    public void Configure(EntityTypeBuilder<PublishedStateDirectory> e)
    {
        e.ToTable("DirectoryPublished");
        e.HasKey(x => x.State);
        e.Property(x => x.State).HasMaxLength(2);
        e.Property(x => x.Payload);
    }
}
