using Comity.Node.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comity.Node.Federation.Transparency;

/// <summary>
/// One audit or custody event (table <c>AuditEvents</c>): identifiers and hashes only. Written by
/// <see cref="Kernel.IAuditTrail.Record"/> in the caller's transaction; <see cref="LeafIndex"/> is set when the
/// sequencer appends it to the Merkle log.
/// </summary>
public sealed class AuditEvent
{
    public Guid Id { get; set; }

    /// <summary>When it was recorded, truncated to the millisecond (so that every database stores it exactly).</summary>
    public DateTimeOffset RecordedAt { get; set; }

    public required string Actor { get; set; }

    public required string Action { get; set; }

    public required string ObjectType { get; set; }

    public required string ObjectId { get; set; }

    public string? ContentSha256 { get; set; }

    /// <summary>Its leaf in the log; null until sequenced.</summary>
    public long? LeafIndex { get; set; }
}

/// <summary>A leaf of the log (table <c>LogLeaves</c>): dense indexes from 0, one per audit event.</summary>
public sealed class LogLeaf
{
    public long Index { get; set; }

    /// <summary>SHA-256(0x00 || leaf data), 32 bytes.</summary>
    public required byte[] LeafHash { get; set; }

    public Guid EventId { get; set; }

    public DateTimeOffset SequencedAt { get; set; }
}

/// <summary>
/// A complete interior subtree hash (table <c>LogNodes</c>): level h &gt;= 1, index i covers leaves
/// [i·2^h, (i+1)·2^h). Stored once when its last leaf is appended, so roots and proofs read O(log n) rows.
/// </summary>
public sealed class LogNode
{
    public int Level { get; set; }

    public long Index { get; set; }

    public required byte[] Hash { get; set; }
}

/// <summary>A checkpoint this node signed (table <c>LogCheckpoints</c>), kept forever.</summary>
public sealed class LogCheckpoint
{
    public Guid Id { get; set; }

    public long TreeSize { get; set; }

    public required byte[] RootHash { get; set; }

    /// <summary>The signed note exactly as signed: the checkpoint body and this node's signature line.</summary>
    public required string Note { get; set; }

    /// <summary>The signing key's kid.</summary>
    public required string Kid { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A peer's cosignature of one of this node's checkpoints (table <c>LogCosignatures</c>), the latest per witness and tree size.</summary>
public sealed class LogCosignature
{
    public Guid Id { get; set; }

    public long TreeSize { get; set; }

    public required byte[] RootHash { get; set; }

    /// <summary>The witness node's State code (<c>UN</c> for the Secretariat).</summary>
    public required string Witness { get; set; }

    /// <summary>The witness key name, e.g. <c>comity.int/witness/XB</c>.</summary>
    public required string KeyName { get; set; }

    /// <summary>The signature line, <c>— name base64</c> and its final newline.</summary>
    public required string Line { get; set; }

    public DateTimeOffset CosignedAt { get; set; }
}

/// <summary>As a witness: the last checkpoint this node cosigned for a peer's log (table <c>WitnessedLogs</c>).</summary>
public sealed class WitnessedLog
{
    public required string Origin { get; set; }

    public required string State { get; set; }

    public long TreeSize { get; set; }

    public required byte[] RootHash { get; set; }

    public required string Note { get; set; }

    public DateTimeOffset CosignedAt { get; set; }
}

/// <summary>As a witness: a peer log caught presenting two histories (table <c>WitnessAlerts</c>).</summary>
public sealed class WitnessAlert
{
    public Guid Id { get; set; }

    public required string Origin { get; set; }

    public required string State { get; set; }

    /// <summary><c>split-view</c> (same size, different root) or <c>inconsistent</c> (a consistency proof that leads elsewhere).</summary>
    public required string Kind { get; set; }

    public long CosignedSize { get; set; }

    public required byte[] CosignedRoot { get; set; }

    public long SubmittedSize { get; set; }

    public required byte[] SubmittedRoot { get; set; }

    /// <summary>The submitted checkpoint note: signed by the log, so it is the evidence.</summary>
    public required string SubmittedNote { get; set; }

    /// <summary>The note this witness had cosigned before: the other half of the evidence.</summary>
    public required string CosignedNote { get; set; }

    public required string Detail { get; set; }

    public DateTimeOffset DetectedAt { get; set; }
}

/// <summary>As a log: how far each peer witness has accepted this node's log (table <c>WitnessPeers</c>).</summary>
public sealed class WitnessPeer
{
    public required string State { get; set; }

    public long AcceptedSize { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? LastErrorAt { get; set; }
}

internal sealed class TransparencyConfiguration :
    IEntityTypeConfiguration<AuditEvent>,
    IEntityTypeConfiguration<LogLeaf>,
    IEntityTypeConfiguration<LogNode>,
    IEntityTypeConfiguration<LogCheckpoint>,
    IEntityTypeConfiguration<LogCosignature>,
    IEntityTypeConfiguration<WitnessedLog>,
    IEntityTypeConfiguration<WitnessAlert>,
    IEntityTypeConfiguration<WitnessPeer>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("AuditEvents");
        builder.Property(e => e.Actor).HasMaxLength(AuditLeaf.MaxFieldLength);
        builder.Property(e => e.Action).HasMaxLength(AuditLeaf.MaxFieldLength);
        builder.Property(e => e.ObjectType).HasMaxLength(AuditLeaf.MaxFieldLength);
        builder.Property(e => e.ObjectId).HasMaxLength(AuditLeaf.MaxFieldLength);
        builder.Property(e => e.ContentSha256).HasMaxLength(AuditLeaf.MaxFieldLength);
        builder.HasIndex(e => e.LeafIndex).IsUnique();
        builder.HasIndex(e => new { e.RecordedAt, e.Id });
    }

    public void Configure(EntityTypeBuilder<LogLeaf> builder)
    {
        builder.ToTable("LogLeaves");
        builder.HasKey(l => l.Index);
        builder.Property(l => l.Index).ValueGeneratedNever();
        builder.Property(l => l.LeafHash).HasMaxLength(32);
        builder.HasIndex(l => l.EventId).IsUnique();
    }

    public void Configure(EntityTypeBuilder<LogNode> builder)
    {
        builder.ToTable("LogNodes");
        builder.HasKey(n => new { n.Level, n.Index });
        builder.Property(n => n.Hash).HasMaxLength(32);
    }

    public void Configure(EntityTypeBuilder<LogCheckpoint> builder)
    {
        builder.ToTable("LogCheckpoints");
        builder.Property(c => c.RootHash).HasMaxLength(32);
        builder.Property(c => c.Note).HasMaxLength(4096);
        builder.Property(c => c.Kid).HasMaxLength(64);
        builder.HasIndex(c => new { c.TreeSize, c.CreatedAt });
    }

    public void Configure(EntityTypeBuilder<LogCosignature> builder)
    {
        builder.ToTable("LogCosignatures");
        builder.Property(c => c.RootHash).HasMaxLength(32);
        builder.Property(c => c.Witness).HasMaxLength(8);
        builder.Property(c => c.KeyName).HasMaxLength(256);
        builder.Property(c => c.Line).HasMaxLength(1024);
        builder.HasIndex(c => new { c.TreeSize, c.Witness }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<WitnessedLog> builder)
    {
        builder.ToTable("WitnessedLogs");
        builder.HasKey(w => w.Origin);
        builder.Property(w => w.Origin).HasMaxLength(256);
        builder.Property(w => w.State).HasMaxLength(8);
        builder.Property(w => w.RootHash).HasMaxLength(32);
        builder.Property(w => w.Note).HasMaxLength(16384);
    }

    public void Configure(EntityTypeBuilder<WitnessAlert> builder)
    {
        builder.ToTable("WitnessAlerts");
        builder.Property(a => a.Origin).HasMaxLength(256);
        builder.Property(a => a.State).HasMaxLength(8);
        builder.Property(a => a.Kind).HasMaxLength(32);
        builder.Property(a => a.CosignedRoot).HasMaxLength(32);
        builder.Property(a => a.SubmittedRoot).HasMaxLength(32);
        builder.Property(a => a.SubmittedNote).HasMaxLength(16384);
        builder.Property(a => a.CosignedNote).HasMaxLength(16384);
        builder.Property(a => a.Detail).HasMaxLength(1024);
        builder.HasIndex(a => a.DetectedAt);
    }

    public void Configure(EntityTypeBuilder<WitnessPeer> builder)
    {
        builder.ToTable("WitnessPeers");
        builder.HasKey(p => p.State);
        builder.Property(p => p.State).HasMaxLength(8);
        builder.Property(p => p.LastError).HasMaxLength(1024);
    }
}

internal static class TransparencyDbSets
{
    public static DbSet<AuditEvent> AuditEvents(this ComityDbContext db) => db.Set<AuditEvent>();

    public static DbSet<LogLeaf> LogLeaves(this ComityDbContext db) => db.Set<LogLeaf>();

    public static DbSet<LogNode> LogNodes(this ComityDbContext db) => db.Set<LogNode>();

    public static DbSet<LogCheckpoint> LogCheckpoints(this ComityDbContext db) => db.Set<LogCheckpoint>();

    public static DbSet<LogCosignature> LogCosignatures(this ComityDbContext db) => db.Set<LogCosignature>();

    public static DbSet<WitnessedLog> WitnessedLogs(this ComityDbContext db) => db.Set<WitnessedLog>();

    public static DbSet<WitnessAlert> WitnessAlerts(this ComityDbContext db) => db.Set<WitnessAlert>();

    public static DbSet<WitnessPeer> WitnessPeers(this ComityDbContext db) => db.Set<WitnessPeer>();
}
