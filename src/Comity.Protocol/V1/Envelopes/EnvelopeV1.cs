using System.Text.Json;

namespace Comity.Protocol.V1;

/// <summary>
/// The payload of a federation envelope, version 1 (docs/protocol/federation-v1.md): everything one
/// State's node sends another travels as this payload in a JWS (RFC 7515, JSON flattened
/// serialization, <c>alg: EdDSA</c>, <c>typ: comity-envelope+json</c>) signed with the sender node's
/// Ed25519 key listed in the Register. The envelope layer checks who sent it, to whom, when and that it
/// is unaltered; what <see cref="Body"/> means is the application's business, chosen by <see cref="Type"/>.
/// </summary>
/// <param name="Version">Always 1 for this contract.</param>
/// <param name="Id">UUIDv7 in its canonical lower-case form; the receiver applies an envelope once per id.</param>
/// <param name="From">The sending State (ISO 3166-1 alpha-2, or <c>UN</c>); its node's key signs.</param>
/// <param name="To">The receiving State.</param>
/// <param name="Conversation">The id of the request or package this envelope belongs to.</param>
/// <param name="Seq">Position of this envelope among those the sender sent in the conversation, from 1, without gaps.</param>
/// <param name="Type">What the body is, versioned: <c>ping/v1</c>, <c>request.submitted/v1</c>…</param>
/// <param name="CreatedAt">When the sender signed it (UTC).</param>
/// <param name="Body">A JSON object, opaque to the envelope layer.</param>
public sealed record EnvelopeV1(
    int Version,
    string Id,
    string From,
    string To,
    string Conversation,
    long Seq,
    string Type,
    DateTimeOffset CreatedAt,
    JsonElement Body)
{
    public const int CurrentVersion = 1;

    /// <summary>The JWS <c>typ</c> header value of a signed envelope.</summary>
    public const string MediaType = "comity-envelope+json";
}

/// <summary>
/// The payload of a receipt, version 1: the receiver's signed statement that it received these exact
/// envelope bytes. JWS <c>typ: comity-receipt+json</c>, signed with the receiver node's Ed25519 key.
/// The sender keeps it forever as proof of delivery.
/// </summary>
/// <param name="Version">Always 1 for this contract.</param>
/// <param name="EnvelopeId">The <c>id</c> of the envelope received.</param>
/// <param name="EnvelopeSha256">base64url (no padding) SHA-256 of the envelope JWS bytes exactly as received.</param>
/// <param name="ReceivedAt">When the receiver accepted it (UTC).</param>
/// <param name="Receiver">The receiving State; its node's key signs.</param>
/// <param name="Checkpoint">The receiver's latest signed transparency-log checkpoint (C2SP tlog-checkpoint note text), or null; opaque at this layer.</param>
public sealed record ReceiptV1(
    int Version,
    string EnvelopeId,
    string EnvelopeSha256,
    DateTimeOffset ReceivedAt,
    string Receiver,
    string? Checkpoint)
{
    public const int CurrentVersion = 1;

    /// <summary>The JWS <c>typ</c> header value of a signed receipt.</summary>
    public const string MediaType = "comity-receipt+json";
}
