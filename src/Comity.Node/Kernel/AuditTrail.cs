using System.Text;

namespace Comity.Node.Kernel;

/// <summary>
/// One audit or custody event as it enters the node's transparency log: who did what to which object,
/// when — never case content or personal data, only identifiers and hashes.
/// </summary>
/// <param name="Actor">Who acted: a user id (<c>user:&lt;id&gt;</c>), this node (<c>node</c>) or a peer node (<c>peer:XB</c>).</param>
/// <param name="Action">What happened, dotted lower case: <c>envelope.sent</c>, <c>envelope.received</c>, <c>keys.rotated</c>…</param>
/// <param name="ObjectType">The kind of object acted on: <c>envelope</c>, <c>instrument</c>, <c>notification</c>…</param>
/// <param name="ObjectId">The object's id.</param>
/// <param name="ContentSha256">base64url SHA-256 of the object's content at that moment, when it has content (an envelope's bytes); null otherwise.</param>
public sealed record AuditRecord(string Actor, string Action, string ObjectType, string ObjectId, string? ContentSha256 = null);

/// <summary>
/// Records audit and custody events. <see cref="Record"/> adds the event to the caller's unit of work
/// (the scoped <c>ComityDbContext</c>): it is stored by the caller's <c>SaveChanges</c>, in the same
/// transaction as the change it describes, or not at all.
/// </summary>
public interface IAuditTrail
{
    void Record(AuditRecord record);
}

/// <summary>Helpers for callers of <see cref="IAuditTrail.Record"/>: actors and content hashes in the log's conventions.</summary>
public static class Audit
{
    /// <summary>This node acting on its own (seeds, workers).</summary>
    public const string Node = "node";

    /// <summary><c>user:&lt;id&gt;</c> for a signed-in user (the id, not the name), or <see cref="Node"/> when there is none.</summary>
    public static string User(System.Security.Claims.ClaimsPrincipal? user) =>
        user?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { Length: > 0 } id ? "user:" + id
        : user?.Identity?.Name is { Length: > 0 } name ? "user:" + name
        : Node;

    /// <summary>A peer node, <c>peer:XB</c>.</summary>
    public static string Peer(string state) => "peer:" + state;

    /// <summary>base64url SHA-256 of UTF-8 text (e.g. a signed JWS as stored).</summary>
    public static string Sha256(string text) => Sha256(Encoding.UTF8.GetBytes(text));

    public static string Sha256(ReadOnlySpan<byte> content) =>
        Comity.Protocol.Jose.Base64Url.Encode(System.Security.Cryptography.SHA256.HashData(content));
}
