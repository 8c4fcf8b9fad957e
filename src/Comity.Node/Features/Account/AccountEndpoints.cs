using System.Security.Claims;
using Comity.Node.Api;
using Comity.Node.Identity;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Features.Account;

internal static class AccountEndpoints
{
    public static IServiceCollection AddAccount(this IServiceCollection services) => services;

    public static void MapAccount(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/").WithTags("Account");

        group.MapGet("/me", async (ClaimsPrincipal principal, UserManager<ComityUser> users) =>
        {
            var user = await users.GetUserAsync(principal);
            if (user is null)
            {
                return Problems.NotFound("account.unknown-user", "The signed-in user no longer exists.");
            }

            var roles = await users.GetRolesAsync(user);
            return Results.Ok(new MeResponse(user.UserName ?? "", user.DisplayName, [.. roles.Order(StringComparer.Ordinal)], user.TwoFactorEnabled, user.IsDemo));
        })
        .WithName("GetCurrentUser")
        .WithSummary("Who is signed in, with their roles.")
        .RequireAuthorization(Policies.SignedIn);

        group.MapGet("/tokens", async (ClaimsPrincipal principal, UserManager<ComityUser> users, ComityDbContext db, CancellationToken ct) =>
        {
            var userId = users.GetUserId(principal);
            var tokens = await db.AccessTokens().Where(t => t.UserId == userId)
                .OrderBy(t => t.CreatedAt)
                .Select(t => new TokenSummary(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))
                .ToListAsync(ct);
            return Results.Ok(tokens);
        })
        .WithName("ListTokens")
        .WithSummary("The caller's personal access tokens (never their secrets).")
        .RequireAuthorization(Policies.SignedIn);

        group.MapPost("/tokens", async (CreateTokenRequest request, ClaimsPrincipal principal, UserManager<ComityUser> users, PersonalAccessTokenService tokens, CancellationToken ct) =>
        {
            if (!SecondFactorRequirement.HasSecondFactorOrIsDemo(principal))
            {
                return MfaRequired();
            }

            var errors = new List<ProblemError>();
            if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 128)
            {
                errors.Add(new ProblemError("name", "token.name-required", "Give the token a name of 1 to 128 characters."));
            }

            if (request.ExpiresInDays is < 1 or > 366)
            {
                errors.Add(new ProblemError("expiresInDays", "token.lifetime-out-of-range", "A token lives between 1 and 366 days."));
            }

            if (errors.Count > 0)
            {
                return Problems.Validation(errors);
            }

            var userId = users.GetUserId(principal)!;
            var (record, secret) = await tokens.IssueAsync(userId, request.Name.Trim(), TimeSpan.FromDays(request.ExpiresInDays ?? 90), ct);
            return Results.Created($"/api/v1/tokens/{record.Id}", new CreatedToken(record.Id, record.Name, secret, record.ExpiresAt));
        })
        .WithName("CreateToken")
        .WithSummary("Create a personal access token. The secret is returned once. Requires an enrolled second factor (demo users excepted).")
        .RequireAuthorization(Policies.SignedIn);

        group.MapDelete("/tokens/{id:guid}", async (Guid id, ClaimsPrincipal principal, UserManager<ComityUser> users, PersonalAccessTokenService tokens, CancellationToken ct) =>
            await tokens.RevokeAsync(users.GetUserId(principal)!, id, ct)
                ? Results.NoContent()
                : Problems.NotFound("token.not-found", "You have no token with this id."))
        .WithName("RevokeToken")
        .WithSummary("Revoke one of the caller's personal access tokens.")
        .RequireAuthorization(Policies.SignedIn);
    }

    /// <summary>The refusal when a user without a second factor tries something that needs one.</summary>
    public static IResult MfaRequired() =>
        Problems.Simple(StatusCodes.Status403Forbidden, "account.mfa-required", "Forbidden.", "Enrol a second factor (an authenticator app) first.");
}

public sealed record MeResponse(string UserName, string DisplayName, IReadOnlyList<string> Roles, bool MfaEnrolled, bool Demo);

public sealed record TokenSummary(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

public sealed record CreateTokenRequest(string Name, int? ExpiresInDays);

public sealed record CreatedToken(Guid Id, string Name, string Token, DateTimeOffset? ExpiresAt);
