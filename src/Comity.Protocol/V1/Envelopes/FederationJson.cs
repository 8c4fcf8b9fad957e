using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Comity.Protocol.Jose;

namespace Comity.Protocol.V1;

/// <summary>
/// The one JSON form of envelope and receipt payloads: the conventions of <see cref="RegisterJson"/>
/// (camelCase members in declaration order, no indentation, instants UTC with <c>Z</c>, optional
/// values written as <c>null</c> so every member is always present). Reading ignores unknown members
/// and refuses duplicate members (also inside <c>body</c>), missing members, <c>null</c> where the
/// schema has none, wrong types and instants without <c>Z</c>. After reading, <see cref="Problem(EnvelopeV1)"/>
/// checks the rules the schema cannot express (UUIDv7 id, State codes, seq from 1, type, body an object).
/// </summary>
public static partial class FederationJson
{
    /// <summary>Longest <c>conversation</c> and <c>type</c> accepted, in characters.</summary>
    public const int MaxIdentifierLength = 200;

    /// <summary>The options used both to write signed payloads and to read them (those of <see cref="RegisterJson"/>).</summary>
    public static JsonSerializerOptions Options => RegisterJson.Options;

    /// <summary>The exact envelope payload bytes that are signed.</summary>
    public static byte[] SerializeToUtf8Bytes(EnvelopeV1 envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return JsonSerializer.SerializeToUtf8Bytes(envelope, Options);
    }

    /// <summary>The exact receipt payload bytes that are signed.</summary>
    public static byte[] SerializeToUtf8Bytes(ReceiptV1 receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return JsonSerializer.SerializeToUtf8Bytes(receipt, Options);
    }

    /// <summary>Reads an envelope payload; throws <see cref="JsonException"/> when it does not follow the schema.</summary>
    public static EnvelopeV1 DeserializeEnvelope(ReadOnlySpan<byte> utf8Json)
    {
        var envelope = JsonSerializer.Deserialize<EnvelopeV1>(utf8Json, Options) ?? throw new JsonException("The envelope payload is null.");
        // Detach the body from the reader's buffer so the record outlives it.
        return envelope with { Body = envelope.Body.Clone() };
    }

    /// <summary>Reads a receipt payload; throws <see cref="JsonException"/> when it does not follow the schema.</summary>
    public static ReceiptV1 DeserializeReceipt(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<ReceiptV1>(utf8Json, Options) ?? throw new JsonException("The receipt payload is null.");

    /// <summary>What is wrong with an envelope beyond its JSON shape, or null when it follows every rule.</summary>
    public static string? Problem(EnvelopeV1 envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (envelope.Version != EnvelopeV1.CurrentVersion)
        {
            return $"The envelope version is {envelope.Version.ToString(CultureInfo.InvariantCulture)}; this contract is version {EnvelopeV1.CurrentVersion.ToString(CultureInfo.InvariantCulture)}.";
        }

        if (!IsUuidV7(envelope.Id))
        {
            return $"The envelope id must be a UUIDv7 in canonical lower-case form, not {Shown(envelope.Id)}.";
        }

        if (!IsStateCode(envelope.From))
        {
            return $"from must be a State code (two capital letters), not {Shown(envelope.From)}.";
        }

        if (!IsStateCode(envelope.To))
        {
            return $"to must be a State code (two capital letters), not {Shown(envelope.To)}.";
        }

        if (string.Equals(envelope.From, envelope.To, StringComparison.Ordinal))
        {
            return $"from and to are both {envelope.From}: a node does not send envelopes to itself.";
        }

        if (string.IsNullOrWhiteSpace(envelope.Conversation) || envelope.Conversation.Length > MaxIdentifierLength || envelope.Conversation.Any(char.IsControl))
        {
            return $"conversation must be a non-empty identifier of at most {MaxIdentifierLength.ToString(CultureInfo.InvariantCulture)} characters without control characters.";
        }

        if (envelope.Seq < 1)
        {
            return $"seq must be 1 or more, not {envelope.Seq.ToString(CultureInfo.InvariantCulture)}.";
        }

        if (envelope.Type is null || envelope.Type.Length > MaxIdentifierLength || !TypePattern().IsMatch(envelope.Type))
        {
            return $"type must be a lower-case name ending in a version, such as ping/v1, not {Shown(envelope.Type)}.";
        }

        if (envelope.Body.ValueKind != JsonValueKind.Object)
        {
            return $"body must be a JSON object, not {envelope.Body.ValueKind.ToString().ToLowerInvariant()}.";
        }

        return null;
    }

    /// <summary>What is wrong with a receipt beyond its JSON shape, or null when it follows every rule.</summary>
    public static string? Problem(ReceiptV1 receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        if (receipt.Version != ReceiptV1.CurrentVersion)
        {
            return $"The receipt version is {receipt.Version.ToString(CultureInfo.InvariantCulture)}; this contract is version {ReceiptV1.CurrentVersion.ToString(CultureInfo.InvariantCulture)}.";
        }

        if (!IsUuidV7(receipt.EnvelopeId))
        {
            return $"envelopeId must be a UUIDv7 in canonical lower-case form, not {Shown(receipt.EnvelopeId)}.";
        }

        if (!IsSha256(receipt.EnvelopeSha256))
        {
            return "envelopeSha256 must be a base64url SHA-256 (43 characters, no padding).";
        }

        if (!IsStateCode(receipt.Receiver))
        {
            return $"receiver must be a State code (two capital letters), not {Shown(receipt.Receiver)}.";
        }

        return receipt.Checkpoint is { Length: 0 } ? "checkpoint must be null or a non-empty checkpoint note." : null;
    }

    /// <summary>base64url SHA-256 of the bytes: the <c>envelopeSha256</c> of a receipt.</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => Base64Url.Encode(SHA256.HashData(bytes));

    /// <summary>True for a UUID of version 7 (RFC 9562) with the RFC variant, written lower case with hyphens.</summary>
    public static bool IsUuidV7(string? text) =>
        text is { Length: 36 }
        && Guid.TryParseExact(text, "D", out var guid)
        && string.Equals(guid.ToString("D"), text, StringComparison.Ordinal)
        && guid.Version == 7
        && guid.Variant is >= 8 and <= 0xB;

    /// <summary>True for two capital ASCII letters (ISO 3166-1 alpha-2, <c>EU</c>, or <c>UN</c> for the Secretariat).</summary>
    public static bool IsStateCode(string? text) => text is { Length: 2 } && text.All(static c => c is >= 'A' and <= 'Z');

    private static bool IsSha256(string? text)
    {
        if (text is not { Length: 43 })
        {
            return false;
        }

        try
        {
            return Base64Url.Decode(text).Length == 32;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    internal static string Shown(string? text) => text is null ? "null" : $"'{(text.Length > 60 ? text[..60] + "…" : text)}'";

    [GeneratedRegex("^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*(/[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*)*/v[1-9][0-9]{0,3}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TypePattern();
}
