using Comity.Domain.Transparency;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Comity.Protocol.Transparency;

namespace Comity.Node.Federation.Transparency;

/// <summary>
/// The node's side of the log's leaf data: its stored <see cref="AuditEvent"/> in the canonical form that
/// <see cref="AuditLeafV1"/> defines (docs/protocol/transparency-v1.md §6.1), the leaf hash, and the
/// millisecond the node truncates instants to.
/// </summary>
public static class AuditLeaf
{
    public const int MaxFieldLength = AuditLeafV1.MaxFieldLength;

    public static AuditLeafV1 ToLeaf(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new AuditLeafV1(e.Id, e.RecordedAt, e.Actor, e.Action, e.ObjectType, e.ObjectId, e.ContentSha256);
    }

    public static byte[] Data(AuditEvent e) => ToLeaf(e).ToBytes();

    public static byte[] Hash(AuditEvent e) => MerkleHash.Leaf(Data(e));

    /// <summary>Truncates to the millisecond: what the leaf data carries and every database stores exactly.</summary>
    public static DateTimeOffset Millisecond(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    /// <summary>Why a field cannot go into the log, or null. Callers passing such a value have a bug.</summary>
    public static string? Invalid(string name, string? value, bool optional = false) => AuditLeafV1.Invalid(name, value, optional);
}

/// <summary>
/// Adds audit events to the scoped <see cref="ComityDbContext"/>: the caller's <c>SaveChanges</c>
/// stores them with the change they describe, or not at all.
/// </summary>
internal sealed class DbAuditTrail(ComityDbContext db, TimeProvider time, IIdGenerator ids) : IAuditTrail
{
    public void Record(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var problem = AuditLeaf.Invalid("actor", record.Actor)
            ?? AuditLeaf.Invalid("action", record.Action)
            ?? AuditLeaf.Invalid("objectType", record.ObjectType)
            ?? AuditLeaf.Invalid("objectId", record.ObjectId)
            ?? AuditLeaf.Invalid("contentSha256", record.ContentSha256, optional: true);
        if (problem is not null)
        {
            throw new ArgumentException("Audit record refused: " + problem + ".", nameof(record));
        }

        db.AuditEvents().Add(new AuditEvent
        {
            Id = ids.NewId(),
            RecordedAt = AuditLeaf.Millisecond(time.GetUtcNow()),
            Actor = record.Actor,
            Action = record.Action,
            ObjectType = record.ObjectType,
            ObjectId = record.ObjectId,
            ContentSha256 = record.ContentSha256,
        });
    }
}
