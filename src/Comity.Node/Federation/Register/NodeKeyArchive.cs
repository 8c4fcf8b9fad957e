using System.Text.Json;
using Comity.Node.Storage;
using Comity.Protocol.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comity.Node.Federation.Register;

/// <summary>
/// A node key as some verified Register listed it. Kept after the key leaves the Register (rotation,
/// expiry), so that what a peer signed in the past (a request's events, receipts) can still be checked
/// with the key that was valid when it was signed.
/// </summary>
public sealed class ArchivedNodeKey
{
    public required string State { get; set; }

    public required string Kid { get; set; }

    /// <summary><c>sig</c> or <c>enc</c>.</summary>
    public required string Use { get; set; }

    /// <summary>The public JWK as the Register carried it.</summary>
    public required string Jwk { get; set; }

    public DateTimeOffset NotBefore { get; set; }

    public DateTimeOffset NotAfter { get; set; }

    /// <summary>The first and the latest Register serial that listed the key.</summary>
    public long FirstSerial { get; set; }

    public long LastSerial { get; set; }
}

internal sealed class ArchivedNodeKeyConfiguration : IEntityTypeConfiguration<ArchivedNodeKey>
{
    public void Configure(EntityTypeBuilder<ArchivedNodeKey> builder)
    {
        builder.ToTable("ArchivedNodeKeys");
        builder.HasKey(k => new { k.State, k.Kid });
        builder.Property(k => k.State).HasMaxLength(8);
        builder.Property(k => k.Kid).HasMaxLength(128);
        builder.Property(k => k.Use).HasMaxLength(8);
        builder.Property(k => k.Jwk).HasMaxLength(2048);
    }
}

/// <summary>Records every node key of each verified or published Register, and finds the key a past signature was made with.</summary>
public static class NodeKeyArchive
{
    public static DbSet<ArchivedNodeKey> ArchivedNodeKeys(this ComityDbContext db) => db.Set<ArchivedNodeKey>();

    /// <summary>Adds the keys of <paramref name="register"/> to the caller's unit of work (new keys added, known ones' validity and last serial updated).</summary>
    public static async Task RecordAsync(ComityDbContext db, RegisterV1 register, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(register);
        var states = register.Nodes.Select(n => n.State).Distinct(StringComparer.Ordinal).ToList();
        var known = await db.ArchivedNodeKeys().Where(k => states.Contains(k.State)).ToListAsync(cancellationToken);
        foreach (var node in register.Nodes)
        {
            foreach (var key in node.Keys)
            {
                var row = known.FirstOrDefault(k => string.Equals(k.State, node.State, StringComparison.Ordinal) && string.Equals(k.Kid, key.Kid, StringComparison.Ordinal))
                    ?? db.ChangeTracker.Entries<ArchivedNodeKey>().Select(e => e.Entity).FirstOrDefault(k => string.Equals(k.State, node.State, StringComparison.Ordinal) && string.Equals(k.Kid, key.Kid, StringComparison.Ordinal));
                if (row is null)
                {
                    db.ArchivedNodeKeys().Add(new ArchivedNodeKey
                    {
                        State = node.State,
                        Kid = key.Kid,
                        Use = key.Use,
                        Jwk = JsonSerializer.Serialize(key.Jwk, RegisterJson.Options),
                        NotBefore = key.NotBefore,
                        NotAfter = key.NotAfter,
                        FirstSerial = register.Serial,
                        LastSerial = register.Serial,
                    });
                }
                else if (register.Serial >= row.LastSerial)
                {
                    // A later Register may shorten a key's validity (revocation by early expiry): the latest word counts.
                    row.NotBefore = key.NotBefore;
                    row.NotAfter = key.NotAfter;
                    row.LastSerial = register.Serial;
                }
            }
        }
    }

    /// <summary>
    /// The signing key <paramref name="kid"/> of <paramref name="state"/> as the Registers this node verified
    /// listed it, with whether it was valid at <paramref name="at"/> (when the signature was made).
    /// </summary>
    public static async Task<NodeKeyLookup> FindSigningKeyAsync(ComityDbContext db, string state, string kid, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.ArchivedNodeKeys().AsNoTracking().FirstOrDefaultAsync(k => k.State == state && k.Kid == kid && k.Use == "sig", cancellationToken);
        if (row is null)
        {
            return new NodeKeyLookup(null, NodeKeyProblem.UnknownKey, $"No Register this node verified listed a signing key {kid} for {state}.");
        }

        var key = new RegisterKeyV1(row.Kid, row.Use, JsonSerializer.Deserialize<Jwk>(row.Jwk, RegisterJson.Options)!, row.NotBefore, row.NotAfter);
        if (at < row.NotBefore)
        {
            return new NodeKeyLookup(null, NodeKeyProblem.NotYetValid, $"Key {kid} of {state} is valid only from {Instant(row.NotBefore)}, not at {Instant(at)}.");
        }

        if (at > row.NotAfter)
        {
            return new NodeKeyLookup(null, NodeKeyProblem.Expired, $"Key {kid} of {state} expired at {Instant(row.NotAfter)}, before {Instant(at)}.");
        }

        return new NodeKeyLookup(key, NodeKeyProblem.None, $"Key {kid} of {state} was valid at {Instant(at)} (Registers {row.FirstSerial}–{row.LastSerial}).");
    }

    private static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
