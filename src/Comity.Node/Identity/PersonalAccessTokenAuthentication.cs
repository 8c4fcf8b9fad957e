using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Comity.Node.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Comity.Node.Kernel;

namespace Comity.Node.Identity;

/// <summary>Authenticates <c>Authorization: Bearer cmt_…</c> with a personal access token.</summary>
internal sealed class PersonalAccessTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ComityDbContext db,
    IUserClaimsPrincipalFactory<ComityUser> principals,
    PersonalAccessTokenClaims claimsCache,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PersonalAccessToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (!PersonalAccessTokens.LooksLikeToken(token))
        {
            return AuthenticateResult.Fail("The bearer token is not a Comity personal access token.");
        }

        var hash = PersonalAccessTokens.Hash(token);
        var now = time.GetUtcNow();
        var record = await db.AccessTokens().Include(t => t.User).SingleOrDefaultAsync(t => t.SecretHash == hash, Context.RequestAborted);
        if (record?.User is null || record.RevokedAt is not null || (record.ExpiresAt is { } expires && expires <= now))
        {
            return AuthenticateResult.Fail("The personal access token is unknown, revoked or expired.");
        }

        if (record.User.LockoutEnd is { } lockout && lockout > now)
        {
            return AuthenticateResult.Fail("The account is locked.");
        }

        if (record.LastUsedAt is null || now - record.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            record.LastUsedAt = now;
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        var claims = claimsCache.Get(record.User);
        if (claims is null)
        {
            claims = [.. (await principals.CreateAsync(record.User)).Claims];
            claimsCache.Set(record.User, claims);
        }

        var identity = new ClaimsIdentity(claims, SchemeName);
        identity.AddClaim(new Claim("pat", record.Id.ToString()));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}

/// <summary>
/// The claims a token's user gets, kept per user for API clients that call many times a second: building
/// them takes several queries (roles, claims, authenticator key). The token itself (revocation, expiry,
/// lockout) is still checked on every request. An entry is used only while the user's concurrency and
/// security stamps are unchanged (Identity renews them on every change through <c>UserManager</c>, role
/// changes included) and for at most <see cref="MaxAge"/>.
/// </summary>
internal sealed class PersonalAccessTokenClaims(TimeProvider time)
{
    /// <summary>How long cached claims are used at most.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private const int MaxUsers = 10_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public IReadOnlyList<Claim>? Get(ComityUser user) =>
        entries.TryGetValue(user.Id, out var entry)
            && string.Equals(entry.ConcurrencyStamp, user.ConcurrencyStamp, StringComparison.Ordinal)
            && string.Equals(entry.SecurityStamp, user.SecurityStamp, StringComparison.Ordinal)
            && time.GetElapsedTime(entry.CreatedAt) < MaxAge
            ? entry.Claims
            : null;

    public void Set(ComityUser user, IReadOnlyList<Claim> claims)
    {
        if (entries.Count >= MaxUsers)
        {
            entries.Clear();
        }

        entries[user.Id] = new Entry(user.ConcurrencyStamp, user.SecurityStamp, claims, time.GetTimestamp());
    }

    private sealed record Entry(string? ConcurrencyStamp, string? SecurityStamp, IReadOnlyList<Claim> Claims, long CreatedAt);
}

/// <summary>Creates personal access tokens and hashes them for storage.</summary>
public static class PersonalAccessTokens
{
    public const string TokenPrefix = "cmt_";

    public static bool LooksLikeToken(string token) =>
        token.StartsWith(TokenPrefix, StringComparison.Ordinal) && token.Length is > 20 and < 200;

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A new random token: <c>cmt_</c> and 32 random bytes in base64url.</summary>
    public static string NewSecret() =>
        TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Issues and revokes personal access tokens.</summary>
internal sealed class PersonalAccessTokenService(ComityDbContext db, Kernel.IIdGenerator ids, TimeProvider time)
{
    public async Task<(PersonalAccessToken Record, string Secret)> IssueAsync(
        string userId, string name, TimeSpan? lifetime, CancellationToken cancellationToken)
    {
        var secret = PersonalAccessTokens.NewSecret();
        var now = time.GetUtcNow();
        var record = new PersonalAccessToken
        {
            Id = ids.NewId(),
            UserId = userId,
            Name = name,
            Prefix = secret[..10],
            SecretHash = PersonalAccessTokens.Hash(secret),
            CreatedAt = now,
            ExpiresAt = lifetime is { } l ? now + l : null,
        };
        db.AccessTokens().Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return (record, secret);
    }

    /// <summary>Revokes one of the user's tokens; false when the user has no token with this id.</summary>
    public async Task<bool> RevokeAsync(string userId, Guid id, CancellationToken cancellationToken)
    {
        var token = await db.AccessTokens().SingleOrDefaultAsync(t => t.Id == id && t.UserId == userId, cancellationToken);
        if (token is null)
        {
            return false;
        }

        token.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The user's tokens, oldest first (never their secrets).</summary>
    public Task<List<PersonalAccessToken>> ListAsync(string userId, CancellationToken cancellationToken) =>
        db.AccessTokens().AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);
}
