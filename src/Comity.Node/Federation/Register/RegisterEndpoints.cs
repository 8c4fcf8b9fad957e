using System.Text;
using Comity.Node.Api;
using Comity.Node.Federation.Keys;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Comity.Protocol.V1;
using Microsoft.Net.Http.Headers;

namespace Comity.Node.Federation.Register;

internal static class RegisterProblems
{
    public const string NotSecretariatCode = "register.not-secretariat";
    public const string NotPublishedCode = "register.not-published";

    public static IResult NotSecretariat() => Problems.NotFound(NotSecretariatCode,
        "This is a State node: the Register is published by the Secretariat node only. Ask the Secretariat for /federation/v1/register.");
}

internal static class RegisterFederationEndpoints
{
    /// <summary>The public, signed Register and the key that verifies it: anonymous by design, offered by the Secretariat only.</summary>
    public static void MapRegisterFederation(this WebApplication app)
    {
        var federation = app.MapGroup("/federation/v1").WithTags("Federation").AllowAnonymous();
        federation.MapGet("/register", async (HttpContext context, ComityDbContext db, CancellationToken cancellationToken) =>
        {
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
        .ProducesProblem(StatusCodes.Status404NotFound)
        .OfferedOn(NodeRole.Secretariat, RegisterProblems.NotSecretariat);

        federation.MapGet("/register/key", async (HttpContext context, NodeKeyStore keys, CancellationToken cancellationToken) =>
        {
            var key = await keys.RegisterSigningKeyAsync(cancellationToken)
                ?? throw new InvalidOperationException("The Secretariat has no signing key; keys are generated at start-up.");
            context.Response.Headers.CacheControl = "no-cache";
            return Results.Json(NodeKeyStore.ToJwk(key));
        })
        .WithName("GetRegisterKey")
        .WithSummary("The key that signs the current Register, as a JWK (kty OKP, crv Ed25519, kid = RFC 7638 thumbprint, use sig, alg EdDSA). Confirm it out of band before configuring it on a State node. Secretariat node only.")
        .Produces<Jwk>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .OfferedOn(NodeRole.Secretariat, RegisterProblems.NotSecretariat);
    }
}
