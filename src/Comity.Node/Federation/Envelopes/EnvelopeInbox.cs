using System.Globalization;
using System.Text;
using System.Text.Json;
using Comity.Node.Api;
using Comity.Node.Federation.Keys;
using Comity.Node.Federation.Register;
using Comity.Node.Federation.Transparency;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comity.Node.Federation.Envelopes;

/// <summary>What the inbox answers a delivery: a receipt (200), or the refusal (a problem document).</summary>
/// <param name="Receipt">The receipt JWS, when accepted (new or duplicate).</param>
internal sealed record InboxOutcome(string? Receipt, Error? Refusal)
{
    public static InboxOutcome Accepted(string receipt) => new(receipt, null);

    public static InboxOutcome Refused(FederationProblem problem, string detail) => new(null, Problems.ForStatus(problem.Status, problem.Code, problem.Title, detail));

    public static InboxOutcome Refused(Error refusal) => new(null, refusal);
}

/// <summary>
/// The receiving side of <c>POST /federation/v1/envelopes</c>: verifies the envelope against the Register
/// this node holds, refuses types it does not handle, then in one transaction stores it in the inbox
/// (keyed by id), applies it and any stored successors in <c>seq</c> order, and answers with a signed receipt.
/// Duplicates get the stored receipt; the same id with other bytes is a replay (409, alerted).
/// </summary>
internal sealed partial class EnvelopeInbox(
    ComityDbContext db,
    ICurrentRegister currentRegister,
    FederationRegisterView view,
    IEnumerable<IEnvelopeHandler> handlers,
    INodeKeys keys,
    ICheckpointSource checkpoints,
    IAuditTrail audit,
    IIdGenerator ids,
    IOptions<EnvelopeOptions> options,
    TimeProvider time,
    EnvelopeMetrics metrics,
    InboxWriter writer,
    SqliteWriteGate writeGate,
    ILogger<EnvelopeInbox> logger)
{
    private const int MaxRaces = 8;
    private const string SeqConflictOutcome = "seq-conflict";

    private Dictionary<string, IEnvelopeHandler>? byType;

    /// <summary>The handlers by envelope type, built once per inbox (one per batch scope).</summary>
    private Dictionary<string, IEnvelopeHandler> ByType => byType ??= handlers.ToDictionary(h => h.Type, StringComparer.Ordinal);

    public static FederationProblem NoRegister { get; } = new(StatusCodes.Status503ServiceUnavailable, "federation.no-register", "This node holds no Register yet.");

    /// <summary>
    /// A second, different envelope with a (conversation, seq) the sender already used and this node holds waiting.
    /// Permanent: storing it would leave two candidates for one seq and stall the conversation.
    /// </summary>
    public static FederationProblem SeqConflict { get; } = new(StatusCodes.Status409Conflict, "federation.seq-conflict", "Another envelope with this conversation and seq was already received.");

    public async Task<InboxOutcome> ReceiveAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var register = await view.GetAsync(db, currentRegister, cancellationToken);
        if (register is null)
        {
            // Not the sender's fault and not permanent: it retries once this node has synced the Register.
            return InboxOutcome.Refused(NoRegister, "This node has not verified a Register yet, so it cannot check who signed the envelope. Try again later.");
        }

        var now = time.GetUtcNow();
        var verification = EnvelopeVerifier.Verify(bytes, register, view.OwnState, now, settings.MaxClockSkew, settings.MaxEnvelopeBytes, settings.MaxAge);
        if (!verification.IsAccepted)
        {
            var problem = FederationRefusals.Problem(verification.Verdict);
            metrics.Refused.Add(1, new KeyValuePair<string, object?>("code", problem.Code));
            LogRefused(problem.Code, verification.Message);
            return InboxOutcome.Refused(problem, verification.Message);
        }

        var envelope = verification.Envelope!;
        if (!ByType.ContainsKey(envelope.Type))
        {
            metrics.Refused.Add(1, new KeyValuePair<string, object?>("code", FederationRefusals.UnknownType.Code));
            LogRefused(FederationRefusals.UnknownType.Code, envelope.Type);
            return InboxOutcome.Refused(FederationRefusals.UnknownType, $"This node does not handle envelopes of type {envelope.Type}.");
        }

        var id = Guid.Parse(envelope.Id);
        var sha256 = FederationJson.Sha256(bytes);
        var checkpoint = await checkpoints.LatestAsync(cancellationToken);
        var receiptPayload = ReceiptSigner.For(envelope.Id, bytes, now, view.OwnState, checkpoint);
        if (FederationJson.Problem(receiptPayload) is { } receiptProblem)
        {
            throw new InvalidOperationException("This node built an invalid receipt: " + receiptProblem);
        }

        var receipt = await keys.SignJwsAsync(FederationJson.SerializeToUtf8Bytes(receiptPayload), ReceiptV1.MediaType, cancellationToken);

        // One envelope at a time per conversation in this process (striped locks): envelopes of one
        // conversation never share a batch and never race each other's concurrency check. The check
        // still guards several processes on one database.
        var stripe = ConversationLocks.For(envelope.From, envelope.Conversation);
        await stripe.WaitAsync(cancellationToken);
        InboxWrite written;
        try
        {
            written = await writer.SubmitAsync(new InboxItem(envelope, id, bytes, sha256, receipt, now), db.Database.IsSqlite(), cancellationToken);
        }
        finally
        {
            stripe.Release();
        }

        if (written.Outcome.Refusal?.Code == SeqConflict.Code)
        {
            metrics.Refused.Add(1, new KeyValuePair<string, object?>("code", SeqConflict.Code));
            LogRefused(SeqConflict.Code, $"envelope {envelope.Id} from {envelope.From}: seq {envelope.Seq.ToString(CultureInfo.InvariantCulture)} is already held by another envelope");
        }
        else if (written.Outcome.Refusal?.Code == FederationRefusals.Replay.Code)
        {
            metrics.Replays.Add(1, new KeyValuePair<string, object?>("from", envelope.From));
            metrics.Refused.Add(1, new KeyValuePair<string, object?>("code", FederationRefusals.Replay.Code));
            LogReplay(envelope.Id, envelope.From);
        }
        else if (written.Outcome.Refusal is { } refusal)
        {
            metrics.Refused.Add(1, new KeyValuePair<string, object?>("code", refusal.Code));
            LogRefused(refusal.Code, refusal.Detail);
        }
        else
        {
            metrics.Received.Add(1, new KeyValuePair<string, object?>("outcome", written.Received));
        }

        return written.Outcome;
    }

    /// <summary>
    /// Writes a batch of verified envelopes in one transaction (group commit; this instance belongs to the
    /// batch's own scope, so handlers add to the batch's unit of work). Each envelope is stored, de-duplicated
    /// and applied on its own, inside its own savepoint: one that fails is rolled back alone and its sender
    /// gets the failure, the others are committed. Outcomes are returned once the transaction is committed.
    /// </summary>
    public async Task<IReadOnlyList<GroupCommitOutcome<InboxWrite>>> WriteBatchAsync(IReadOnlyList<InboxItem> items)
    {
        var cancellationToken = CancellationToken.None;
        var outcomes = new GroupCommitOutcome<InboxWrite>[items.Count];
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        for (var i = 0; i < items.Count; i++)
        {
            outcomes[i] = await WriteOneAsync(transaction, items[i], cancellationToken);
        }

        // Envelopes that handlers enqueued in the batch (a request's received event) go out on commit (AfterCommit).
        await transaction.CommitAsync(cancellationToken);
        return outcomes;
    }

    private async Task<GroupCommitOutcome<InboxWrite>> WriteOneAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, InboxItem item, CancellationToken cancellationToken)
    {
        const string savepoint = "envelope";
        for (var race = 1; ; race++)
        {
            db.ChangeTracker.Clear();
            await transaction.CreateSavepointAsync(savepoint, cancellationToken);
            try
            {
                InboxWrite written;
                if (await FindAsync(item.Id, cancellationToken) is { } known)
                {
                    written = await AnswerKnownAsync(item.Envelope, known.Bytes, known.Receipt, item.Bytes, item.Now, cancellationToken);
                }
                else
                {
                    var (outcome, refusal) = await StoreAndApplyAsync(item.Envelope, item.Id, item.Bytes, item.Sha256, item.Receipt, item.Now, cancellationToken);
                    if (refusal is not null)
                    {
                        // Its handler refuses it: nothing of it is stored, and its sender gets the refusal.
                        await transaction.RollbackToSavepointAsync(savepoint, cancellationToken);
                        db.ChangeTracker.Clear();
                        return GroupCommitOutcome<InboxWrite>.Success(new InboxWrite(InboxOutcome.Refused(refusal), null));
                    }

                    await db.SaveChangesAsync(cancellationToken);
                    written = outcome == SeqConflictOutcome
                        ? new InboxWrite(InboxOutcome.Refused(SeqConflict, $"{item.Envelope.From} already sent another envelope with seq {item.Envelope.Seq.ToString(CultureInfo.InvariantCulture)} in conversation {item.Envelope.Conversation}; this node holds it waiting and refuses the second."), null)
                        : new InboxWrite(InboxOutcome.Accepted(item.Receipt), outcome);
                }

                await transaction.ReleaseSavepointAsync(savepoint, cancellationToken);
                return GroupCommitOutcome<InboxWrite>.Success(written);
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsLostRace(e) && race < MaxRaces)
            {
                // Another process took this (conversation, seq) or id first: start this envelope again.
                await transaction.RollbackToSavepointAsync(savepoint, cancellationToken);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // This envelope alone fails (a handler's bug, a lost race too many): the others stay.
                await transaction.RollbackToSavepointAsync(savepoint, cancellationToken);
                db.ChangeTracker.Clear();
                return GroupCommitOutcome<InboxWrite>.Failure(e);
            }
        }
    }

    /// <summary>Adds the inbox row and applies what is now in order; returns the outcome for the metric, or its handler's refusal.</summary>
    private async Task<(string Outcome, Error? Refusal)> StoreAndApplyAsync(EnvelopeV1 envelope, Guid id, byte[] bytes, string sha256, string receipt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var conversation = await db.InboxConversations().FindAsync([envelope.From, envelope.Conversation], cancellationToken);
        if (conversation is null)
        {
            conversation = new InboxConversation { From = envelope.From, Conversation = envelope.Conversation, NextSeq = 1 };
            db.InboxConversations().Add(conversation);
        }

        if (envelope.Seq > conversation.NextSeq && conversation.Waiting > 0
            && await db.Inbox().AnyAsync(r => r.From == envelope.From && r.Conversation == envelope.Conversation && r.Seq == envelope.Seq && r.Status == InboxStatus.Waiting, cancellationToken))
        {
            // Not stored: only the alert is committed. The conversation row is touched so a racing
            // transaction of the same conversation (another process) still conflicts.
            conversation.Version++;
            AddAlert(FederationAlert.Replay, envelope.From, id, $"Envelope {envelope.Id} from {envelope.From} has seq {envelope.Seq.ToString(CultureInfo.InvariantCulture)} in conversation {envelope.Conversation}, which another waiting envelope already holds; refused ({SeqConflict.Code}).", now);
            return (SeqConflictOutcome, null);
        }

        conversation.Version++;
        conversation.LastReceivedAt = now;
        var row = new InboxEnvelope
        {
            Id = id,
            From = envelope.From,
            Conversation = envelope.Conversation,
            Seq = envelope.Seq,
            Type = envelope.Type,
            Bytes = bytes,
            Sha256 = sha256,
            ReceivedAt = now,
            Status = InboxStatus.Waiting,
            Receipt = receipt,
        };
        db.Inbox().Add(row);
        var actor = "peer:" + envelope.From;
        audit.Record(new AuditRecord(actor, "envelope.received", "envelope", envelope.Id, sha256));

        if (envelope.Seq < conversation.NextSeq)
        {
            row.Status = InboxStatus.Stale;
            AddAlert(FederationAlert.Replay, envelope.From, id, $"Envelope {envelope.Id} from {envelope.From} has seq {envelope.Seq.ToString(CultureInfo.InvariantCulture)} in conversation {envelope.Conversation}, which was already applied under another id; it was acknowledged but not applied.", now);
            return ("stale", null);
        }

        if (envelope.Seq > conversation.NextSeq)
        {
            conversation.Waiting++;
            return ("waiting", null);
        }

        if (!ByType.TryGetValue(envelope.Type, out var handler))
        {
            // Checked before the batch; a handler cannot disappear in between within one process.
            throw new InvalidOperationException($"No handler for envelope type {envelope.Type}.");
        }

        if (await ApplyAsync(row, envelope, handler, now, cancellationToken) is { } refusal)
        {
            return ("refused", refusal);
        }

        conversation.NextSeq++;
        await ApplyWaitingSuccessorsAsync(conversation, now, cancellationToken);
        return ("applied", null);
    }

    /// <summary>
    /// Applies, in seq order, the waiting envelopes that are now next in the conversation, each in its own
    /// savepoint, until one is missing or refused. Returns how many were applied.
    /// </summary>
    private async Task<int> ApplyWaitingSuccessorsAsync(InboxConversation conversation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (conversation.Waiting <= 0)
        {
            return 0;
        }

        var (from, name) = (conversation.From, conversation.Conversation);
        var successors = await db.Inbox()
            .Where(r => r.From == from && r.Conversation == name && r.Status == InboxStatus.Waiting && r.Seq >= conversation.NextSeq)
            .OrderBy(r => r.Seq)
            .ToListAsync(cancellationToken);
        var applied = 0;
        foreach (var next in successors)
        {
            if (next.Seq < conversation.NextSeq)
            {
                // A second envelope with a seq just applied (stored before seq conflicts were refused): stale, never applied.
                next.Status = InboxStatus.Stale;
                conversation.Waiting--;
                continue;
            }

            if (next.Seq != conversation.NextSeq)
            {
                break;
            }

            var stored = Decode(next.Bytes);
            if (!ByType.TryGetValue(stored.Type, out var nextHandler))
            {
                // Its type was handled when it was received; a node that dropped the handler since leaves it waiting.
                break;
            }

            if ((await ApplySuccessorAsync(conversation, next, stored, nextHandler, now, cancellationToken)).Kept is not { } kept)
            {
                break;
            }

            conversation = kept;
            applied++;
        }

        return applied;
    }

    /// <summary>
    /// A node administrator's retry of a waiting envelope that is next in its conversation: one whose handler
    /// refused it when its turn came (a <c>successor-refused</c> alert), for instance because the sender's new
    /// key was not in the Register yet. In one transaction it is applied through its handler and so are the
    /// waiting envelopes after it, in order; when its handler refuses it again it stays waiting, the refusal is
    /// alerted again, and the reason is returned. Audited either way.
    /// </summary>
    public async Task<Result<InboxRetried>> RetryWaitingAsync(Guid id, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var probe = await db.Inbox().AsNoTracking().Where(r => r.Id == id).Select(r => new { r.From, r.Conversation }).FirstOrDefaultAsync(cancellationToken);
        if (probe is null)
        {
            return Error.NotFound("federation.envelope-not-found", $"This node received no envelope {id}.");
        }

        // The same order as deliveries of that conversation: its stripe in this process, then the database's writer.
        var stripe = ConversationLocks.For(probe.From, probe.Conversation);
        await stripe.WaitAsync(cancellationToken);
        try
        {
            using (await writeGate.EnterAsync(db, cancellationToken))
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var row = await db.Inbox().FirstAsync(r => r.Id == id, cancellationToken);
                var conversation = await db.InboxConversations().FindAsync([row.From, row.Conversation], cancellationToken);
                if (row.Status != InboxStatus.Waiting)
                {
                    return Error.Conflict("federation.not-waiting", $"Envelope {id} is {row.Status.ToString().ToLowerInvariant()}, not waiting: there is nothing to retry.");
                }

                if (conversation is null || row.Seq != conversation.NextSeq)
                {
                    var next = conversation?.NextSeq ?? 1;
                    return Error.Conflict(
                        "federation.awaiting-predecessor",
                        $"Envelope {id} has seq {row.Seq.ToString(CultureInfo.InvariantCulture)}; conversation {row.Conversation} from {row.From} still waits for seq {next.ToString(CultureInfo.InvariantCulture)}. It will be applied when that arrives.");
                }

                var stored = Decode(row.Bytes);
                if (!ByType.TryGetValue(stored.Type, out var handler))
                {
                    return Error.Conflict("federation.no-handler", $"This node no longer handles envelopes of type {stored.Type}.");
                }

                var now = time.GetUtcNow();
                conversation.Version++;
                var (kept, refusal) = await ApplySuccessorAsync(conversation, row, stored, handler, now, cancellationToken);
                var applied = 0;
                if (kept is not null)
                {
                    applied = 1 + await ApplyWaitingSuccessorsAsync(kept, now, cancellationToken);
                }

                audit.Record(new AuditRecord(actor, kept is null ? "envelope.retry-refused" : "envelope.retried", "envelope", stored.Id, row.Sha256));
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return kept is null
                    ? Error.Conflict("federation.retry-refused", $"Its handler refused envelope {id} again: {refusal} It stays waiting.")
                    : new InboxRetried(applied, $"Envelope {id} was applied, with {(applied - 1).ToString(CultureInfo.InvariantCulture)} waiting after it.");
            }
        }
        finally
        {
            stripe.Release();
        }
    }

    /// <summary>
    /// Applies a waiting successor inside its own savepoint, after what came before it is saved. Its sender
    /// already holds a receipt, so a refusal by its handler cannot answer anybody: it stays waiting (the
    /// conversation stops there, as it would had it arrived in order and been refused) and the refusal is
    /// alerted to this node's administrators. Its predecessor, which the sender is waiting on, is kept.
    /// Returns the conversation row to go on with, or null and the handler's reason when the successor was refused.
    /// </summary>
    private async Task<(InboxConversation? Kept, string? Refusal)> ApplySuccessorAsync(InboxConversation conversation, InboxEnvelope next, EnvelopeV1 stored, IEnvelopeHandler handler, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string savepoint = "successor";
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Successors are applied inside the inbox's transaction.");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CreateSavepointAsync(savepoint, cancellationToken);
        string reason;
        try
        {
            if (await ApplyAsync(next, stored, handler, now, cancellationToken) is not { } refusal)
            {
                conversation.NextSeq++;
                conversation.Waiting--;
                await db.SaveChangesAsync(cancellationToken);
                await transaction.ReleaseSavepointAsync(savepoint, cancellationToken);
                return (conversation, null);
            }

            reason = refusal.Detail;
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException) && !(e is DbUpdateException u && DatabaseErrors.IsLostRace(u)))
        {
            // A bug or a failure while applying it: the predecessor is kept all the same, and the administrators see why.
            reason = e.Message;
        }

        await transaction.RollbackToSavepointAsync(savepoint, cancellationToken);
        db.ChangeTracker.Clear();
        AddAlert(FederationAlert.SuccessorRefused, stored.From, next.Id, $"Envelope {stored.Id} from {stored.From} (seq {stored.Seq.ToString(CultureInfo.InvariantCulture)} in conversation {stored.Conversation}) was received before its predecessor and receipted; when its turn came its handler refused it: {reason} It stays waiting and the conversation stops there.", now);
        LogSuccessorRefused(stored.Id, stored.From, reason);
        return (null, reason);
    }

    private async Task<Error?> ApplyAsync(InboxEnvelope row, EnvelopeV1 envelope, IEnvelopeHandler handler, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await handler.ApplyAsync(envelope, db, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        row.Status = InboxStatus.Applied;
        row.AppliedAt = now;
        audit.Record(new AuditRecord("peer:" + envelope.From, "envelope.applied", "envelope", envelope.Id, row.Sha256));
        return null;
    }

    /// <summary>The id is already in the inbox: the same bytes are a duplicate (stored receipt), other bytes a replay (409, alerted).</summary>
    private async Task<InboxWrite> AnswerKnownAsync(EnvelopeV1 envelope, byte[] storedBytes, string storedReceipt, byte[] bytes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (storedBytes.AsSpan().SequenceEqual(bytes))
        {
            return new InboxWrite(InboxOutcome.Accepted(storedReceipt), "duplicate");
        }

        AddAlert(FederationAlert.Replay, envelope.From, Guid.Parse(envelope.Id), $"{envelope.From} sent envelope {envelope.Id} again with different bytes (SHA-256 {FederationJson.Sha256(bytes)}, stored {FederationJson.Sha256(storedBytes)}); refused as a replay.", now);
        await db.SaveChangesAsync(cancellationToken);
        return new InboxWrite(InboxOutcome.Refused(FederationRefusals.Replay, $"Envelope {envelope.Id} was already received from {envelope.From} with different bytes."), null);
    }

    private async Task<(byte[] Bytes, string Receipt)?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Inbox().AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Bytes, r.Receipt }).FirstOrDefaultAsync(cancellationToken) is { } row
            ? (row.Bytes, row.Receipt)
            : null;

    private void AddAlert(string kind, string peer, Guid? envelopeId, string detail, DateTimeOffset now) =>
        db.FederationAlerts().Add(new FederationAlert { Id = ids.NewId(), Kind = kind, Peer = peer, EnvelopeId = envelopeId, Detail = detail, CreatedAt = now });

    /// <summary>The payload of envelope bytes this node already verified and stored.</summary>
    public static EnvelopeV1 Decode(byte[] bytes)
    {
        var jws = JsonSerializer.Deserialize<JwsFlattenedJson>(bytes) ?? throw new InvalidOperationException("A stored envelope is not a JWS.");
        return FederationJson.DeserializeEnvelope(Base64Url.Decode(jws.Payload));
    }

    /// <summary>Reads a request body up to <paramref name="limit"/> bytes; null when it is longer (nothing past limit + 1 is read).</summary>
    public static async Task<byte[]?> ReadLimitedAsync(Stream body, long? contentLength, int limit, CancellationToken cancellationToken)
    {
        if (contentLength > limit)
        {
            return null;
        }

        var buffer = new byte[contentLength is { } length ? (int)length + 1 : Math.Min(limit + 1, 16 * 1024)];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (buffer.Length > limit)
                {
                    return null;
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, limit + 1L));
            }

            var read = await body.ReadAsync(buffer.AsMemory(total), cancellationToken);
            if (read == 0)
            {
                break;
            }

            total += read;
            if (total > limit)
            {
                return null;
            }
        }

        return total == buffer.Length ? buffer : buffer[..total];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an envelope ({Code}): {Reason}")]
    private partial void LogRefused(string code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Envelope {EnvelopeId} from {From}, receipted while it waited for its predecessor, was refused by its handler when its turn came: {Reason}")]
    private partial void LogSuccessorRefused(string envelopeId, string from, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused envelope {EnvelopeId} from {From} as a replay: the id was already received with other bytes")]
    private partial void LogReplay(string envelopeId, string from);
}

/// <summary>A retried envelope was applied: how many envelopes went in (it and those waiting after it), in words.</summary>
internal sealed record InboxRetried(int Applied, string Detail);

/// <summary>A verified envelope with its signed receipt, on its way into the inbox.</summary>
internal sealed record InboxItem(EnvelopeV1 Envelope, Guid Id, byte[] Bytes, string Sha256, string Receipt, DateTimeOffset Now);

/// <summary>What writing an envelope came to: the answer, and for an accepted one the outcome for the metric.</summary>
internal sealed record InboxWrite(InboxOutcome Outcome, string? Received);

/// <summary>The inbox's group commit: envelopes arriving together are stored and applied in one transaction (one fsync).</summary>
internal sealed class InboxWriter(IServiceScopeFactory scopes, SqliteWriteGate gate)
{
    private readonly GroupCommit<InboxItem, InboxWrite> commit = new(gate, async items =>
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EnvelopeInbox>().WriteBatchAsync(items);
    });

    public Task<InboxWrite> SubmitAsync(InboxItem item, bool sqlite, CancellationToken cancellationToken) =>
        commit.SubmitAsync(item, sqlite, cancellationToken);
}

/// <summary>Striped in-process locks by (sender, conversation).</summary>
internal static class ConversationLocks
{
    private static readonly SemaphoreSlim[] Stripes = [.. Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1))];

    public static SemaphoreSlim For(string from, string conversation) =>
        Stripes[(int)((uint)HashCode.Combine(StringComparer.Ordinal.GetHashCode(from), StringComparer.Ordinal.GetHashCode(conversation)) % (uint)Stripes.Length)];
}

/// <summary>The receiving endpoint.</summary>
internal static class EnvelopeEndpoints
{
    public const string EnvelopeMediaType = "application/comity-envelope+json";
    public const string ReceiptMediaType = "application/comity-receipt+json";

    public static void MapEnvelopeReceiver(this IEndpointRouteBuilder app)
    {
        app.MapPost("/federation/v1/envelopes", async (HttpRequest request, EnvelopeInbox inbox, IOptions<EnvelopeOptions> options, CancellationToken ct) =>
            {
                var limit = options.Value.MaxEnvelopeBytes;
                var body = await EnvelopeInbox.ReadLimitedAsync(request.Body, request.ContentLength, limit, ct);
                if (body is null)
                {
                    var tooLarge = FederationRefusals.Problem(EnvelopeVerdict.TooLarge);
                    return Problems.Simple(tooLarge.Status, tooLarge.Code, tooLarge.Title, $"The envelope is larger than this node's limit of {limit.ToString(CultureInfo.InvariantCulture)} bytes.");
                }

                var outcome = await inbox.ReceiveAsync(body, ct);
                return outcome.Receipt is { } receipt
                    ? Results.Text(receipt, ReceiptMediaType, Encoding.UTF8, StatusCodes.Status200OK)
                    : Problems.From(outcome.Refusal!);
            })
            .WithTags("Federation")
            .WithName("ReceiveEnvelope")
            .WithSummary("A peer node's signed envelope (JWS, flattened JSON, typ comity-envelope+json). Authenticated by its signature against the Register; answered with a signed receipt (application/comity-receipt+json) or an RFC 9457 problem document.")
            .Accepts<JwsFlattenedJson>(EnvelopeMediaType, "application/jose+json", "application/json")
            .Produces<JwsFlattenedJson>(StatusCodes.Status200OK, ReceiptMediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AllowAnonymous()
            .DisableAntiforgery();
    }
}
