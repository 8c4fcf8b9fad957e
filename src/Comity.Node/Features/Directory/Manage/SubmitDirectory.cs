using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Comity.Node.Api;
using Comity.Node.Federation.Keys;
using Comity.Node.Federation.Register;
using Comity.Node.Kernel;
using Comity.Node.Identity;
using Comity.Node.Storage;
using Comity.Protocol.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comity.Node.Features.Directory.Manage;

/// <summary>The outcome of a submission: the notification the Secretariat holds, and whether nothing had changed (no new notification was sent).</summary>
public sealed record SubmitResult(SubmissionView Submission, bool Unchanged);

/// <summary>
/// Builds this State's <see cref="DirectoryNotificationV1"/> from its entries, signs it with the node's
/// key and posts it to the Secretariat; then follows its review by id. Idempotent: while the last
/// submission is pending or approved and nothing changed, submitting again sends nothing.
/// </summary>
internal sealed class SubmitDirectoryHandler(
    ComityDbContext db,
    ManageDirectoryHandler manage,
    INodeKeys keys,
    ICurrentRegister register,
    IHttpClientFactory http,
    IOptions<DirectoryOptions> options,
    IIdGenerator ids,
    TimeProvider time,
    Comity.Node.Kernel.IAuditTrail audit,
    ILogger<SubmitDirectoryHandler> logger)
{
    private static readonly string[] ProblemMembers = ["code", "detail"];

    public const string HttpClientName = "comity-directory";

    public async Task<Result<SubmitResult>> SubmitAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var current = await manage.GetAsync(cancellationToken);
        if (options.Value.SecretariatUrl is not { } secretariat)
        {
            return DirectoryErrors.NotConfigured("directory.no-secretariat", "Comity:Federation:SecretariatUrl is not configured on this node.");
        }

        if (ManageDirectoryHandler.CheckEndpoint(current.Node.Endpoint) is { } reason)
        {
            return Error.Invalid([new ProblemError("node.endpoint", "directory.bad-endpoint", reason + " Set it first (PUT /api/v1/directory/own/node or Comity:Federation:PublicUrl).")]);
        }

        var last = await db.Set<DirectorySubmission>().OrderByDescending(s => s.SubmittedAt).FirstOrDefaultAsync(cancellationToken);
        var publicKeys = await keys.PublicKeysAsync(cancellationToken);
        var hash = ManageDirectoryHandler.ContentHash(current.Node, publicKeys, current.Designations, current.ServiceProviders, current.Offences);
        if (last is not null && last.ContentHash == hash && last.Status != NotificationStatus.Rejected)
        {
            return new SubmitResult(ManageDirectoryHandler.View(last), Unchanged: true);
        }

        var notification = new DirectoryNotificationV1(
            DirectoryNotificationV1.CurrentVersion,
            ids.NewId(),
            current.State,
            time.GetUtcNow(),
            new DirectoryNotificationNodeV1(new Uri(current.Node.Endpoint!), current.Node.Name, publicKeys),
            current.Designations,
            current.ServiceProviders)
        {
            Offences = current.Offences.Count > 0 ? current.Offences : null,
        };

        // Signed with the key the Register already lists for this State (after a rotation, the previous one, still valid
        // during the overlap): the Secretariat checks the signature against the Register, which does not know the new key yet.
        var listed = (await register.GetAsync(cancellationToken))?.Register is { } held && RegisterLookups.NodeFor(held, current.State) is { } own
            ? own.Keys.Where(k => k.Use == "sig").Select(k => k.Kid).ToList()
            : [];
        var jws = await keys.SignJwsWithListedKeyAsync(JsonSerializer.SerializeToUtf8Bytes(notification, DirectoryContent.Json), DirectoryNotificationV1.MediaType, listed, cancellationToken);

        using var content = new StringContent(jws, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/jose+json");
        var (status, body) = await SendAsync(HttpMethod.Post, new Uri(secretariat, "federation/v1/notifications"), content, cancellationToken);
        if (status is not (HttpStatusCode.Accepted or HttpStatusCode.OK) || Parse(body) is not { } answer)
        {
            return Unreachable(status, body);
        }

        var submission = new DirectorySubmission
        {
            Id = notification.Id,
            SubmittedAt = notification.SubmittedAt,
            ContentHash = hash,
            SubmittedBy = user.Identity?.Name ?? "system",
            Status = ParseStatus(answer.Status),
            Reason = answer.Reason,
            FirstRegistration = answer.FirstRegistration,
            KeyThumbprint = answer.KeyThumbprint,
            CheckedAt = time.GetUtcNow(),
        };
        db.Add(submission);
        audit.Record(new Comity.Node.Kernel.AuditRecord(Comity.Node.Kernel.Audit.User(user), "directory.notification-submitted", "notification", submission.Id.ToString("D"), Comity.Node.Kernel.Audit.Sha256(jws)));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Directory notification {Id} of {State} submitted to the Secretariat", notification.Id, notification.State);
        return new SubmitResult(ManageDirectoryHandler.View(submission), Unchanged: false);
    }

    /// <summary>Whether this node's last submission still waits for the Secretariat's review.</summary>
    public async Task<bool> HasPendingSubmissionAsync(CancellationToken cancellationToken) =>
        await db.Set<DirectorySubmission>().OrderByDescending(s => s.SubmittedAt).Select(s => (NotificationStatus?)s.Status).FirstOrDefaultAsync(cancellationToken) == NotificationStatus.Pending;

    /// <summary>Asks the Secretariat for the outcome of the last submission (if it is still pending) and records it.</summary>
    public async Task<Result<SubmissionView>> RefreshAsync(CancellationToken cancellationToken)
    {
        var last = await db.Set<DirectorySubmission>().OrderByDescending(s => s.SubmittedAt).FirstOrDefaultAsync(cancellationToken);
        if (last is null)
        {
            return Error.NotFound("directory.nothing-submitted", "This node has not submitted its directory entries yet.");
        }

        if (last.Status != NotificationStatus.Pending || options.Value.SecretariatUrl is not { } secretariat)
        {
            return ManageDirectoryHandler.View(last);
        }

        var (status, body) = await SendAsync(HttpMethod.Get, new Uri(secretariat, $"federation/v1/notifications/{last.Id:D}"), null, cancellationToken);
        if (status != HttpStatusCode.OK || Parse(body) is not { } answer)
        {
            return Unreachable(status, body);
        }

        last.Status = ParseStatus(answer.Status);
        last.Reason = answer.Reason;
        last.CheckedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return ManageDirectoryHandler.View(last);
    }

    private async Task<(HttpStatusCode? Status, string Body)> SendAsync(HttpMethod method, Uri uri, HttpContent? content, CancellationToken cancellationToken)
    {
        using var client = http.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning(e, "The Secretariat at {Uri} could not be reached", uri);
            return (null, e.Message);
        }
    }

    private static DirectoryNotificationStatusV1? Parse(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<DirectoryNotificationStatusV1>(body, DirectoryContent.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static NotificationStatus ParseStatus(string status) => status switch
    {
        "approved" => NotificationStatus.Approved,
        "rejected" => NotificationStatus.Rejected,
        _ => NotificationStatus.Pending,
    };

    private static Error Unreachable(HttpStatusCode? status, string body)
    {
        var detail = status is null
            ? "The Secretariat could not be reached: " + body
            : $"The Secretariat answered {(int)status.Value}: " + (ProblemDetail(body) ?? "no problem document.");
        return DirectoryErrors.SecretariatFailed(detail);
    }

    private static string? ProblemDetail(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                ? string.Join(" ", ProblemMembers.Select(p => root.TryGetProperty(p, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null).Where(v => v is not null))
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

internal static class SubmitDirectoryEndpoints
{
    public static void MapSubmitDirectory(this RouteGroupBuilder group)
    {
        group.MapPost("/own/submit", async (ClaimsPrincipal user, SubmitDirectoryHandler handler, CancellationToken ct) => (await handler.SubmitAsync(user, ct)).ToHttp())
            .OfferedOn(NodeRole.State, ManageDirectoryEndpoints.NotStateNode)
            .WithName("SubmitOwnDirectory")
            .WithSummary("Sign this State's directory entries as a notification and send it to the Secretariat for review. Nothing is sent when nothing changed since a pending or approved submission.")
            .Produces<SubmitResult>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status502BadGateway)
            .RequireAuthorization(Policies.NodeAdmin);
        group.MapPost("/own/submission/refresh", async (SubmitDirectoryHandler handler, CancellationToken ct) => (await handler.RefreshAsync(ct)).ToHttp())
            .OfferedOn(NodeRole.State, () => Problems.From(DirectoryErrors.NotSubmittingNode))
            .WithName("RefreshOwnSubmission")
            .WithSummary("Ask the Secretariat for the outcome of the last submission.")
            .Produces<SubmissionView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status502BadGateway)
            .RequireAuthorization(Policies.NodeAdmin);
    }
}
