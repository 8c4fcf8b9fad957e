using Comity.Node.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comity.Node.Federation.Envelopes;

/// <summary>Where an envelope this node sent stands.</summary>
public enum OutboxStatus
{
    /// <summary>Not delivered yet: waiting for its next attempt.</summary>
    Pending,

    /// <summary>The receiver answered with a receipt that verified.</summary>
    Delivered,

    /// <summary>The receiver refused it with a problem document: permanent, not retried.</summary>
    Undeliverable,
}

/// <summary>Where an envelope this node received stands.</summary>
public enum InboxStatus
{
    /// <summary>Received before its predecessor in the conversation: stored, acknowledged, applied when its turn comes.</summary>
    Waiting,

    /// <summary>Applied through its type's handler.</summary>
    Applied,

    /// <summary>Its sequence number had already been applied under another id: stored and acknowledged, never applied.</summary>
    Stale,
}

/// <summary>
/// One envelope this node sent (transactional outbox): the exact signed bytes, which every attempt
/// sends again, the retry schedule, and the receipt once delivered (kept forever).
/// </summary>
public sealed class OutboxEnvelope
{
    /// <summary>The envelope id (UUIDv7).</summary>
    public Guid Id { get; set; }

    /// <summary>The receiving State.</summary>
    public required string Peer { get; set; }

    public required string Conversation { get; set; }

    public long Seq { get; set; }

    public required string Type { get; set; }

    /// <summary>The envelope JWS bytes exactly as signed and sent.</summary>
    public required byte[] Bytes { get; set; }

    /// <summary>base64url SHA-256 of <see cref="Bytes"/>.</summary>
    public required string Sha256 { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>Why the last attempt failed (transport, 5xx, receipt that did not verify); never case content.</summary>
    public string? LastError { get; set; }

    /// <summary>The refusal's problem <c>code</c> when <see cref="OutboxStatus.Undeliverable"/>.</summary>
    public string? ProblemCode { get; set; }

    /// <summary>The refusal's status code.</summary>
    public int? ProblemStatus { get; set; }

    /// <summary>The refusal's problem <c>detail</c>.</summary>
    public string? ProblemDetail { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>The receiver's receipt JWS, as received; proof of delivery.</summary>
    public string? Receipt { get; set; }

    /// <summary>Whether <see cref="Receipt"/> verified against <see cref="Bytes"/> and the Register when it was stored.</summary>
    public bool ReceiptVerified { get; set; }

    /// <summary>The receipt's <c>receivedAt</c>.</summary>
    public DateTimeOffset? ReceiptReceivedAt { get; set; }

    /// <summary>Whether the receipt carried a transparency-log checkpoint.</summary>
    public bool ReceiptHasCheckpoint { get; set; }

    /// <summary>When the "still undeliverable" alert was raised for this envelope, if it was.</summary>
    public DateTimeOffset? OverdueAlertedAt { get; set; }
}

/// <summary>The next <c>seq</c> this node uses in a conversation (it is the only sender of its own envelopes).</summary>
public sealed class OutboxSequence
{
    public required string Conversation { get; set; }

    /// <summary>The seq the next envelope of this conversation gets; a concurrency token.</summary>
    public long Next { get; set; }
}

/// <summary>One envelope this node received and acknowledged, keyed by its id (at most one row per id).</summary>
public sealed class InboxEnvelope
{
    /// <summary>The envelope id: the primary key, so a second insert of the same id fails whatever the race.</summary>
    public Guid Id { get; set; }

    /// <summary>The sending State.</summary>
    public required string From { get; set; }

    public required string Conversation { get; set; }

    public long Seq { get; set; }

    public required string Type { get; set; }

    /// <summary>The envelope JWS bytes exactly as received.</summary>
    public required byte[] Bytes { get; set; }

    public required string Sha256 { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public InboxStatus Status { get; set; }

    public DateTimeOffset? AppliedAt { get; set; }

    /// <summary>The receipt JWS this node signed for it; a duplicate delivery gets it again.</summary>
    public required string Receipt { get; set; }
}

/// <summary>
/// Per (sender, conversation): the next seq to apply. Every receive in the conversation updates this row
/// with <see cref="Version"/> as concurrency token, so two envelopes of one conversation received at
/// once cannot both decide the order: the second to commit retries.
/// </summary>
public sealed class InboxConversation
{
    public required string From { get; set; }

    public required string Conversation { get; set; }

    /// <summary>The seq the next envelope applied must have.</summary>
    public long NextSeq { get; set; }

    /// <summary>How many received envelopes wait for a predecessor.</summary>
    public int Waiting { get; set; }

    public long Version { get; set; }

    public DateTimeOffset LastReceivedAt { get; set; }
}

/// <summary>Something an administrator must look at: a replay, a refusal, an envelope undeliverable too long, a receipt that did not verify.</summary>
public sealed class FederationAlert
{
    public const string Replay = "replay";
    public const string Refused = "refused";
    public const string Overdue = "overdue";
    public const string BadReceipt = "bad-receipt";

    /// <summary>An envelope received early and receipted was refused by its handler when its turn came.</summary>
    public const string SuccessorRefused = "successor-refused";

    public Guid Id { get; set; }

    /// <summary><see cref="Replay"/>, <see cref="Refused"/>, <see cref="Overdue"/>, <see cref="BadReceipt"/> or <see cref="SuccessorRefused"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>The other State involved.</summary>
    public required string Peer { get; set; }

    public Guid? EnvelopeId { get; set; }

    /// <summary>What happened, for a person; identifiers and codes only, never case content.</summary>
    public required string Detail { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class OutboxEnvelopeConfiguration : IEntityTypeConfiguration<OutboxEnvelope>
{
    public void Configure(EntityTypeBuilder<OutboxEnvelope> builder)
    {
        builder.ToTable("OutboxEnvelopes");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Peer).HasMaxLength(2);
        builder.Property(e => e.Conversation).HasMaxLength(200);
        builder.Property(e => e.Type).HasMaxLength(200);
        builder.Property(e => e.Sha256).HasMaxLength(43);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.LastError).HasMaxLength(1000);
        builder.Property(e => e.ProblemCode).HasMaxLength(100);
        builder.Property(e => e.ProblemDetail).HasMaxLength(2000);
        builder.HasIndex(e => new { e.Status, e.NextAttemptAt });
        builder.HasIndex(e => new { e.Peer, e.Status });
        builder.HasIndex(e => new { e.Conversation, e.Seq });
    }
}

internal sealed class OutboxSequenceConfiguration : IEntityTypeConfiguration<OutboxSequence>
{
    public void Configure(EntityTypeBuilder<OutboxSequence> builder)
    {
        builder.ToTable("OutboxSequences");
        builder.HasKey(s => s.Conversation);
        builder.Property(s => s.Conversation).HasMaxLength(200);
        builder.Property(s => s.Next).IsConcurrencyToken();
    }
}

internal sealed class InboxEnvelopeConfiguration : IEntityTypeConfiguration<InboxEnvelope>
{
    public void Configure(EntityTypeBuilder<InboxEnvelope> builder)
    {
        builder.ToTable("InboxEnvelopes");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.From).HasMaxLength(2);
        builder.Property(e => e.Conversation).HasMaxLength(200);
        builder.Property(e => e.Type).HasMaxLength(200);
        builder.Property(e => e.Sha256).HasMaxLength(43);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(e => new { e.From, e.Conversation, e.Seq });
        builder.HasIndex(e => new { e.Status, e.ReceivedAt });
    }
}

internal sealed class InboxConversationConfiguration : IEntityTypeConfiguration<InboxConversation>
{
    public void Configure(EntityTypeBuilder<InboxConversation> builder)
    {
        builder.ToTable("InboxConversations");
        builder.HasKey(c => new { c.From, c.Conversation });
        builder.Property(c => c.From).HasMaxLength(2);
        builder.Property(c => c.Conversation).HasMaxLength(200);
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}

internal sealed class FederationAlertConfiguration : IEntityTypeConfiguration<FederationAlert>
{
    public void Configure(EntityTypeBuilder<FederationAlert> builder)
    {
        builder.ToTable("FederationAlerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Kind).HasMaxLength(32);
        builder.Property(a => a.Peer).HasMaxLength(2);
        builder.Property(a => a.Detail).HasMaxLength(2000);
        builder.HasIndex(a => a.CreatedAt);
    }
}

internal static class EnvelopeDbSets
{
    public static DbSet<OutboxEnvelope> Outbox(this ComityDbContext db) => db.Set<OutboxEnvelope>();

    public static DbSet<OutboxSequence> OutboxSequences(this ComityDbContext db) => db.Set<OutboxSequence>();

    public static DbSet<InboxEnvelope> Inbox(this ComityDbContext db) => db.Set<InboxEnvelope>();

    public static DbSet<InboxConversation> InboxConversations(this ComityDbContext db) => db.Set<InboxConversation>();

    public static DbSet<FederationAlert> FederationAlerts(this ComityDbContext db) => db.Set<FederationAlert>();
}
