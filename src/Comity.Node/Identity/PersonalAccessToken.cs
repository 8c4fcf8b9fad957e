using Comity.Node.Kernel;

namespace Comity.Node.Identity;

/// <summary>
/// A personal access token for the API and the CLI. Only a SHA-256 hash of the secret is stored;
/// the secret is shown once when the token is created.
/// </summary>
public sealed class PersonalAccessToken
{
    public Guid Id { get; set; }

    public required string UserId { get; set; }

    public ComityUser? User { get; set; }

    public required string Name { get; set; }

    /// <summary>The first characters of the token, shown to help the owner recognise it.</summary>
    public required string Prefix { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole token.</summary>
    public required string SecretHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
