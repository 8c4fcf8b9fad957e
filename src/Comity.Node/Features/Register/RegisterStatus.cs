using Comity.Node.Kernel;
using Comity.Node.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Federation.Keys;
using Comity.Node.Federation.Register;
using Comity.Protocol.V1;

namespace Comity.Node.Features.Register;

/// <summary>A refused Register: when, the stable code and why.</summary>
public sealed record RegisterRefusalResponse(DateTimeOffset At, string Code, string Reason);

/// <summary>The latest failure to reach the Secretariat.</summary>
public sealed record RegisterFetchErrorResponse(DateTimeOffset At, string Reason);

/// <summary>The Register this node holds and how it got it.</summary>
/// <param name="Role"><c>secretariat</c> (publishes it) or <c>state</c> (verifies it).</param>
/// <param name="Configured">On a State node: whether a Secretariat URL and key are configured. Always true on the Secretariat.</param>
/// <param name="VerifiedAt">When the held Register verified (on the Secretariat: when it was issued).</param>
/// <param name="Freshness"><c>current</c>, <c>stale</c> (past nextUpdate plus the grace) or <c>none</c> (no Register yet).</param>
/// <param name="LastAttemptRefused">Whether the latest document received was refused.</param>
/// <param name="LastRefusal">The latest refusal, even if a later attempt succeeded.</param>
/// <param name="LastCheckedAt">The last time the Secretariat confirmed the held Register or served a newer one.</param>
/// <param name="OwnKey">
/// This node's standing in the Register it holds: <c>listed</c> (its current signing key is there, so other nodes accept
/// what it signs), <c>missing</c> (the Register lists no node for this State, or not this key: other nodes refuse what this
/// node sends until a Register that lists it is published and fetched), or null while the node holds no Register.
/// </param>
/// <param name="OwnKeyId">The current signing key's id (RFC 7638 thumbprint).</param>
public sealed record RegisterStatusResponse(
    string Role,
    bool Configured,
    long? Serial,
    DateTimeOffset? IssuedAt,
    DateTimeOffset? NextUpdate,
    DateTimeOffset? VerifiedAt,
    string Freshness,
    bool LastAttemptRefused,
    RegisterRefusalResponse? LastRefusal,
    DateTimeOffset? LastCheckedAt,
    RegisterFetchErrorResponse? LastFetchError,
    string? SecretariatUrl,
    string? OwnKey = null,
    string? OwnKeyId = null);

/// <summary>Reads the status for the API and the status bar: one query, and the held Register's own entry (parsed once per serial).</summary>
internal sealed class RegisterStatusReader(
    ComityDbContext db,
    IOptions<NodeOptions> node,
    IOptions<FederationOptions> federation,
    CurrentRegister current,
    FederationRegisterView view,
    NodeKeyStore keys)
{
    public async Task<RegisterStatusResponse> ReadAsync(CancellationToken cancellationToken)
    {
        var status = await ReadHeldAsync(cancellationToken);
        if (status.Serial is null)
        {
            return status;
        }

        var kid = await keys.CurrentSigningKidAsync(cancellationToken);
        var register = await view.GetAsync(db, current, cancellationToken);
        if (kid is null || register is null)
        {
            return status;
        }

        var listed = RegisterLookups.NodeFor(register, view.OwnState)?.Keys
            .Any(k => string.Equals(k.Kid, kid, StringComparison.Ordinal) && string.Equals(k.Use, "sig", StringComparison.Ordinal)) == true;
        return status with { OwnKey = listed ? "listed" : "missing", OwnKeyId = kid };
    }

    private async Task<RegisterStatusResponse> ReadHeldAsync(CancellationToken cancellationToken)
    {
        if (node.Value.Role == NodeRole.Secretariat)
        {
            var latest = await db.RegisterPublications().AsNoTracking().OrderByDescending(p => p.Serial)
                .Select(p => new { p.Serial, p.IssuedAt, p.NextUpdate }).FirstOrDefaultAsync(cancellationToken);
            return new RegisterStatusResponse(
                "secretariat", true, latest?.Serial, latest?.IssuedAt, latest?.NextUpdate, latest?.IssuedAt,
                latest is null ? "none" : Wire(current.FreshnessOf(latest.NextUpdate)), false, null, null, null, null);
        }

        var settings = federation.Value;
        var held = await db.HeldRegister().AsNoTracking().Where(h => h.Id == HeldRegister.SingletonId)
            .Select(h => new
            {
                h.Serial, h.IssuedAt, h.NextUpdate, h.VerifiedAt, h.LastAttemptRefused, h.LastRefusalAt, h.LastRefusalCode, h.LastRefusal,
                h.LastCheckedAt, h.LastFetchError, h.LastFetchErrorAt,
            })
            .SingleOrDefaultAsync(cancellationToken);
        return new RegisterStatusResponse(
            "state",
            settings.IsConfigured,
            held?.Serial,
            held?.IssuedAt,
            held?.NextUpdate,
            held?.VerifiedAt,
            held?.NextUpdate is { } next && held.Serial is not null ? Wire(current.FreshnessOf(next)) : "none",
            held?.LastAttemptRefused ?? false,
            held?.LastRefusalAt is { } at ? new RegisterRefusalResponse(at, held.LastRefusalCode!, held.LastRefusal!) : null,
            held?.LastCheckedAt,
            held?.LastFetchErrorAt is { } failedAt ? new RegisterFetchErrorResponse(failedAt, held.LastFetchError!) : null,
            settings.IsConfigured ? settings.SecretariatUrl : null);
    }

    private static string Wire(RegisterFreshness freshness) => freshness switch
    {
        RegisterFreshness.Current => "current",
        RegisterFreshness.Stale => "stale",
    };
}
