using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comity.Node.Features.Requests;

/// <summary>
/// A 24/7 request this node is a party to, on either side. Its history is in <see cref="RequestEventRecord"/>;
/// the columns here are the request as submitted plus what the inbox ordering and the clocks worker need
/// (state, last movement, next due instant), recomputed from the history at every event.
/// </summary>
public sealed class RequestRecord
{
    public Guid Id { get; set; }

    /// <summary>Wire name of the kind.</summary>
    public required string Kind { get; set; }

    /// <summary>This node's side: <c>requesting</c> or <c>requested</c>.</summary>
    public required string Side { get; set; }

    public required string RequestingState { get; set; }

    public required string RequestedState { get; set; }

    /// <summary>The other party's State: the only node that may send envelopes about this request.</summary>
    public required string PeerState { get; set; }

    public string? RequestingOffice { get; set; }

    public string? RequestedOffice { get; set; }

    public string? RequestedDesignationId { get; set; }

    public string? OfficerOnDuty { get; set; }

    public string? RequestedTimeZone { get; set; }

    public long? RegisterSerial { get; set; }

    public string? Reference { get; set; }

    public required string LegalBasisKind { get; set; }

    public string? LegalBasisReference { get; set; }

    public bool? ConventionInForce { get; set; }

    public required string OriginalLanguage { get; set; }

    public required string OriginalText { get; set; }

    public string? TranslationLanguage { get; set; }

    public string? TranslationText { get; set; }

    /// <summary>The contents as their wire JSON object.</summary>
    public required string ContentsJson { get; set; }

    /// <summary>The request's own handling conditions as their wire JSON object.</summary>
    public required string ConditionsJson { get; set; }

    /// <summary>For the central authorities' kinds: when the requester needs the assistance by (Art. 40); it travels once, in the request.</summary>
    public DateTimeOffset? Deadline { get; set; }

    /// <summary>The requesting State's code of the offence as listed in the Register (dual-criminality guidance, Art. 35).</summary>
    public string? OffenceCode { get; set; }

    /// <summary>Wire name of the current state.</summary>
    public required string State { get; set; }

    public bool IsOpen { get; set; }

    public int EventCount { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset LastMovedAt { get; set; }

    /// <summary>The earliest running clock not yet swept; null when no clock runs.</summary>
    public DateTimeOffset? NextDueAt { get; set; }

    public string? NextDueKind { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One event of a request's history with the signed envelope that carried it.</summary>
public sealed class RequestEventRecord
{
    public Guid Id { get; set; }

    public Guid RequestId { get; set; }

    public int Index { get; set; }

    public required string Type { get; set; }

    public required string By { get; set; }

    /// <summary>The State whose node recorded and signed it.</summary>
    public required string Node { get; set; }

    public string? Actor { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The event's wire fields (a JSON object).</summary>
    public required string FieldsJson { get; set; }

    public Guid EnvelopeId { get; set; }

    /// <summary>The envelope JWS exactly as sent or received.</summary>
    public required string Jws { get; set; }

    public required string Kid { get; set; }

    public DateTimeOffset StoredAt { get; set; }
}

/// <summary>A reminder or escalation raised by the clocks worker, once per (request, clock, due).</summary>
public sealed class RequestAlertRecord
{
    public Guid Id { get; set; }

    public Guid RequestId { get; set; }

    /// <summary><c>reminder</c> or <c>escalation</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>The clock's wire name (<c>acknowledgement</c>, <c>preservationReminder</c>…).</summary>
    public required string Clock { get; set; }

    /// <summary>The role it is for.</summary>
    public required string Audience { get; set; }

    public DateTimeOffset Due { get; set; }

    public DateTimeOffset RaisedAt { get; set; }

    public required string Message { get; set; }

    public required string Article { get; set; }
}

/// <summary>A note from one duty shift to the next.</summary>
public sealed class HandoverNoteRecord
{
    public Guid Id { get; set; }

    public required string Author { get; set; }

    public required string AuthorId { get; set; }

    public DateTimeOffset WrittenAt { get; set; }

    public required string Text { get; set; }

    /// <summary>Request ids the note is about, comma-separated.</summary>
    public required string RequestIds { get; set; }
}

internal sealed class RequestRecordConfiguration : IEntityTypeConfiguration<RequestRecord>
{
    public void Configure(EntityTypeBuilder<RequestRecord> builder)
    {
        builder.ToTable("cooperation_requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasMaxLength(48);
        builder.Property(r => r.Side).HasMaxLength(16);
        builder.Property(r => r.RequestingState).HasMaxLength(2);
        builder.Property(r => r.RequestedState).HasMaxLength(2);
        builder.Property(r => r.PeerState).HasMaxLength(2);
        builder.Property(r => r.RequestingOffice).HasMaxLength(RequestLimits.ShortText);
        builder.Property(r => r.RequestedOffice).HasMaxLength(RequestLimits.ShortText);
        builder.Property(r => r.RequestedDesignationId).HasMaxLength(128);
        builder.Property(r => r.OfficerOnDuty).HasMaxLength(RequestLimits.ShortText);
        builder.Property(r => r.RequestedTimeZone).HasMaxLength(64);
        builder.Property(r => r.Reference).HasMaxLength(RequestLimits.ShortText);
        builder.Property(r => r.LegalBasisKind).HasMaxLength(32);
        builder.Property(r => r.LegalBasisReference).HasMaxLength(RequestLimits.ShortText);
        builder.Property(r => r.OffenceCode).HasMaxLength(Comity.Domain.Cooperation.Offences.NationalOffence.MaxCodeLength);
        builder.Property(r => r.OriginalLanguage).HasMaxLength(35);
        builder.Property(r => r.TranslationLanguage).HasMaxLength(35);
        builder.Property(r => r.State).HasMaxLength(32);
        builder.Property(r => r.NextDueKind).HasMaxLength(32);
        builder.Property(r => r.EventCount).IsConcurrencyToken();

        // The inbox and outbox lists: open first, earliest due first; the worker sweeps due <= now.
        builder.HasIndex(r => new { r.Side, r.IsOpen, r.NextDueAt });
        builder.HasIndex(r => new { r.IsOpen, r.NextDueAt });
    }
}

internal sealed class RequestEventRecordConfiguration : IEntityTypeConfiguration<RequestEventRecord>
{
    public void Configure(EntityTypeBuilder<RequestEventRecord> builder)
    {
        builder.ToTable("cooperation_request_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Type).HasMaxLength(32);
        builder.Property(e => e.By).HasMaxLength(16);
        builder.Property(e => e.Node).HasMaxLength(2);
        builder.Property(e => e.Actor).HasMaxLength(RequestLimits.ShortText);
        builder.Property(e => e.Kid).HasMaxLength(128);
        builder.HasIndex(e => new { e.RequestId, e.Index }).IsUnique();
        builder.HasIndex(e => e.EnvelopeId).IsUnique();
        builder.HasOne<RequestRecord>().WithMany().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RequestAlertRecordConfiguration : IEntityTypeConfiguration<RequestAlertRecord>
{
    public void Configure(EntityTypeBuilder<RequestAlertRecord> builder)
    {
        builder.ToTable("cooperation_request_alerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Kind).HasMaxLength(16);
        builder.Property(a => a.Clock).HasMaxLength(32);
        builder.Property(a => a.Audience).HasMaxLength(32);
        builder.Property(a => a.Message).HasMaxLength(1000);
        builder.Property(a => a.Article).HasMaxLength(64);
        builder.HasIndex(a => new { a.RequestId, a.Clock, a.Due }).IsUnique();
        builder.HasIndex(a => a.RaisedAt);
        builder.HasOne<RequestRecord>().WithMany().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HandoverNoteRecordConfiguration : IEntityTypeConfiguration<HandoverNoteRecord>
{
    public void Configure(EntityTypeBuilder<HandoverNoteRecord> builder)
    {
        builder.ToTable("cooperation_handover_notes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Author).HasMaxLength(RequestLimits.ShortText);
        builder.Property(n => n.AuthorId).HasMaxLength(450);
        builder.Property(n => n.Text).HasMaxLength(RequestLimits.NoteText);
        builder.Property(n => n.RequestIds).HasMaxLength(4000);
        builder.HasIndex(n => n.WrittenAt);
    }
}

/// <summary>Sizes of the request's texts and lists.</summary>
internal static class RequestLimits
{
    public const int ShortText = 256;
    public const int NoteText = 8000;

    /// <summary>Any one text of a request (original, translation, a content item, an answer).</summary>
    public const int LongText = 100_000;

    /// <summary>The rows a list answers with when the caller names no limit.</summary>
    public const int DefaultRows = 100;

    /// <summary>The most rows a list answers with.</summary>
    public const int MaxRows = 500;
}

internal static class RequestDbSets
{
    public static DbSet<RequestRecord> Requests(this Storage.ComityDbContext db) => db.Set<RequestRecord>();

    public static DbSet<RequestEventRecord> RequestEvents(this Storage.ComityDbContext db) => db.Set<RequestEventRecord>();

    public static DbSet<RequestAlertRecord> RequestAlerts(this Storage.ComityDbContext db) => db.Set<RequestAlertRecord>();

    public static DbSet<HandoverNoteRecord> HandoverNotes(this Storage.ComityDbContext db) => db.Set<HandoverNoteRecord>();
}
