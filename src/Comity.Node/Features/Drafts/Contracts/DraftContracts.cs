using System.Security.Claims;
using Comity.Node.Kernel;

namespace Comity.Node.Features.Drafts.Contracts;

/// <summary>
/// What a form saves as its officer types: the page's own field names and values (<c>Draft.Kind</c>, <c>Act.Reasons</c>),
/// the words the dashboard lists it by, and the page that opens it again.
/// </summary>
/// <param name="Title">What the draft is, for the dashboard (at most <see cref="DraftLimits.Title"/> characters).</param>
/// <param name="Href">The page of this node that restores it (a local path such as <c>/requests/new</c>).</param>
/// <param name="Fields">The form's fields by name; at most <see cref="DraftLimits.Characters"/> characters in all.</param>
public sealed record DraftInput(string? Title, string? Href, IReadOnlyDictionary<string, string?>? Fields);

/// <summary>A stored draft, as its owner reads it back.</summary>
public sealed record DraftDto(string Key, string Title, string Href, IReadOnlyDictionary<string, string?> Fields, DateTimeOffset SavedAt);

/// <summary>A draft as the dashboard lists it: no content.</summary>
public sealed record DraftSummary(string Key, string Title, string Href, DateTimeOffset SavedAt);

/// <summary>The answer of <c>GET /api/v1/drafts</c>, latest first.</summary>
public sealed record DraftsResponse(IReadOnlyList<DraftSummary> Items);

/// <summary>The bounds of a draft.</summary>
public static class DraftLimits
{
    /// <summary>Keys are lower-case letters, digits and hyphens, this long at most (<c>request-new</c>, <c>request-{id}-refuse</c>).</summary>
    public const int Key = 120;

    public const int Title = 200;

    public const int Href = 500;

    /// <summary>The most fields a draft holds.</summary>
    public const int FieldCount = 200;

    /// <summary>
    /// The most characters of names and values together: a full request (original, translation and every content
    /// item at their longest would be more) is far below this in practice, and a runaway script cannot fill the database.
    /// </summary>
    public const int Characters = 400_000;
}

/// <summary>
/// The signed-in user's drafts. Drafts hold case content: every operation is on the caller's own drafts only, and
/// another user's key is simply not found.
/// </summary>
public interface IUserDrafts
{
    Task<Result<DraftDto>> GetAsync(ClaimsPrincipal user, string key, CancellationToken cancellationToken);

    Task<Result<DraftSummary>> SaveAsync(ClaimsPrincipal user, string key, DraftInput? input, CancellationToken cancellationToken);

    /// <summary>Deletes the draft; true when there was one.</summary>
    Task<bool> DeleteAsync(ClaimsPrincipal user, string key, CancellationToken cancellationToken);

    /// <summary>The user's drafts, latest first, optionally only those whose key starts with <paramref name="prefix"/>.</summary>
    Task<IReadOnlyList<DraftSummary>> ListAsync(ClaimsPrincipal user, string? prefix, CancellationToken cancellationToken);
}
