using System.Globalization;
using System.Text;
using Comity.Domain.Transparency;
using Comity.Node.Kernel;
using Comity.Node.Storage;

namespace Comity.Node.Federation.Transparency;

/// <summary>
/// The canonical byte form of an audit event, which is the leaf data of the log (docs/protocol/transparency-v1.md §6.1).
/// UTF-8 text, one <c>name value</c> line per field, each ending in <c>\n</c>, in this order:
/// <code>
/// comity-audit-event/v1
/// id 0193c1f2-…            (lower-case UUID)
/// at 2026-11-02T09:00:00.000Z
/// actor user:…
/// action treaty.instrument-recorded
/// type instrument
/// object 0193c1f2-…
/// content &lt;base64url SHA-256&gt; or -
/// </code>
/// Values are non-empty, at most <see cref="MaxFieldLength"/> characters, with no control characters
/// (so a value cannot forge a line), and identifiers or hashes only: never case content.
/// </summary>
public static class AuditLeaf
{
    public const string Version = "comity-audit-event/v1";

    public const int MaxFieldLength = 200;

    public static byte[] Data(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var text = new StringBuilder()
            .Append(Version).Append('\n')
            .Append("id ").Append(e.Id.ToString("D", CultureInfo.InvariantCulture)).Append('\n')
            .Append("at ").Append(Instant(e.RecordedAt)).Append('\n')
            .Append("actor ").Append(e.Actor).Append('\n')
            .Append("action ").Append(e.Action).Append('\n')
            .Append("type ").Append(e.ObjectType).Append('\n')
            .Append("object ").Append(e.ObjectId).Append('\n')
            .Append("content ").Append(e.ContentSha256 ?? "-").Append('\n')
            .ToString();
        return Encoding.UTF8.GetBytes(text);
    }

    public static byte[] Hash(AuditEvent e) => MerkleHash.Leaf(Data(e));

    public static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Truncates to the millisecond: what the leaf data carries and every database stores exactly.</summary>
    public static DateTimeOffset Millisecond(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    /// <summary>Why a field cannot go into the log, or null. Callers passing such a value have a bug.</summary>
    public static string? Invalid(string name, string? value, bool optional = false)
    {
        if (value is null)
        {
            return optional ? null : $"{name} is required";
        }

        if (value.Length == 0 || value.Length > MaxFieldLength)
        {
            return $"{name} must have 1 to {MaxFieldLength} characters";
        }

        if (optional && value == "-")
        {
            return $"{name} cannot be '-', which stands for no value";
        }

        return value.Any(char.IsControl) ? $"{name} must not contain control characters" : null;
    }
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
