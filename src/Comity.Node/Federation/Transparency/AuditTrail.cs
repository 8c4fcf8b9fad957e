namespace Comity.Node.Federation.Transparency;

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

/// <summary>The node's latest signed transparency-log checkpoint, carried in every receipt it signs.</summary>
public interface ICheckpointSource
{
    /// <summary>The C2SP tlog-checkpoint note text (with the node's signature and any cosignatures), or null before the first checkpoint.</summary>
    Task<string?> LatestAsync(CancellationToken cancellationToken);
}
