using System.Globalization;
using System.Security.Claims;
using Comity.Node.Api;
using Comity.Node.Features.Federation.Ping;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Federation.Register;
using Comity.Node.Kernel;
using Comity.Node.Identity;
using Comity.Node.Storage;
using Comity.Protocol.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Features.Federation.Status;

/// <summary>An envelope this node sent, as the API lists it (no bytes, no content).</summary>
public sealed record OutboxItem(
    Guid Id,
    string To,
    string Conversation,
    long Seq,
    string Type,
    string Status,
    DateTimeOffset CreatedAt,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    string? LastError,
    int? ProblemStatus,
    string? ProblemCode,
    string? ProblemDetail,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? ReceiptReceivedAt,
    bool? CheckpointPresent);

/// <summary>One outbox envelope with its receipt.</summary>
/// <param name="Sha256">base64url SHA-256 of the envelope bytes sent.</param>
/// <param name="Receipt">The receipt JWS as received, once delivered.</param>
/// <param name="ReceiptVerified">Whether the receipt verified (ReceiptVerifier, against the bytes sent and the Register) when it was stored.</param>
public sealed record OutboxDetail(OutboxItem Envelope, string Sha256, string? Receipt, bool ReceiptVerified);

/// <summary>An envelope this node received.</summary>
public sealed record InboxItem(Guid Id, string From, string Conversation, long Seq, string Type, string Status, DateTimeOffset ReceivedAt, DateTimeOffset? AppliedAt);

/// <summary>A ping this node applied.</summary>
public sealed record ReceivedPingItem(Guid Id, Guid EnvelopeId, string From, string Conversation, long Seq, string? Message, DateTimeOffset SentAt, DateTimeOffset AppliedAt);

public sealed record OutboxCounts(int Pending, int Delivered, int Undeliverable);

public sealed record InboxCounts(int Applied, int Waiting);

/// <summary>Counts for dashboards and fault tests: <c>pingsApplied</c> counts applied pings, <c>pingsAppliedDistinct</c> distinct envelope ids (equal unless something applied twice).</summary>
public sealed record FederationStats(OutboxCounts Outbox, InboxCounts Inbox, int PingsApplied, int PingsAppliedDistinct);

/// <summary>Delivery health towards one peer node.</summary>
/// <param name="Circuit"><c>closed</c>, <c>open</c> or <c>half-open</c>.</param>
/// <param name="Undeliverable">Envelopes the peer refused (not retried until someone sends them again).</param>
/// <param name="Health">
/// <c>refusing</c> when the peer refused envelopes that are still undeliverable, <c>paused</c> when the circuit is open,
/// <c>failing</c> when attempts fail, else <c>healthy</c>: a peer that answers but refuses is not healthy.
/// </param>
public sealed record PeerHealth(
    string State,
    string Name,
    Uri Endpoint,
    DateTimeOffset? LastSuccessAt,
    int Backlog,
    DateTimeOffset? OldestPendingAt,
    int ConsecutiveFailures,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    string Circuit,
    int Undeliverable,
    string Health = "healthy");

public sealed record AlertItem(Guid Id, string Kind, string Peer, Guid? EnvelopeId, string Detail, DateTimeOffset CreatedAt);

internal static class OutboxView
{
    public static string Status(OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "pending",
        OutboxStatus.Delivered => "delivered",
        OutboxStatus.Undeliverable => "undeliverable",
    };

    public static string Status(InboxStatus status) => status switch
    {
        InboxStatus.Waiting => "waiting",
        InboxStatus.Applied => "applied",
        InboxStatus.Stale => "stale",
    };
}

/// <summary>Reads the federation state for the API and the federation page.</summary>
internal sealed class FederationStatusReader(
    ComityDbContext db,
    FederationRegisterView view,
    ICurrentRegister currentRegister,
    PeerCircuits circuits)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;

    public async Task<IReadOnlyList<OutboxItem>> OutboxAsync(OutboxStatus? status, string? peer, int limit, CancellationToken cancellationToken)
    {
        var query = db.Outbox().AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(o => o.Status == s);
        }

        if (peer is not null)
        {
            query = query.Where(o => o.Peer == peer);
        }

        // UUIDv7 ids sort by creation: newest first without sorting on the instant column.
        var rows = await query.OrderByDescending(o => o.Id).Take(limit).Select(o => new
        {
            o.Id, o.Peer, o.Conversation, o.Seq, o.Type, o.Status, o.CreatedAt, o.Attempts, o.NextAttemptAt, o.LastAttemptAt, o.LastError,
            o.ProblemStatus, o.ProblemCode, o.ProblemDetail, o.DeliveredAt, o.ReceiptReceivedAt, o.ReceiptHasCheckpoint,
        }).ToListAsync(cancellationToken);
        return [.. rows.Select(o => new OutboxItem(
            o.Id, o.Peer, o.Conversation, o.Seq, o.Type, OutboxView.Status(o.Status), o.CreatedAt, o.Attempts,
            o.Status == OutboxStatus.Pending ? o.NextAttemptAt : null, o.LastAttemptAt, o.LastError, o.ProblemStatus, o.ProblemCode, o.ProblemDetail,
            o.DeliveredAt, o.ReceiptReceivedAt, o.Status == OutboxStatus.Delivered ? o.ReceiptHasCheckpoint : null))];
    }

    public async Task<OutboxDetail?> OutboxEnvelopeAsync(Guid id, CancellationToken cancellationToken)
    {
        var o = await db.Outbox().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return o is null ? null : new OutboxDetail(
            new OutboxItem(o.Id, o.Peer, o.Conversation, o.Seq, o.Type, OutboxView.Status(o.Status), o.CreatedAt, o.Attempts,
                o.Status == OutboxStatus.Pending ? o.NextAttemptAt : null, o.LastAttemptAt, o.LastError, o.ProblemStatus, o.ProblemCode, o.ProblemDetail,
                o.DeliveredAt, o.ReceiptReceivedAt, o.Status == OutboxStatus.Delivered ? o.ReceiptHasCheckpoint : null),
            o.Sha256, o.Receipt, o.ReceiptVerified);
    }

    public async Task<IReadOnlyList<InboxItem>> InboxAsync(InboxStatus? status, string? peer, int limit, CancellationToken cancellationToken)
    {
        var query = db.Inbox().AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(i => i.Status == s);
        }

        if (peer is not null)
        {
            query = query.Where(i => i.From == peer);
        }

        var rows = await query.OrderByDescending(i => i.ReceivedAt).ThenByDescending(i => i.Id).Take(limit)
            .Select(i => new { i.Id, i.From, i.Conversation, i.Seq, i.Type, i.Status, i.ReceivedAt, i.AppliedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(i => new InboxItem(i.Id, i.From, i.Conversation, i.Seq, i.Type, OutboxView.Status(i.Status), i.ReceivedAt, i.AppliedAt))];
    }

    public async Task<IReadOnlyList<ReceivedPingItem>> ReceivedPingsAsync(int limit, CancellationToken cancellationToken) =>
        await db.Set<ReceivedPing>().AsNoTracking().OrderByDescending(p => p.AppliedAt).ThenByDescending(p => p.Id).Take(limit)
            .Select(p => new ReceivedPingItem(p.Id, p.EnvelopeId, p.From, p.Conversation, p.Seq, p.Message, p.SentAt, p.AppliedAt))
            .ToListAsync(cancellationToken);

    public async Task<FederationStats> StatsAsync(CancellationToken cancellationToken)
    {
        var outbox = await db.Outbox().GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var inbox = await db.Inbox().GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var pings = await db.Set<ReceivedPing>().CountAsync(cancellationToken);
        var distinct = await db.Set<ReceivedPing>().Select(p => p.EnvelopeId).Distinct().CountAsync(cancellationToken);
        int Out(OutboxStatus s) => outbox.FirstOrDefault(o => o.Key == s)?.Count ?? 0;
        int In(InboxStatus s) => inbox.FirstOrDefault(i => i.Key == s)?.Count ?? 0;
        return new FederationStats(
            new OutboxCounts(Out(OutboxStatus.Pending), Out(OutboxStatus.Delivered), Out(OutboxStatus.Undeliverable)),
            new InboxCounts(In(InboxStatus.Applied), In(InboxStatus.Waiting)),
            pings,
            distinct);
    }

    public async Task<IReadOnlyList<PeerHealth>> PeersAsync(CancellationToken cancellationToken)
    {
        var register = await view.GetAsync(db, currentRegister, cancellationToken);
        if (register is null)
        {
            return [];
        }

        var open = await db.Outbox().Where(o => o.Status != OutboxStatus.Delivered)
            .GroupBy(o => new { o.Peer, o.Status })
            .Select(g => new { g.Key.Peer, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var result = new List<PeerHealth>();
        foreach (var node in view.Peers(register))
        {
            var backlog = open.FirstOrDefault(o => o.Peer == node.State && o.Status == OutboxStatus.Pending)?.Count ?? 0;
            DateTimeOffset? oldest = backlog == 0 ? null : await db.Outbox().Where(o => o.Peer == node.State && o.Status == OutboxStatus.Pending)
                .OrderBy(o => o.Id).Select(o => (DateTimeOffset?)o.CreatedAt).FirstOrDefaultAsync(cancellationToken);
            var channel = circuits.Find(node.State);
            var lastSuccess = channel?.LastSuccessAt ?? await db.Outbox().Where(o => o.Peer == node.State && o.Status == OutboxStatus.Delivered)
                .OrderByDescending(o => o.Id).Select(o => o.DeliveredAt).FirstOrDefaultAsync(cancellationToken);
            var lastError = channel?.LastError ?? (backlog == 0 ? null : await db.Outbox()
                .Where(o => o.Peer == node.State && o.Status == OutboxStatus.Pending && o.LastError != null)
                .OrderByDescending(o => o.Id).Select(o => o.LastError).FirstOrDefaultAsync(cancellationToken));
            var undeliverable = open.FirstOrDefault(o => o.Peer == node.State && o.Status == OutboxStatus.Undeliverable)?.Count ?? 0;
            var circuit = channel?.Circuit ?? "closed";
            var failures = channel?.ConsecutiveFailures ?? 0;
            result.Add(new PeerHealth(
                node.State,
                node.Name,
                node.Endpoint,
                lastSuccess,
                backlog,
                oldest,
                failures,
                lastError,
                channel?.LastErrorAt,
                circuit,
                undeliverable,
                undeliverable > 0 ? "refusing" : circuit != "closed" ? "paused" : failures > 0 ? "failing" : "healthy"));
        }

        return result;
    }

    public async Task<IReadOnlyList<AlertItem>> AlertsAsync(int limit, CancellationToken cancellationToken) =>
        await db.FederationAlerts().AsNoTracking().OrderByDescending(a => a.Id).Take(limit)
            .Select(a => new AlertItem(a.Id, a.Kind, a.Peer, a.EnvelopeId, a.Detail, a.CreatedAt))
            .ToListAsync(cancellationToken);

    /// <summary>Which of these received envelopes are still waiting (a successor-refused alert's envelope that can be retried).</summary>
    public async Task<IReadOnlySet<Guid>> WaitingAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? new HashSet<Guid>()
            : (await db.Inbox().AsNoTracking().Where(r => ids.Contains(r.Id) && r.Status == InboxStatus.Waiting).Select(r => r.Id).ToListAsync(cancellationToken)).ToHashSet();

    public static bool TryReadStatus(string? text, out OutboxStatus? status)
    {
        status = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (Enum.TryParse<OutboxStatus>(text, ignoreCase: true, out var parsed) && !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            status = parsed;
            return true;
        }

        return false;
    }

    public static bool TryReadStatus(string? text, out InboxStatus? status)
    {
        status = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (Enum.TryParse<InboxStatus>(text, ignoreCase: true, out var parsed) && !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            status = parsed;
            return true;
        }

        return false;
    }
}

/// <summary>A retried envelope that was applied, with how many envelopes went in (it and those waiting after it).</summary>
public sealed record InboxRetryResponse(Guid Id, string Status, int Applied, string Detail);

internal static class FederationStatusEndpoints
{
    /// <summary>Who may read the federation state: node administrators, auditors, duty officers and their supervisors (federation health is on their dashboard).</summary>
    public const string ReadRoles = Roles.NodeAdmin + "," + Roles.Auditor + "," + Roles.DutyOfficer + "," + Roles.Supervisor;

    /// <summary>Who may read the federation state (<see cref="ReadRoles"/>).</summary>
    public static readonly AuthorizeAttribute Readers = new() { Roles = ReadRoles };

    /// <summary>Who may act on the inbox: node administrators.</summary>
    public static readonly AuthorizeAttribute Administrators = new() { Roles = Roles.NodeAdmin };

    public static void MapFederationStatus(this RouteGroupBuilder group)
    {
        group.MapGet("/outbox", async (string? status, string? peer, int? limit, FederationStatusReader reader, CancellationToken ct) =>
            {
                var errors = new List<ProblemError>();
                if (!FederationStatusReader.TryReadStatus(status, out OutboxStatus? parsed))
                {
                    errors.Add(new ProblemError("status", "federation.invalid-status", "status is pending, delivered or undeliverable."));
                }

                CheckPeerAndLimit(peer, limit, errors);
                return errors.Count > 0
                    ? Problems.Validation(errors)
                    : Results.Ok(await reader.OutboxAsync(parsed, peer, limit ?? FederationStatusReader.DefaultLimit, ct));
            })
            .WithName("ListOutbox")
            .WithSummary("Envelopes this node sent, newest first: status (pending, delivered, undeliverable), attempts, next attempt, last error, refusal. Filters: status, peer, limit (1–1000, default 50).")
            .Produces<IReadOnlyList<OutboxItem>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization(Readers);

        group.MapGet("/outbox/{id:guid}", async (Guid id, FederationStatusReader reader, CancellationToken ct) =>
                await reader.OutboxEnvelopeAsync(id, ct) is { } detail
                    ? Results.Ok(detail)
                    : Problems.NotFound("federation.envelope-not-found", $"This node sent no envelope {id}."))
            .WithName("GetOutboxEnvelope")
            .WithSummary("One envelope this node sent, with the receipt JWS and whether it verified.")
            .Produces<OutboxDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Readers);

        group.MapGet("/inbox", async (string? status, string? peer, int? limit, FederationStatusReader reader, CancellationToken ct) =>
            {
                var errors = new List<ProblemError>();
                if (!FederationStatusReader.TryReadStatus(status, out InboxStatus? parsed))
                {
                    errors.Add(new ProblemError("status", "federation.invalid-status", "status is applied, waiting or stale."));
                }

                CheckPeerAndLimit(peer, limit, errors);
                return errors.Count > 0
                    ? Problems.Validation(errors)
                    : Results.Ok(await reader.InboxAsync(parsed, peer, limit ?? FederationStatusReader.DefaultLimit, ct));
            })
            .WithName("ListInbox")
            .WithSummary("Envelopes this node received, newest first: applied, or waiting for a predecessor in their conversation. Filters: status, peer, limit.")
            .Produces<IReadOnlyList<InboxItem>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization(Readers);

        group.MapGet("/pings/received", async (int? limit, FederationStatusReader reader, CancellationToken ct) =>
            {
                var errors = new List<ProblemError>();
                CheckPeerAndLimit(null, limit, errors);
                return errors.Count > 0
                    ? Problems.Validation(errors)
                    : Results.Ok(await reader.ReceivedPingsAsync(limit ?? FederationStatusReader.DefaultLimit, ct));
            })
            .WithName("ListReceivedPings")
            .WithSummary("Pings this node applied, newest first (one row per application).")
            .Produces<IReadOnlyList<ReceivedPingItem>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization(Readers);

        group.MapGet("/stats", async (FederationStatusReader reader, CancellationToken ct) => Results.Ok(await reader.StatsAsync(ct)))
            .WithName("GetFederationStats")
            .WithSummary("Counts: outbox pending/delivered/undeliverable, inbox applied/waiting, pings applied and distinct pings applied.")
            .Produces<FederationStats>()
            .RequireAuthorization(Readers);

        group.MapGet("/peers", async (FederationStatusReader reader, CancellationToken ct) => Results.Ok(await reader.PeersAsync(ct)))
            .WithName("ListPeers")
            .WithSummary("Delivery health per other node of the Register: last success, backlog, oldest pending, consecutive failures, last error, circuit, undeliverable count.")
            .Produces<IReadOnlyList<PeerHealth>>()
            .RequireAuthorization(Readers);

        group.MapPost("/inbox/{id:guid}/retry", async (Guid id, ClaimsPrincipal user, EnvelopeInbox inbox, CancellationToken ct) =>
                (await inbox.RetryWaitingAsync(id, Audit.User(user), ct)).ToHttp(retried => Results.Ok(new InboxRetryResponse(id, "applied", retried.Applied, retried.Detail))))
            .WithName("RetryWaitingEnvelope")
            .WithSummary("Node administrators: apply again a waiting envelope that is next in its conversation but was refused by its handler when its turn came (a successor-refused alert), and the waiting envelopes after it. 409 when it is refused again (it stays waiting), is not waiting, or still waits for its predecessor.")
            .Produces<InboxRetryResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Administrators);

        group.MapGet("/alerts", async (int? limit, FederationStatusReader reader, CancellationToken ct) =>
            {
                var errors = new List<ProblemError>();
                CheckPeerAndLimit(null, limit, errors);
                return errors.Count > 0
                    ? Problems.Validation(errors)
                    : Results.Ok(await reader.AlertsAsync(limit ?? FederationStatusReader.DefaultLimit, ct));
            })
            .WithName("ListFederationAlerts")
            .WithSummary("Federation alerts, newest first: replays, refusals, envelopes undeliverable too long, receipts that did not verify.")
            .Produces<IReadOnlyList<AlertItem>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization(Readers);
    }

    private static void CheckPeerAndLimit(string? peer, int? limit, List<ProblemError> errors)
    {
        if (peer is not null && !FederationJson.IsStateCode(peer))
        {
            errors.Add(new ProblemError("peer", "federation.invalid-state", "peer is a State: two capital letters, or UN."));
        }

        if (limit is < 1 or > FederationStatusReader.MaxLimit)
        {
            errors.Add(new ProblemError("limit", "federation.invalid-limit", $"limit is between 1 and {FederationStatusReader.MaxLimit}."));
        }
    }
}
