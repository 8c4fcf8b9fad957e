using System.Data;
using System.Globalization;
using System.Security.Cryptography;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace Comity.Node.Federation.Keys;

/// <summary>
/// This node's key pairs: generation, protection at rest, signing, publication and rotation.
/// Private keys are decrypted only for the moment they are used and never leave this class.
/// </summary>
internal sealed partial class NodeKeyStore(
    ComityDbContext db,
    IDataProtectionProvider dataProtection,
    IOptions<KeyOptions> options,
    TimeProvider time,
    IIdGenerator ids,
    IAuditTrail audit,
    SigningKeyCache signingKeys,
    ILogger<NodeKeyStore> logger) : INodeKeys
{
    /// <summary>The Data Protection purpose that encrypts private keys; changing it makes stored keys unreadable.</summary>
    public const string ProtectorPurpose = "Comity.NodeKeys.v1";

    private readonly IDataProtector protector = dataProtection.CreateProtector(ProtectorPurpose);

    /// <summary>Creates a signing and an encryption key if there is no current one (first start, or the current one expired).</summary>
    public async Task EnsureKeysAsync(CancellationToken cancellationToken)
    {
        var now = WholeSecond(time.GetUtcNow());
        foreach (var use in new[] { NodeKey.Signing, NodeKey.Encryption })
        {
            var current = await CurrentAsync(use, cancellationToken);
            if (current is not null && current.NotAfter > now)
            {
                continue;
            }

            if (current is not null)
            {
                // Expired without a rotation: retire it and start a new key, so the node can keep signing.
                current.RetiredAt = now;
                LogExpiredReplaced(current.Kid, use);
            }

            var created = Create(use, now);
            signingKeys.Clear();
            db.NodeKeys().Add(created);
            audit.Record(new AuditRecord(Audit.Node, "keys.generated", "key", created.Kid, Audit.Sha256(created.PublicKey)));
            LogGenerated(created.Kid, use, created.NotAfter);
        }

        await db.SaveChangesAsync(cancellationToken);
        signingKeys.Clear();
    }

    public async Task<string> SignJwsAsync(ReadOnlyMemory<byte> payload, string? typ, CancellationToken cancellationToken) =>
        Sign(payload, typ, await CurrentForSigningAsync(cancellationToken)
            ?? throw new InvalidOperationException("This node has no signing key; keys are generated at start-up."));

    public async Task<string> SignJwsWithListedKeyAsync(ReadOnlyMemory<byte> payload, string? typ, IReadOnlyCollection<string> listedKids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listedKids);
        var now = time.GetUtcNow();
        var listed = (await db.NodeKeys().AsNoTracking().Where(k => k.Use == NodeKey.Signing && listedKids.Contains(k.Kid)).ToListAsync(cancellationToken))
            .Where(k => k.NotBefore <= now && k.NotAfter > now)
            .OrderByDescending(k => k.NotBefore)
            .FirstOrDefault();
        return listed is not null
            ? Sign(payload, typ, listed)
            : await SignJwsAsync(payload, typ, cancellationToken);
    }

    public async Task<RawSignature> SignAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var key = await CurrentForSigningAsync(cancellationToken)
            ?? throw new InvalidOperationException("This node has no signing key; keys are generated at start-up.");
        return new RawSignature(key.Kid, key.PublicKey, SignatureAlgorithm.Ed25519.Sign(PrivateKey(key), data.Span));
    }

    /// <summary>
    /// The key the Secretariat signs the Register with: during a rotation's overlap the previous key,
    /// so that every node first receives a Register it can verify that lists the new key; afterwards
    /// the current key. Nodes then follow the rotation without being reconfigured.
    /// </summary>
    public async Task<NodeKey?> RegisterSigningKeyAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var keys = await db.NodeKeys().AsNoTracking().Where(k => k.Use == NodeKey.Signing).ToListAsync(cancellationToken);
        return keys.Where(k => k.RetiredAt is not null && k.NotAfter > now).OrderBy(k => k.NotBefore).FirstOrDefault()
            ?? keys.Where(k => k.RetiredAt is null).OrderByDescending(k => k.NotBefore).FirstOrDefault();
    }

    /// <summary>Signs with <see cref="RegisterSigningKeyAsync"/>.</summary>
    public async Task<string> SignRegisterAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        Sign(payload, RegisterV1.MediaType, await RegisterSigningKeyAsync(cancellationToken)
            ?? throw new InvalidOperationException("This node has no signing key; keys are generated at start-up."));

    private string Sign(ReadOnlyMemory<byte> payload, string? typ, NodeKey key) =>
        JwsFlattened.Sign(payload.Span, new JwsHeader(JwsHeader.EdDsa, key.Kid, typ), PrivateKey(key));

    private Key PrivateKey(NodeKey key) => signingKeys.Get(key.Kid, () => Unprotect(key));

    public async Task<IReadOnlyList<RegisterKeyV1>> PublicKeysAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var keys = await db.NodeKeys().AsNoTracking().ToListAsync(cancellationToken);
        return [.. keys.Where(k => k.NotAfter > now)
            .OrderBy(k => k.Use, StringComparer.Ordinal).ThenByDescending(k => k.NotBefore)
            .Select(k => new RegisterKeyV1(k.Kid, k.Use, ToJwk(k), k.NotBefore, k.NotAfter))];
    }

    /// <summary>The key the node signs with now.</summary>
    public async Task<NodeKey?> CurrentSigningKeyAsync(CancellationToken cancellationToken) =>
        await CurrentAsync(NodeKey.Signing, cancellationToken);

    /// <summary>The id of the key the node signs with now, from the signing-key cache (no query once known): for what every page shows.</summary>
    public async Task<string?> CurrentSigningKidAsync(CancellationToken cancellationToken) =>
        (await CurrentForSigningAsync(cancellationToken))?.Kid;

    /// <summary>Every key this node has had, newest first.</summary>
    public async Task<IReadOnlyList<NodeKey>> AllAsync(CancellationToken cancellationToken) =>
        (await db.NodeKeys().AsNoTracking().ToListAsync(cancellationToken))
            .OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Use, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Replaces the current keys: new ones valid from now, the old ones retired but still published
    /// until now + <paramref name="overlap"/> (or their own end of validity, if sooner).
    /// </summary>
    public async Task<IReadOnlyList<NodeKey>> RotateAsync(TimeSpan overlap, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(overlap, TimeSpan.Zero);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            var now = WholeSecond(time.GetUtcNow());
            var current = await db.NodeKeys().Where(k => k.RetiredAt == null).ToListAsync(cancellationToken);
            foreach (var old in current)
            {
                old.RetiredAt = now;
                if (old.NotAfter > now + overlap)
                {
                    old.NotAfter = now + overlap;
                }
            }

            var created = new[] { Create(NodeKey.Signing, now), Create(NodeKey.Encryption, now) };
            db.NodeKeys().AddRange(created);
            foreach (var key in created)
            {
                audit.Record(new AuditRecord(Audit.Node, "keys.rotated", "key", key.Kid, Audit.Sha256(key.PublicKey)));
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            signingKeys.Clear();
            foreach (var key in created)
            {
                LogRotated(key.Kid, key.Use, (now + overlap).ToString("O", CultureInfo.InvariantCulture));
            }

            return (IReadOnlyList<NodeKey>)created;
        });
    }

    /// <summary>The public key as a JWK with its kid and use.</summary>
    public static Jwk ToJwk(NodeKey key) =>
        JwkKeys.ToPublicJwk(PublicKey.Import(Algorithm(key.Algorithm), key.PublicKey, KeyBlobFormat.RawPublicKey), key.Kid, key.Use);

    /// <summary>SHA-256 of the raw public key in colon-separated hex: for reading aloud when confirming a key out of band.</summary>
    public static string Fingerprint(NodeKey key) =>
        string.Join(':', SHA256.HashData(key.PublicKey).Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));

    /// <summary>
    /// Validity instants are whole seconds, like the Register's <c>issuedAt</c>: a Register issued in the
    /// same second as a key was created must fall inside the key's validity.
    /// </summary>
    internal static DateTimeOffset WholeSecond(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private byte[] Unprotect(NodeKey key) => protector.Unprotect(key.ProtectedPrivateKey);

    private NodeKey Create(string use, DateTimeOffset now)
    {
        Algorithm algorithm = use == NodeKey.Signing ? SignatureAlgorithm.Ed25519 : KeyAgreementAlgorithm.X25519;
        using var key = Key.Create(algorithm, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextArchiving });
        var raw = key.Export(KeyBlobFormat.RawPrivateKey);
        try
        {
            var jwk = JwkKeys.ToPublicJwk(key.PublicKey);
            return new NodeKey
            {
                Id = ids.NewId(),
                Kid = JwkKeys.Thumbprint(jwk),
                Use = use,
                Algorithm = jwk.Crv,
                PublicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey),
                ProtectedPrivateKey = protector.Protect(raw),
                NotBefore = now,
                NotAfter = now + options.Value.Validity,
                CreatedAt = now,
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(raw);
        }
    }

    private static Algorithm Algorithm(string name) => name switch
    {
        Jwk.Ed25519 => SignatureAlgorithm.Ed25519,
        Jwk.X25519 => KeyAgreementAlgorithm.X25519,
        _ => throw new InvalidOperationException($"Unknown key algorithm {name} in the database."),
    };

    /// <summary>The current signing key, read without tracking (signing changes nothing).</summary>
    private async Task<NodeKey?> CurrentForSigningAsync(CancellationToken cancellationToken)
    {
        if (signingKeys.CurrentSigning(time.GetUtcNow()) is { } known)
        {
            return known;
        }

        var generation = signingKeys.Generation;
        var key = (await db.NodeKeys().AsNoTracking().Where(k => k.Use == NodeKey.Signing && k.RetiredAt == null).ToListAsync(cancellationToken))
            .OrderByDescending(k => k.NotBefore).FirstOrDefault();
        if (key is not null)
        {
            signingKeys.RememberCurrentSigning(key, generation);
        }

        return key;
    }

    private async Task<NodeKey?> CurrentAsync(string use, CancellationToken cancellationToken) =>
        (await db.NodeKeys().Where(k => k.Use == use && k.RetiredAt == null).ToListAsync(cancellationToken))
            .OrderByDescending(k => k.NotBefore).FirstOrDefault();

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated node key {Kid} ({Use}), valid until {NotAfter}")]
    private partial void LogGenerated(string kid, string use, DateTimeOffset notAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node key {Kid} ({Use}) had expired without a rotation; a new one was generated. Re-submit this node's entry to the Secretariat.")]
    private partial void LogExpiredReplaced(string kid, string use);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rotated node keys: new key {Kid} ({Use}); the previous key stays published until {OverlapEnd}. Re-submit this node's entry to the Secretariat.")]
    private partial void LogRotated(string kid, string use, string overlapEnd);
}

internal static class NodeKeysDbSet
{
    public static DbSet<NodeKey> NodeKeys(this ComityDbContext db) => db.Set<NodeKey>();
}

/// <summary>Generates the node's keys on first start (after migrations).</summary>
internal sealed class NodeKeySeeder(NodeKeyStore keys) : IStartupSeeder
{
    public Task SeedAsync(CancellationToken cancellationToken) => keys.EnsureKeysAsync(cancellationToken);
}
