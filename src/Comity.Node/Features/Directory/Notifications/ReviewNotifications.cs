using System.Security.Claims;
using System.Text.Json;
using Comity.Node.Api;
using Comity.Node.Federation.Register;
using Comity.Node.Kernel;
using Comity.Node.Identity;
using Comity.Node.Storage;
using Comity.Protocol.V1;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Features.Directory.Notifications;

/// <summary>A notification in the review queue.</summary>
public sealed record NotificationSummary(Guid Id, string State, string Status, DateTimeOffset SubmittedAt, DateTimeOffset ReceivedAt, bool FirstRegistration, string KeyThumbprint, int Designations, int ServiceProviders);

/// <summary>One difference between a notification and what is published for its State.</summary>
/// <param name="Change"><c>added</c>, <c>removed</c> or <c>changed</c>.</param>
/// <param name="Subject"><c>node</c>, <c>designation</c> or <c>serviceProvider</c>.</param>
/// <param name="Label">The office, the provider's name, or for the node <c>endpoint</c> or <c>keys</c>.</param>
/// <param name="Role">For a designation, its role (<c>centralAuthority</c>, <c>pointOfContact247</c>, …).</param>
public sealed record DirectoryChange(string Change, string Subject, string Label, string? Before, string? After, string? Role = null);

/// <summary>A notification with its content, the review outcome and its differences from what is published now.</summary>
public sealed record NotificationDetails(
    NotificationSummary Summary,
    DirectoryNotificationV1 Content,
    string? Reason,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt,
    long? RegisterSerial,
    IReadOnlyList<DirectoryChange> Changes,
    string Jws);

/// <param name="Reason">Why the notification is rejected (1 to 2000 characters); the State's node sees it.</param>
public sealed record RejectNotificationRequest(string? Reason);

/// <summary>The Secretariat's review queue (offered there only, see the endpoints); approving replaces the State's published content and publishes a new Register.</summary>
internal sealed class ReviewNotificationsHandler(ComityDbContext db, IRegisterPublisher publisher, TimeProvider time, IIdGenerator ids, Comity.Node.Kernel.IAuditTrail audit, ILogger<ReviewNotificationsHandler> logger)
{
    public const int MaxReasonLength = 2000;

    public async Task<Result<IReadOnlyList<NotificationSummary>>> ListAsync(string? status, CancellationToken cancellationToken)
    {
        NotificationStatus? filter = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<NotificationStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Error.Invalid("status", "directory.unknown-status", "Use pending, approved or rejected.");
            }

            filter = parsed;
        }

        var query = db.Set<DirectoryNotificationRecord>().AsNoTracking();
        if (filter is { } f)
        {
            query = query.Where(n => n.Status == f);
        }

        var records = await query.OrderByDescending(n => n.ReceivedAt).Take(500).ToListAsync(cancellationToken);
        return records.Select(Summary).ToList();
    }

    public async Task<Result<NotificationDetails>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var record = await db.Set<DirectoryNotificationRecord>().AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (record is null)
        {
            return DirectoryErrors.UnknownNotification;
        }

        var published = await db.Set<PublishedStateDirectory>().AsNoTracking().SingleOrDefaultAsync(p => p.State == record.State, cancellationToken);
        var content = Content(record.Payload);
        var changes = Diff(published is null ? null : Content(published.Payload), content);
        return new NotificationDetails(Summary(record), content, record.Reason, record.ReviewedBy, record.ReviewedAt, record.RegisterSerial, changes, record.Jws);
    }

    public async Task<Result<NotificationDetails>> ApproveAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var record = await db.Set<DirectoryNotificationRecord>().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (record is null)
        {
            return DirectoryErrors.UnknownNotification;
        }

        if (record.Status != NotificationStatus.Pending)
        {
            return AlreadyReviewed(record.Status);
        }

        var published = await db.Set<PublishedStateDirectory>().SingleOrDefaultAsync(p => p.State == record.State, cancellationToken);
        if (published is not null && Content(published.Payload).SubmittedAt > record.SubmittedAt)
        {
            return Error.Conflict("directory.notification-superseded", "A later notification of this State is published already; approving this one would bring back older entries.");
        }

        var now = time.GetUtcNow();
        if (published is null)
        {
            published = new PublishedStateDirectory { State = record.State, Payload = "" };
            db.Add(published);
        }

        published.NotificationId = record.Id;
        published.Payload = record.Payload;
        published.ApprovedAt = now;
        record.Status = NotificationStatus.Approved;
        record.ReviewedBy = user.Identity?.Name;
        record.ReviewedAt = now;
        audit.Record(new Comity.Node.Kernel.AuditRecord(Comity.Node.Kernel.Audit.User(user), "directory.notification-approved", "notification", record.Id.ToString("D"), Comity.Node.Kernel.Audit.Sha256(record.Jws)));
        RegisterPublicationDue.Mark(db, ids.NewId(), "directory.notification-approved", now);
        await db.SaveChangesAsync(cancellationToken);

        // Published after the approval is stored, so the publisher's directory source reads it. Should that
        // fail, the approval stands and its publication mark makes the publication worker try again.
        if (await RegisterPublishing.TryPublishAsync(publisher, logger, cancellationToken) is { } serial)
        {
            await db.Set<DirectoryNotificationRecord>().Where(n => n.Id == id).ExecuteUpdateAsync(n => n.SetProperty(r => r.RegisterSerial, serial), cancellationToken);
        }

        logger.LogInformation("Directory notification {Id} of {State} approved by {Reviewer}", id, record.State, record.ReviewedBy);
        return await GetAsync(id, cancellationToken);
    }

    public async Task<Result<NotificationDetails>> RejectAsync(Guid id, RejectNotificationRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Trim().Length > MaxReasonLength)
        {
            return Error.Invalid("reason", "directory.reason-required", $"Give the reason for the State, 1 to {MaxReasonLength} characters.");
        }

        var record = await db.Set<DirectoryNotificationRecord>().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (record is null)
        {
            return DirectoryErrors.UnknownNotification;
        }

        if (record.Status != NotificationStatus.Pending)
        {
            return AlreadyReviewed(record.Status);
        }

        record.Status = NotificationStatus.Rejected;
        record.Reason = request.Reason.Trim();
        record.ReviewedBy = user.Identity?.Name;
        record.ReviewedAt = time.GetUtcNow();
        audit.Record(new Comity.Node.Kernel.AuditRecord(Comity.Node.Kernel.Audit.User(user), "directory.notification-rejected", "notification", record.Id.ToString("D"), Comity.Node.Kernel.Audit.Sha256(record.Jws)));
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    internal static DirectoryNotificationV1 Content(string payload) =>
        JsonSerializer.Deserialize<DirectoryNotificationV1>(payload, DirectoryContent.Json)
        ?? throw new InvalidOperationException("A stored notification payload is empty.");

    internal static IReadOnlyList<DirectoryChange> Diff(DirectoryNotificationV1? before, DirectoryNotificationV1 after)
    {
        var changes = new List<DirectoryChange>();
        var beforeEndpoint = before?.Node.Endpoint.ToString();
        if (beforeEndpoint != after.Node.Endpoint.ToString())
        {
            changes.Add(new DirectoryChange(before is null ? "added" : "changed", "node", "endpoint", beforeEndpoint, after.Node.Endpoint.ToString()));
        }

        var beforeKeys = string.Join(", ", before?.Node.Keys.Select(k => k.Kid) ?? []);
        var afterKeys = string.Join(", ", after.Node.Keys.Select(k => k.Kid));
        if (beforeKeys != afterKeys)
        {
            changes.Add(new DirectoryChange(before is null ? "added" : "changed", "node", "keys", beforeKeys.Length == 0 ? null : beforeKeys, afterKeys));
        }

        Compare(changes, "designation", before?.Designations ?? [], after.Designations, d => d.Id, d => d.Office, d => d.Role);
        Compare(changes, "serviceProvider", before?.ServiceProviders ?? [], after.ServiceProviders, p => p.Id, p => p.Name, _ => null);
        return changes;
    }

    private static void Compare<T>(List<DirectoryChange> changes, string subject, IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> id, Func<T, string> label, Func<T, string?> role)
    {
        var old = before.ToDictionary(id, StringComparer.Ordinal);
        var now = after.ToDictionary(id, StringComparer.Ordinal);
        foreach (var item in after)
        {
            var afterJson = JsonSerializer.Serialize(item, DirectoryContent.Json);
            if (!old.TryGetValue(id(item), out var previous))
            {
                changes.Add(new DirectoryChange("added", subject, label(item), null, afterJson, role(item)));
            }
            else if (JsonSerializer.Serialize(previous, DirectoryContent.Json) is var beforeJson && beforeJson != afterJson)
            {
                changes.Add(new DirectoryChange("changed", subject, label(item), beforeJson, afterJson, role(item)));
            }
        }

        foreach (var item in before.Where(b => !now.ContainsKey(id(b))))
        {
            changes.Add(new DirectoryChange("removed", subject, label(item), JsonSerializer.Serialize(item, DirectoryContent.Json), null, role(item)));
        }
    }

    private static NotificationSummary Summary(DirectoryNotificationRecord r)
    {
        var content = Content(r.Payload);
        return new NotificationSummary(r.Id, r.State, ManageWire(r.Status), r.SubmittedAt, r.ReceivedAt, r.FirstRegistration, r.KeyThumbprint, content.Designations.Count, content.ServiceProviders.Count);
    }

    private static string ManageWire(NotificationStatus status) => Manage.ManageDirectoryHandler.Wire(status);

    private static Error AlreadyReviewed(NotificationStatus status) => Error.Conflict("directory.already-reviewed", $"This notification was {ManageWire(status)} already.");
}

internal static class ReviewNotificationsEndpoints
{
    public static void MapReviewNotifications(this RouteGroupBuilder group)
    {
        var notifications = group.MapGroup("/notifications").RequireAuthorization(Policies.SecretariatOfficer).OfferedOn(NodeRole.Secretariat, NotReviewingNode);
        group.MapGet("/notifications", async (string? status, ReviewNotificationsHandler handler, CancellationToken ct) => (await handler.ListAsync(status, ct)).ToHttp())
            .RequireAuthorization(Policies.SecretariatOfficer).OfferedOn(NodeRole.Secretariat, NotReviewingNode).WithName("ListDirectoryNotifications").WithSummary("The directory notifications received from States, newest first; status=pending for the review queue. Secretariat officers.")
            .Produces<IReadOnlyList<NotificationSummary>>().ProducesProblem(StatusCodes.Status400BadRequest);
        notifications.MapGet("/{id:guid}", async (Guid id, ReviewNotificationsHandler handler, CancellationToken ct) => (await handler.GetAsync(id, ct)).ToHttp())
            .WithName("GetDirectoryNotification").WithSummary("A notification with its differences from what is published for its State.")
            .Produces<NotificationDetails>().ProducesProblem(StatusCodes.Status404NotFound);
        notifications.MapPost("/{id:guid}/approve", async (Guid id, ClaimsPrincipal user, ReviewNotificationsHandler handler, CancellationToken ct) => (await handler.ApproveAsync(id, user, ct)).ToHttp())
            .WithName("ApproveDirectoryNotification").WithSummary("Approve: the notification replaces the State's published entries and a new Register is published.")
            .Produces<NotificationDetails>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        notifications.MapPost("/{id:guid}/reject", async (Guid id, RejectNotificationRequest request, ClaimsPrincipal user, ReviewNotificationsHandler handler, CancellationToken ct) => (await handler.RejectAsync(id, request, user, ct)).ToHttp())
            .WithName("RejectDirectoryNotification").WithSummary("Reject with a reason the State's node sees.")
            .Produces<NotificationDetails>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static IResult NotReviewingNode() => Problems.From(DirectoryErrors.NotReviewingNode);
}
