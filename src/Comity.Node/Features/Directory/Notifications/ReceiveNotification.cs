using System.Text;
using System.Text.Json;
using Comity.Node.Api;
using Comity.Node.Federation.Register;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comity.Node.Features.Directory.Notifications;

/// <summary>
/// On the Secretariat (offered there only, see the endpoints): accepts a State's signed directory notification. A State that already has a
/// node in the current Register must sign with one of that node's currently valid signing keys; a
/// State new to the Register signs with a key carried in the notification itself, and the officer
/// must confirm that key's fingerprint with the State out of band before approving.
/// </summary>
internal sealed class ReceiveNotificationHandler(
    ComityDbContext db,
    ICurrentRegister register,
    TimeProvider time,
    Comity.Node.Kernel.IAuditTrail audit,
    ILogger<ReceiveNotificationHandler> logger)
{
    public async Task<Result<DirectoryNotificationStatusV1>> HandleAsync(string jws, CancellationToken cancellationToken)
    {
        // Read what the document claims before trusting any of it, to know which key must have signed it.
        JwsFlattenedJson? envelope;
        JwsHeader? header;
        DirectoryNotificationV1? claimed;
        try
        {
            envelope = JsonSerializer.Deserialize<JwsFlattenedJson>(jws);
            if (envelope?.Protected is null || envelope.Payload is null || envelope.Signature is null)
            {
                return Malformed("The body is not a JWS in the flattened JSON serialization (protected, payload, signature).");
            }

            header = JsonSerializer.Deserialize<JwsHeader>(Base64Url.Decode(envelope.Protected));
            claimed = JsonSerializer.Deserialize<DirectoryNotificationV1>(Base64Url.Decode(envelope.Payload), DirectoryContent.Json);
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or NotSupportedException)
        {
            return Malformed("The JWS or its payload is malformed: " + e.Message);
        }

        if (header?.Kid is not { Length: > 0 } kid || header.Alg != JwsHeader.EdDsa)
        {
            return Malformed("The JWS header must carry alg EdDSA and the kid of the signing key.");
        }

        if (header.Typ != DirectoryNotificationV1.MediaType)
        {
            return Malformed($"The JWS typ must be {DirectoryNotificationV1.MediaType}.");
        }

        if (claimed is null || claimed.Version != DirectoryNotificationV1.CurrentVersion || claimed.Id == Guid.Empty || claimed.Node?.Keys is null
            || claimed.Designations is null || claimed.ServiceProviders is null || !DirectoryContent.IsStateCode(claimed.State))
        {
            return Malformed("The payload is not a directory notification version 1 (version, id, state, submittedAt, node, designations, serviceProviders).");
        }

        if (claimed.State == "UN")
        {
            return DirectoryErrors.NotAllowed("directory.state-mismatch", "UN is the Secretariat's own entry; a State can only notify its own entries.");
        }

        var now = time.GetUtcNow();
        var current = (await register.GetAsync(cancellationToken))?.Register;
        var signerNode = current?.Nodes.FirstOrDefault(n => n.Keys.Any(k => k.Kid == kid));
        if (signerNode is not null && signerNode.State != claimed.State)
        {
            logger.LogWarning("Directory notification for {State} signed by the node of {Signer}: refused", claimed.State, signerNode.State);
            return DirectoryErrors.NotAllowed("directory.state-mismatch", $"This notification is for {claimed.State} but is signed by the node of {signerNode.State}: a State can only notify its own entries.");
        }

        var registered = current?.Nodes.FirstOrDefault(n => n.State == claimed.State);
        Jwk verifyWith;
        var firstRegistration = registered is null;
        if (registered is not null)
        {
            var key = registered.Keys.FirstOrDefault(k => k.Kid == kid && k.Use == "sig" && k.NotBefore <= now && now < k.NotAfter);
            if (key is null)
            {
                return DirectoryErrors.SignatureRefused("directory.unknown-key", $"The key {kid} is not a currently valid signing key of {claimed.State}'s node in the Register.");
            }

            verifyWith = key.Jwk with { Kid = key.Kid };
        }
        else
        {
            var key = claimed.Node.Keys.FirstOrDefault(k => k.Kid == kid && k.Use == "sig");
            if (key is null)
            {
                return DirectoryErrors.SignatureRefused("directory.unknown-key", $"{claimed.State} has no node in the Register yet, and the notification does not carry the signing key {kid}.");
            }

            if (key.Jwk.Kty != Jwk.OctetKeyPair || key.Jwk.Crv != Jwk.Ed25519 || JwkKeys.Thumbprint(key.Jwk) != kid)
            {
                return DirectoryErrors.SignatureRefused("directory.unknown-key", "A Comity signing key is an Ed25519 JWK whose kid is its RFC 7638 thumbprint; this one is not.");
            }

            verifyWith = key.Jwk with { Kid = key.Kid };
        }

        var verified = JwsFlattened.Verify(jws, verifyWith);
        if (!verified.IsValid)
        {
            logger.LogWarning("Directory notification for {State} refused: {Reason}", claimed.State, verified.Reason);
            return verified.Failure switch
            {
                JwsFailure.Malformed or JwsFailure.UnsupportedAlgorithm => Malformed(verified.Reason),
                JwsFailure.WrongKey => DirectoryErrors.SignatureRefused("directory.unknown-key", verified.Reason),
                _ => DirectoryErrors.SignatureRefused("directory.bad-signature", verified.Reason),
            };
        }

        var errors = new List<ProblemError>();
        for (var i = 0; i < claimed.Designations.Count; i++)
        {
            DirectoryContent.Check(claimed.Designations[i], claimed.State, $"designations[{i}].", errors);
        }

        for (var i = 0; i < claimed.ServiceProviders.Count; i++)
        {
            DirectoryContent.Check(claimed.ServiceProviders[i], claimed.State, $"serviceProviders[{i}].", errors);
        }

        DirectoryContent.Check(claimed.Offences ?? [], claimed.State, "offences", errors);

        if (errors.Any(e => e.Code == "directory.not-own-state"))
        {
            return DirectoryErrors.NotAllowed("directory.state-mismatch", "A State can only notify its own entries: " + errors.First(e => e.Code == "directory.not-own-state").Message);
        }

        if (ManageDirectoryEndpointCheck(claimed.Node.Endpoint) is { } endpointError)
        {
            errors.Add(new ProblemError("node.endpoint", "directory.bad-endpoint", endpointError));
        }

        if (errors.Count > 0)
        {
            return Error.Invalid(errors);
        }

        var thumbprint = JwkKeys.Thumbprint(verifyWith);
        var existing = await db.Set<DirectoryNotificationRecord>().AsNoTracking().SingleOrDefaultAsync(n => n.Id == claimed.Id, cancellationToken);
        if (existing is not null)
        {
            return existing.Jws == jws
                ? Status(existing)
                : Error.Conflict("directory.duplicate-id", "Another notification with this id was received already.");
        }

        var record = new DirectoryNotificationRecord
        {
            Id = claimed.Id,
            State = claimed.State,
            SubmittedAt = claimed.SubmittedAt,
            ReceivedAt = now,
            Jws = jws,
            Payload = Encoding.UTF8.GetString(verified.Payload!),
            KeyId = kid,
            KeyThumbprint = thumbprint,
            FirstRegistration = firstRegistration,
            Status = NotificationStatus.Pending,
        };
        db.Add(record);
        audit.Record(new Comity.Node.Kernel.AuditRecord(Comity.Node.Kernel.Audit.Peer(record.State), "directory.notification-received", "notification", record.Id.ToString("D"), Comity.Node.Kernel.Audit.Sha256(jws)));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Directory notification {Id} of {State} received (first registration: {First})", record.Id, record.State, firstRegistration);
        return Status(record);
    }

    public async Task<Result<DirectoryNotificationStatusV1>> GetStatusAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Set<DirectoryNotificationRecord>().AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken) is { } record
            ? Status(record)
            : DirectoryErrors.UnknownNotification;

    internal static DirectoryNotificationStatusV1 Status(DirectoryNotificationRecord r) =>
        new(r.Id, r.State, Manage.ManageDirectoryHandler.Wire(r.Status), r.Reason, r.FirstRegistration, r.KeyThumbprint, r.ReceivedAt, r.ReviewedAt, r.RegisterSerial);

    private static string? ManageDirectoryEndpointCheck(Uri? endpoint) => Manage.ManageDirectoryHandler.CheckEndpoint(endpoint?.ToString());

    private static Error Malformed(string detail) => DirectoryErrors.Malformed("directory.notification-malformed", detail);
}

internal static class ReceiveNotificationEndpoints
{
    /// <summary>
    /// The federation endpoints: anonymous, authenticated by the JWS signature (POST) or by the unguessable UUIDv7 id (GET).
    /// Offered on the Secretariat; a State node holds no notification, so there every id is unknown.
    /// </summary>
    public static void MapDirectoryFederation(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/federation/v1/notifications").WithTags("Federation");
        app.MapPost("/federation/v1/notifications", async (HttpRequest request, ReceiveNotificationHandler handler, IOptions<DirectoryOptions> options, CancellationToken ct) =>
            {
                var limit = options.Value.MaxNotificationBytes;
                var body = await ReadLimitedAsync(request, limit, ct);
                if (body is null)
                {
                    return Problems.Simple(StatusCodes.Status413PayloadTooLarge, "directory.notification-too-large", "Too large.", $"A directory notification is at most {limit} bytes.");
                }

                return (await handler.HandleAsync(body, ct)).ToHttp(s => Results.Json(s, DirectoryContent.Json, statusCode: StatusCodes.Status202Accepted));
            })
            .WithTags("Federation")
            .WithName("ReceiveDirectoryNotification")
            .WithSummary("A State node's signed directory notification (JWS, flattened JSON, typ comity-directory-notification+json). Secretariat only.")
            .Accepts<JwsFlattenedJson>("application/jose+json", "application/json")
            .Produces<DirectoryNotificationStatusV1>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .AllowAnonymous()
            .DisableAntiforgery()
            .OfferedOn(NodeRole.Secretariat, () => Problems.From(DirectoryErrors.NotReceivingNode));
        group.MapGet("/{id:guid}", async (Guid id, ReceiveNotificationHandler handler, CancellationToken ct) =>
                (await handler.GetStatusAsync(id, ct)).ToHttp(s => Results.Json(s, DirectoryContent.Json)))
            .WithName("GetDirectoryNotificationStatus")
            .WithSummary("The review status of a notification, by the id its State chose (UUIDv7, not guessable). Secretariat only.")
            .Produces<DirectoryNotificationStatusV1>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous()
            .OfferedOn(NodeRole.Secretariat, () => Problems.From(DirectoryErrors.UnknownNotification));
    }

    /// <summary>The body as text, or null when it is larger than <paramref name="limit"/> bytes (whatever Content-Length claims).</summary>
    private static async Task<string?> ReadLimitedAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
