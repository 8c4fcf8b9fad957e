using System.Text;
using Comity.Node.Api;
using Comity.Node.Federation.Keys;
using Comity.Node.Kernel;
using Comity.Node.Identity;
using Comity.Node.Storage;
using Comity.Protocol.V1;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Comity.Node.Federation.Register;

/// <summary>The new serial after an on-demand publication.</summary>
public sealed record PublishRegisterResponse(long Serial);

internal static class RegisterProblems
{
    public const string NotSecretariatCode = "register.not-secretariat";
    public const string IsSecretariatCode = "register.is-secretariat";
    public const string NotConfiguredCode = "register.not-configured";
    public const string NotPublishedCode = "register.not-published";

    public static IResult NotSecretariat() => Problems.NotFound(NotSecretariatCode,
        "This is a State node: the Register is published by the Secretariat node only. Ask the Secretariat for /federation/v1/register.");

    public static IResult NotSecretariatConflict() => Problems.Conflict(NotSecretariatCode,
        "Only the Secretariat node publishes the Register; this is a State node.");
}

internal static class RegisterEndpoints
{
    /// <summary>The public, signed Register and the key that verifies it: anonymous by design.</summary>
    public static void MapRegisterFederation(this WebApplication app)
    {
        var federation = app.MapGroup("/federation/v1").WithTags("Federation").AllowAnonymous();
        federation.MapGet("/register", async (HttpContext context, IOptions<NodeOptions> node, ComityDbContext db, CancellationToken cancellationToken) =>
        {
            if (node.Value.Role != NodeRole.Secretariat)
            {
                return RegisterProblems.NotSecretariat();
            }

            var latest = await CurrentRegister.LatestPublicationAsync(db, cancellationToken);
            if (latest is null)
            {
                return Problems.NotFound(RegisterProblems.NotPublishedCode, "No Register has been published yet.");
            }

            var etag = new EntityTagHeaderValue("\"serial-" + latest.Serial.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"");
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Headers.ETag = etag.ToString();
            var ifNoneMatch = context.Request.GetTypedHeaders().IfNoneMatch;
            if (ifNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false)))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            return Results.Content(latest.Jws, "application/json", Encoding.UTF8);
        })
        .WithName("GetRegister")
        .WithSummary("The current Register: a JWS in the JSON flattened serialization (RFC 7515 §7.2.2), alg EdDSA, typ comity-register+json, signed by the Secretariat. Strong ETag; If-None-Match answers 304. Secretariat node only.")
        .Produces<string>(StatusCodes.Status200OK, "application/json")
        .Produces(StatusCodes.Status304NotModified)
        .ProducesProblem(StatusCodes.Status404NotFound);

        federation.MapGet("/register/key", async (HttpContext context, IOptions<NodeOptions> node, NodeKeyStore keys, CancellationToken cancellationToken) =>
        {
            if (node.Value.Role != NodeRole.Secretariat)
            {
                return RegisterProblems.NotSecretariat();
            }

            var key = await keys.RegisterSigningKeyAsync(cancellationToken)
                ?? throw new InvalidOperationException("The Secretariat has no signing key; keys are generated at start-up.");
            context.Response.Headers.CacheControl = "no-cache";
            return Results.Json(NodeKeyStore.ToJwk(key));
        })
        .WithName("GetRegisterKey")
        .WithSummary("The key that signs the current Register, as a JWK (kty OKP, crv Ed25519, kid = RFC 7638 thumbprint, use sig, alg EdDSA). Confirm it out of band before configuring it on a State node. Secretariat node only.")
        .Produces<Jwk>()
        .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static void MapRegisterApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/register").WithTags("Register");
        group.MapGet("/status", async (RegisterStatusReader reader, CancellationToken cancellationToken) =>
            Results.Ok(await reader.ReadAsync(cancellationToken)))
        .WithName("GetRegisterStatus")
        .WithSummary("The Register this node holds: serial, issuedAt, nextUpdate, verifiedAt, freshness (current, stale, none) and the latest refusal.")
        .Produces<RegisterStatusResponse>()
        .RequireAuthorization(Policies.SignedIn);

        group.MapPost("/publish", async (IOptions<NodeOptions> node, IRegisterPublisher publisher, CancellationToken cancellationToken) =>
            node.Value.Role != NodeRole.Secretariat
                ? RegisterProblems.NotSecretariatConflict()
                : Results.Ok(new PublishRegisterResponse(await publisher.PublishAsync(cancellationToken))))
        .WithName("PublishRegister")
        .WithSummary("Sign and publish a new Register now, with the next serial. Secretariat node only.")
        .Produces<PublishRegisterResponse>()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .RequireAuthorization(Policies.SecretariatOfficer);

        group.MapPost("/refresh", async (IOptions<NodeOptions> node, RegisterSync sync, RegisterStatusReader reader, CancellationToken cancellationToken) =>
        {
            if (node.Value.Role == NodeRole.Secretariat)
            {
                return Problems.Conflict(RegisterProblems.IsSecretariatCode, "The Secretariat publishes the Register; it does not fetch one. Use POST /api/v1/register/publish.");
            }

            if (!sync.IsConfigured)
            {
                return Problems.Conflict(RegisterProblems.NotConfiguredCode,
                    "Set Comity:Federation:SecretariatUrl and Comity:Federation:SecretariatKey first (docs/operations/keys-and-register.md).");
            }

            await sync.PollOnceAsync(cancellationToken);
            return Results.Ok(await reader.ReadAsync(cancellationToken));
        })
        .WithName("RefreshRegister")
        .WithSummary("Fetch and verify the Register from the Secretariat now; answers with the resulting status (a refusal is reported in it, not as an error).")
        .Produces<RegisterStatusResponse>()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .RequireAuthorization(Policies.NodeAdmin);
    }
}
