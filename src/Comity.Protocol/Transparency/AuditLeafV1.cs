using System.Globalization;
using System.Text;

namespace Comity.Protocol.Transparency;

/// <summary>
/// One audit or custody event in the canonical byte form that is the leaf data of a node's
/// transparency log (docs/protocol/transparency-v1.md §6.1; leaf hash = SHA-256(0x00 || data)).
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
/// <param name="Id">The event id, written as a lower-case UUID.</param>
/// <param name="RecordedAt">When the node recorded it; the leaf carries it to the millisecond, in UTC.</param>
/// <param name="Actor"><c>user:&lt;id&gt;</c>, <c>node</c> or <c>peer:&lt;State&gt;</c>.</param>
/// <param name="Action">Dotted lower-case name, e.g. <c>treaty.instrument-recorded</c>.</param>
/// <param name="ObjectType">The kind of object the event is about (<c>type</c> line).</param>
/// <param name="ObjectId">The object's id (<c>object</c> line).</param>
/// <param name="ContentSha256">base64url SHA-256 of the object's content, or null (written <c>-</c>).</param>
public sealed record AuditLeafV1(
    Guid Id,
    DateTimeOffset RecordedAt,
    string Actor,
    string Action,
    string ObjectType,
    string ObjectId,
    string? ContentSha256)
{
    /// <summary>The first line of every leaf.</summary>
    public const string Version = "comity-audit-event/v1";

    /// <summary>The longest value, in characters.</summary>
    public const int MaxFieldLength = 200;

    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    private static readonly string[] Names = ["id", "at", "actor", "action", "type", "object", "content"];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The leaf data. The values are written as they are: a caller passing a value that
    /// <see cref="Invalid"/> refuses gets bytes that <see cref="TryParse"/> refuses.
    /// </summary>
    public byte[] ToBytes()
    {
        var text = new StringBuilder()
            .Append(Version).Append('\n')
            .Append("id ").Append(Id.ToString("D", CultureInfo.InvariantCulture)).Append('\n')
            .Append("at ").Append(FormatInstant(RecordedAt)).Append('\n')
            .Append("actor ").Append(Actor).Append('\n')
            .Append("action ").Append(Action).Append('\n')
            .Append("type ").Append(ObjectType).Append('\n')
            .Append("object ").Append(ObjectId).Append('\n')
            .Append("content ").Append(ContentSha256 ?? "-").Append('\n')
            .ToString();
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>An instant as the <c>at</c> line writes it: UTC, to the millisecond (<c>2026-11-02T09:00:00.000Z</c>).</summary>
    public static string FormatInstant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    /// <summary>Why a value cannot go into a leaf, or null. <paramref name="optional"/> is for <c>content</c>, where null is written <c>-</c>.</summary>
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

    /// <summary>Reads leaf data; refuses, with a reason, anything that is not exactly the canonical form of an event.</summary>
    public static bool TryParse(ReadOnlySpan<byte> data, out AuditLeafV1? leaf, out string reason)
    {
        leaf = null;
        string text;
        try
        {
            text = StrictUtf8.GetString(data);
        }
        catch (DecoderFallbackException)
        {
            reason = "leaf data must be UTF-8";
            return false;
        }

        if (text.Length == 0 || text[^1] != '\n')
        {
            reason = "leaf data must end in a newline";
            return false;
        }

        var lines = text[..^1].Split('\n');
        if (lines.Length != Names.Length + 1 || !string.Equals(lines[0], Version, StringComparison.Ordinal))
        {
            reason = $"leaf data must be the line {Version} and {Names.Length} field lines";
            return false;
        }

        var values = new string?[Names.Length];
        for (var i = 0; i < Names.Length; i++)
        {
            var prefix = Names[i] + " ";
            var line = lines[i + 1];
            if (!line.StartsWith(prefix, StringComparison.Ordinal))
            {
                reason = $"line {i + 2} must be the {Names[i]} field";
                return false;
            }

            var value = line[prefix.Length..];
            var optional = i == Names.Length - 1;
            values[i] = optional && value == "-" ? null : value;
            if (Invalid(Names[i], values[i], optional) is { } bad)
            {
                reason = bad;
                return false;
            }
        }

        if (!Guid.TryParseExact(values[0], "D", out var id))
        {
            reason = "id must be a UUID";
            return false;
        }

        if (!DateTimeOffset.TryParseExact(values[1], InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            reason = "at must be a UTC instant to the millisecond, such as 2026-11-02T09:00:00.000Z";
            return false;
        }

        var parsed = new AuditLeafV1(id, at, values[2]!, values[3]!, values[4]!, values[5]!, values[6]);

        // One event, one leaf: an upper-case id or any other variant the fields above tolerate is not canonical.
        if (!parsed.ToBytes().AsSpan().SequenceEqual(data))
        {
            reason = "leaf data is not in canonical form (lower-case id)";
            return false;
        }

        leaf = parsed;
        reason = "";
        return true;
    }
}
