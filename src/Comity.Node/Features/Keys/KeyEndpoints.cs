using Comity.Node.Api;
using Comity.Node.Kernel;
using Comity.Node.Federation.Keys;
using Comity.Node.Identity;
using Comity.Protocol.V1;
using Comity.Node.Ui.Localization;
using Comity.Node.Ui.Shell;

namespace Comity.Node.Features.Keys;

/// <summary>One of the node's keys as the API shows it: public parts only.</summary>
/// <param name="Kid">RFC 7638 thumbprint of the public JWK.</param>
/// <param name="Use"><c>sig</c> (Ed25519) or <c>enc</c> (X25519).</param>
/// <param name="Fingerprint">SHA-256 of the raw public key, colon-separated hex, for confirming a key by phone.</param>
/// <param name="Status"><c>current</c> (in use), <c>overlap</c> (replaced by a rotation but still published) or <c>expired</c>.</param>
public sealed record NodeKeyResponse(
    string Kid,
    string Use,
    string Algorithm,
    string Fingerprint,
    Jwk Jwk,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RetiredAt,
    string Status);

/// <summary>Rotation: how many days the replaced keys stay published (0–90, default 7).</summary>
public sealed record RotateKeysRequest(int? OverlapDays);

/// <summary>The node's keys after a rotation, and what the administrator must do next.</summary>
public sealed record RotateKeysResponse(IReadOnlyList<NodeKeyResponse> Keys, string Next);

/// <summary>Rotates the node's keys (the API's <c>POST /api/v1/keys/rotate</c> and the keys page's button).</summary>
internal sealed class RotateKeysHandler(NodeKeyStore keys, TimeProvider time)
{
    public async Task<Result<RotateKeysResponse>> HandleAsync(RotateKeysRequest? request, CancellationToken cancellationToken)
    {
        var days = request?.OverlapDays ?? KeyEndpoints.DefaultOverlapDays;
        if (days is < 0 or > KeyEndpoints.MaxOverlapDays)
        {
            return Error.Invalid("overlapDays", "keys.overlap-out-of-range", $"The overlap is a number of days from 0 to {KeyEndpoints.MaxOverlapDays}.");
        }

        await keys.RotateAsync(TimeSpan.FromDays(days), cancellationToken);
        var all = KeyEndpoints.From(await keys.AllAsync(cancellationToken), time.GetUtcNow());
        return new RotateKeysResponse(
            all,
            "The node now signs with the new key. Both keys are published for the overlap. On a State node, re-submit this node's entry (endpoint and keys) to the Secretariat so that the next Register lists the new key.");
    }
}

internal static class KeyEndpoints
{
    /// <summary>The keys page, its dashboard card and its navigation link (node administrators), and the rotation handler.</summary>
    public static IServiceCollection AddKeysFeature(this IServiceCollection services)
    {
        services.AddScoped<RotateKeysHandler>();
        services.AddScoped<Page.ListKeysHandler>();
        services.AddNavigationLink(new NavigationLink("/keys", typeof(UiText), "NavKeys", 60) { Policy = Policies.NodeAdmin });
        services.AddDashboardCard<Page.KeysCard>(60);
        return services;
    }

    public const int DefaultOverlapDays = 7;
    public const int MaxOverlapDays = 90;

    public static void MapNodeKeys(this RouteGroupBuilder api)
    {
        api.MapGet("/keys", async (NodeKeyStore keys, TimeProvider time, CancellationToken cancellationToken) =>
            Results.Ok(From(await keys.AllAsync(cancellationToken), time.GetUtcNow())))
        .WithName("ListNodeKeys")
        .WithTags("Keys")
        .WithSummary("This node's public keys (signing Ed25519, encryption X25519) with kid, fingerprint, validity and status. Private keys never leave the node.")
        .Produces<IReadOnlyList<NodeKeyResponse>>()
        .RequireAuthorization(Policies.NodeAdmin);

        api.MapPost("/keys/rotate", async (RotateKeysRequest? request, RotateKeysHandler rotate, CancellationToken cancellationToken) =>
            (await rotate.HandleAsync(request, cancellationToken)).ToHttp(r => Results.Ok(r)))
        .WithName("RotateNodeKeys")
        .WithTags("Keys")
        .WithSummary("Rotate the node's keys: new keys valid from now; the old ones stay published for overlapDays (default 7) so that peers can still verify what they signed.")
        .Accepts<RotateKeysRequest>("application/json")
        .Produces<RotateKeysResponse>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .RequireAuthorization(Policies.NodeAdmin);
    }

    internal static List<NodeKeyResponse> From(IEnumerable<NodeKey> keys, DateTimeOffset now) =>
        [.. keys.Select(k => new NodeKeyResponse(
            k.Kid, k.Use, k.Algorithm, NodeKeyStore.Fingerprint(k), NodeKeyStore.ToJwk(k), k.NotBefore, k.NotAfter, k.CreatedAt, k.RetiredAt,
            k.NotAfter <= now ? "expired" : k.RetiredAt is null ? "current" : "overlap"))];
}
