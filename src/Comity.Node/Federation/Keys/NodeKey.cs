using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comity.Node.Federation.Keys;

/// <summary>
/// One of this node's key pairs. The private key is stored only encrypted with ASP.NET Core Data
/// Protection (purpose <see cref="NodeKeyStore.ProtectorPurpose"/>); the public key is stored raw.
/// </summary>
public sealed class NodeKey
{
    public const string Signing = "sig";
    public const string Encryption = "enc";

    public Guid Id { get; set; }

    /// <summary>The RFC 7638 thumbprint of the public JWK.</summary>
    public required string Kid { get; set; }

    /// <summary><see cref="Signing"/> (Ed25519) or <see cref="Encryption"/> (X25519).</summary>
    public required string Use { get; set; }

    /// <summary><c>Ed25519</c> or <c>X25519</c>.</summary>
    public required string Algorithm { get; set; }

    /// <summary>The raw public key (32 bytes).</summary>
    public required byte[] PublicKey { get; set; }

    /// <summary>The raw private key encrypted by Data Protection; never the plaintext.</summary>
    public required byte[] ProtectedPrivateKey { get; set; }

    public DateTimeOffset NotBefore { get; set; }

    public DateTimeOffset NotAfter { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When a rotation replaced it; it is still published until <see cref="NotAfter"/> so that peers can verify what it signed.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
}

internal sealed class NodeKeyConfiguration : IEntityTypeConfiguration<NodeKey>
{
    public void Configure(EntityTypeBuilder<NodeKey> builder)
    {
        builder.ToTable("NodeKeys");
        builder.HasIndex(k => k.Kid).IsUnique();
        builder.Property(k => k.Kid).HasMaxLength(64);
        builder.Property(k => k.Use).HasMaxLength(8);
        builder.Property(k => k.Algorithm).HasMaxLength(16);
        builder.Property(k => k.PublicKey).HasMaxLength(64);
        builder.Property(k => k.ProtectedPrivateKey).HasMaxLength(1024);
        builder.HasIndex(k => new { k.Use, k.RetiredAt });
    }
}
