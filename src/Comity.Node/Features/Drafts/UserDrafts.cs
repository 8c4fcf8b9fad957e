using System.Security.Claims;
using System.Text.Json;
using Comity.Node.Features.Drafts.Contracts;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Comity.Node.Ui.Account;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Features.Drafts;

/// <summary>The signed-in user's drafts in the node's database, each row readable by its owner only.</summary>
internal sealed class UserDrafts(ComityDbContext db, IIdGenerator ids, TimeProvider time) : IUserDrafts
{
    public const string KeyInvalid = "draft.key-invalid";
    public const string TitleInvalid = "draft.title-invalid";
    public const string HrefInvalid = "draft.href-invalid";
    public const string FieldsMissing = "draft.fields-missing";
    public const string TooLarge = "draft.too-large";
    public const string NotFound = "draft.not-found";

    public async Task<Result<DraftDto>> GetAsync(ClaimsPrincipal user, string key, CancellationToken cancellationToken)
    {
        if (Owner(user) is not { } owner || !IsKey(key))
        {
            return Missing(key);
        }

        var row = await db.Drafts().AsNoTracking().SingleOrDefaultAsync(d => d.UserId == owner && d.Key == key, cancellationToken);
        return row is null ? Missing(key) : new DraftDto(row.Key, row.Title, row.Href, Read(row.FieldsJson), row.SavedAt);
    }

    public async Task<Result<DraftSummary>> SaveAsync(ClaimsPrincipal user, string key, DraftInput? input, CancellationToken cancellationToken)
    {
        if (Check(key, input) is { } invalid)
        {
            return invalid;
        }

        var owner = Owner(user) ?? throw new InvalidOperationException("Drafts are saved for a signed-in user only.");
        var json = JsonSerializer.Serialize(input!.Fields);
        var now = time.GetUtcNow();
        for (var attempt = 0; ; attempt++)
        {
            var row = await db.Drafts().SingleOrDefaultAsync(d => d.UserId == owner && d.Key == key, cancellationToken);
            if (row is null)
            {
                row = new DraftRecord { Id = ids.NewId(), UserId = owner, Key = key, Title = "", Href = "", FieldsJson = "" };
                db.Drafts().Add(row);
            }

            row.Title = input.Title!.Trim();
            row.Href = input.Href!;
            row.FieldsJson = json;
            row.SavedAt = now;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new DraftSummary(row.Key, row.Title, row.Href, row.SavedAt);
            }
            catch (DbUpdateException e) when (attempt == 0 && DatabaseErrors.IsLostRace(e))
            {
                // Two saves of the same new draft at once (two tabs): the other inserted it; this one updates it.
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<bool> DeleteAsync(ClaimsPrincipal user, string key, CancellationToken cancellationToken) =>
        Owner(user) is { } owner && IsKey(key)
        && await db.Drafts().Where(d => d.UserId == owner && d.Key == key).ExecuteDeleteAsync(cancellationToken) > 0;

    public async Task<IReadOnlyList<DraftSummary>> ListAsync(ClaimsPrincipal user, string? prefix, CancellationToken cancellationToken)
    {
        if (Owner(user) is not { } owner)
        {
            return [];
        }

        var query = db.Drafts().AsNoTracking().Where(d => d.UserId == owner);
        if (!string.IsNullOrEmpty(prefix))
        {
            query = query.Where(d => d.Key.StartsWith(prefix));
        }

        var rows = await query.Select(d => new { d.Key, d.Title, d.Href, d.SavedAt }).ToListAsync(cancellationToken);

        // Ordered here: SQLite stores instants as ticks, PostgreSQL as timestamps; both compare the same once read.
        return [.. rows.OrderByDescending(d => d.SavedAt).ThenBy(d => d.Key, StringComparer.Ordinal).Select(d => new DraftSummary(d.Key, d.Title, d.Href, d.SavedAt))];
    }

    /// <summary>Lower-case letters, digits and hyphens, starting with a letter or digit.</summary>
    public static bool IsKey(string? key) =>
        key is { Length: > 0 and <= DraftLimits.Key }
        && IsLowerOrDigit(key[0])
        && key.All(c => IsLowerOrDigit(c) || c == '-');

    private static bool IsLowerOrDigit(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);

    private static Error? Check(string key, DraftInput? input)
    {
        var problems = new List<ProblemError>();
        if (!IsKey(key))
        {
            problems.Add(new ProblemError("key", KeyInvalid, $"A draft's key is lower-case letters, digits and hyphens, at most {DraftLimits.Key} characters.", Limit: DraftLimits.Key));
        }

        if (string.IsNullOrWhiteSpace(input?.Title) || input.Title.Trim().Length > DraftLimits.Title)
        {
            problems.Add(new ProblemError("title", TitleInvalid, $"Name the draft in at most {DraftLimits.Title} characters.", Limit: DraftLimits.Title));
        }

        if (!LocalUrls.IsLocal(input?.Href) || input!.Href!.Length > DraftLimits.Href)
        {
            problems.Add(new ProblemError("href", HrefInvalid, $"The page that opens the draft is a path on this node (/requests/new), at most {DraftLimits.Href} characters.", Limit: DraftLimits.Href));
        }

        if (input?.Fields is null)
        {
            problems.Add(new ProblemError("fields", FieldsMissing, "A draft holds the form's fields: an object of names and values."));
        }

        if (problems.Count > 0)
        {
            return Error.Invalid(problems);
        }

        var size = input!.Fields!.Sum(f => f.Key.Length + (f.Value?.Length ?? 0));
        if (size > DraftLimits.Characters || input.Fields!.Count > DraftLimits.FieldCount)
        {
            var too = new ProblemError("fields", TooLarge,
                $"A draft holds at most {DraftLimits.FieldCount} fields and {DraftLimits.Characters} characters; this one has {input.Fields!.Count} fields and {size} characters.",
                Limit: DraftLimits.Characters);
            return Error.Invalid([too]) with { Status = StatusCodes.Status413PayloadTooLarge, Title = "The draft is too large." };
        }

        return null;
    }

    private static Error Missing(string key) => Error.NotFound(NotFound, $"You have no draft '{key}'.");

    private static string? Owner(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id ? id : null;

    private static Dictionary<string, string?> Read(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string?>>(json) ?? [];
}
