using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Comity.Domain.Legal;
using Comity.Domain.Treaty;
using Comity.Node.Api;
using Comity.Node.Features.Treaty.Participants;
using Comity.Node.Kernel;
using Comity.Node.Identity;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Features.Treaty.Record;

/// <summary>Records a declaration, reservation or notification made by a participant.</summary>
/// <param name="Participant">ISO 3166-1 alpha-2 code, EU, or the UN short name.</param>
/// <param name="Kind">declaration, reservation or notification.</param>
/// <param name="Subject">What a notification is about, e.g. centralAuthority; sets the default article.</param>
/// <param name="Article">The provision it is made under: "Art. 40(13)" or "40(13)". Defaults to the subject's article.</param>
/// <param name="Date">yyyy-MM-dd.</param>
/// <param name="Text">The text as communicated (at most 8000 characters).</param>
public sealed record RecordDeclarationRequest(string? Participant, string? Kind, string? Subject, string? Article, string? Date, string? Text);

/// <summary>Records a declaration on the Secretariat (offered there only, see the endpoint).</summary>
internal sealed partial class RecordDeclarationHandler(TreatyRegistry registry)
{
    public const int MaxTextLength = 8000;

    public async Task<Result<DeclarationResponse>> HandleAsync(RecordDeclarationRequest request, ClaimsPrincipal user, string channel, CancellationToken cancellationToken)
    {
        var errors = new List<ProblemError>();
        TreatyInput.TryParticipant(request.Participant, "participant", errors, out var participant);
        if (!ParticipantsEndpoints.TryCamelCase<DeclarationKind>(request.Kind ?? "", out var kind))
        {
            errors.Add(new ProblemError("kind", "treaty.unknown-declaration-kind", "Use declaration, reservation or notification."));
        }

        NotificationSubject? subject = null;
        if (!string.IsNullOrWhiteSpace(request.Subject))
        {
            if (ParticipantsEndpoints.TryCamelCase<NotificationSubject>(request.Subject, out var s))
            {
                subject = s;
            }
            else
            {
                errors.Add(new ProblemError("subject", "treaty.unknown-subject", "Use one of: " + string.Join(", ", Enum.GetValues<NotificationSubject>().Select(ParticipantsEndpoints.Wire)) + "."));
            }
        }

        ArticleReference? article = subject?.Basis();
        if (!string.IsNullOrWhiteSpace(request.Article))
        {
            article = TryArticle(request.Article, out var a) ? a : null;
            if (article is null)
            {
                errors.Add(new ProblemError("article", "treaty.bad-article", "Give an article of the Convention (1 to 68), optionally with paragraph and subparagraph: \"Art. 40(13)\" or \"40(13)\"."));
            }
        }
        else if (article is null)
        {
            errors.Add(new ProblemError("article", "treaty.article-required", "Give the article it is made under, or a subject that implies it."));
        }

        TreatyInput.TryDate(request.Date, "date", errors, out var date);
        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > MaxTextLength)
        {
            errors.Add(new ProblemError("text", "treaty.text-required", $"Give the text, 1 to {MaxTextLength} characters."));
        }

        if (errors.Count > 0)
        {
            return Error.Invalid(errors);
        }

        var declaration = new Declaration(participant!.Code, kind, subject, article!.Value, date, request.Text!.Trim());
        var record = await registry.RecordDeclarationAsync(declaration, channel, user.Identity?.Name, cancellationToken);
        return DeclarationResponse.From(record);
    }

    internal static bool TryArticle(string text, out ArticleReference article)
    {
        article = default;
        var match = ArticlePattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var number = int.Parse(match.Groups["article"].Value, CultureInfo.InvariantCulture);
        int? paragraph = match.Groups["paragraph"].Success ? int.Parse(match.Groups["paragraph"].Value, CultureInfo.InvariantCulture) : null;
        string? sub = match.Groups["sub"].Success ? match.Groups["sub"].Value : null;
        if (number is < 1 or > Convention.ArticleCount || paragraph is 0)
        {
            return false;
        }

        article = Convention.Art(number, paragraph, sub);
        return true;
    }

    [GeneratedRegex(@"^(?:Art(?:icle)?\.?\s*)?(?<article>\d{1,2})(?:\((?<paragraph>\d{1,2})\))?(?:\((?<sub>[a-z])\))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArticlePattern();
}

internal static class RecordDeclarationEndpoint
{
    public static void MapRecordDeclaration(this RouteGroupBuilder group)
    {
        group.MapPost("/declarations", async (RecordDeclarationRequest request, ClaimsPrincipal user, RecordDeclarationHandler handler, CancellationToken cancellationToken) =>
            (await handler.HandleAsync(request, user, TreatyChannels.Api, cancellationToken)).ToHttp(d => Results.Created($"/api/v1/treaty/declarations/{d.Id}", d)))
        .WithName("RecordTreatyDeclaration")
        .WithSummary("Record a declaration, reservation or notification with its article (a subject such as centralAuthority implies the article). Secretariat node only.")
        .WithTags("Treaty")
        .Accepts<RecordDeclarationRequest>("application/json")
        .Produces<DeclarationResponse>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .RequireAuthorization(Policies.SecretariatOfficer)
        .OfferedOn(NodeRole.Secretariat, TreatyProblems.NotSecretariat);

        group.MapGet("/declarations/{id:guid}", async (Guid id, Storage.ComityDbContext db, CancellationToken cancellationToken) =>
            await db.Declarations().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken) is { } record
                ? Results.Ok(DeclarationResponse.From(record))
                : Problems.NotFound("treaty.unknown-declaration", "There is no declaration with this id."))
        .WithName("GetTreatyDeclaration")
        .WithSummary("One recorded declaration, reservation or notification.")
        .WithTags("Treaty")
        .Produces<DeclarationResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .RequireAuthorization(Policies.SignedIn);
    }
}
