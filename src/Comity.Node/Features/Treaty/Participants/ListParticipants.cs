using System.Globalization;
using Comity.Domain.Treaty;
using Comity.Node.Api;
using Comity.Node.Kernel;
using Comity.Node.Identity;
using NodaTime;

namespace Comity.Node.Features.Treaty.Participants;

/// <summary>Where a participant stands today, for filtering.</summary>
public enum ParticipantStanding
{
    /// <summary>No instrument recorded.</summary>
    None,

    /// <summary>Signed; no instrument of consent to be bound yet.</summary>
    Signatory,

    /// <summary>Deposited ratification, acceptance, approval or accession (the Convention may not yet be in force for it: see <c>inForceFrom</c>).</summary>
    Party,

    /// <summary>Its denunciation has been received (Art. 67(1)).</summary>
    Denounced,
}

/// <summary>One participant and where it stands.</summary>
/// <param name="Code">ISO 3166-1 alpha-2 code, or EU.</param>
/// <param name="Name">The name in the request's language.</param>
/// <param name="Kind">memberState, observerState or regionalEconomicIntegrationOrganization.</param>
/// <param name="SignedOn">Date of signature.</param>
/// <param name="ConsentKind">ratification, acceptance, approval or accession.</param>
/// <param name="ConsentDeposited">Date the instrument of consent was deposited.</param>
/// <param name="InForceFrom">When the Convention enters (or entered) into force for it (Art. 65).</param>
/// <param name="DenunciationEffective">When its denunciation takes effect (Art. 67(1)).</param>
/// <param name="Status">none, signatory, party or denounced.</param>
public sealed record ParticipantSummary(
    string Code,
    string Name,
    ParticipantKind Kind,
    DateOnly? SignedOn,
    InstrumentKind? ConsentKind,
    DateOnly? ConsentDeposited,
    DateOnly? InForceFrom,
    DateOnly? DenunciationEffective,
    ParticipantStanding Status);

/// <summary>A participant with everything recorded for it.</summary>
public sealed record ParticipantDetails(
    string Code,
    string Name,
    string UnName,
    ParticipantKind Kind,
    DateOnly? SignedOn,
    InstrumentKind? ConsentKind,
    DateOnly? ConsentDeposited,
    DateOnly? InForceFrom,
    DateOnly? DenunciationEffective,
    ParticipantStanding Status,
    bool EuropeanUnionMember,
    IReadOnlyList<InstrumentResponse> Instruments,
    IReadOnlyList<DeclarationResponse> Declarations);

/// <summary>A stored instrument.</summary>
public sealed record InstrumentResponse(Guid Id, string Participant, InstrumentKind Kind, DateOnly Date, string? DepositaryNotification, string Source, DateTimeOffset RecordedAt, string? RecordedBy)
{
    internal static InstrumentResponse From(InstrumentRecord r) => new(r.Id, r.Participant, r.Kind, r.Date, r.DepositaryNotification, r.Source, r.RecordedAt, r.RecordedBy);
}

/// <summary>A stored declaration, reservation or notification.</summary>
public sealed record DeclarationResponse(Guid Id, string Participant, DeclarationKind Kind, NotificationSubject? Subject, string Article, DateOnly Date, string Text, string Source, DateTimeOffset RecordedAt, string? RecordedBy)
{
    internal static DeclarationResponse From(DeclarationRecord r) => new(r.Id, r.Participant, r.Kind, r.Subject, r.Article, r.Date, r.Text, r.Source, r.RecordedAt, r.RecordedBy);
}

/// <summary>Filters: free text (code, UN name, alias or localized name), kind and standing.</summary>
internal sealed record ParticipantFilter(string? Text, ParticipantKind? Kind, ParticipantStanding? Status);

internal sealed class ListParticipantsHandler(TreatyRegistry registry)
{
    public async Task<IReadOnlyList<ParticipantSummary>> HandleAsync(ParticipantFilter filter, CultureInfo culture, CancellationToken cancellationToken)
    {
        var history = await registry.LoadHistoryAsync(cancellationToken);
        var today = registry.Today;
        var text = filter.Text?.Trim();
        return ParticipantCatalogue.All
            .Select(p => Summarize(p, history, today, culture))
            .Where(s => filter.Kind is not { } kind || s.Kind == kind)
            .Where(s => filter.Status is not { } status || s.Status == status)
            .Where(s => string.IsNullOrEmpty(text) || Matches(s, text, culture))
            .OrderBy(s => s.Name, StringComparer.Create(culture, CompareOptions.IgnoreCase))
            .ToList();
    }

    public async Task<ParticipantDetails?> GetAsync(string codeOrName, CultureInfo culture, CancellationToken cancellationToken)
    {
        if (!ParticipantCatalogue.TryFind(codeOrName, out var participant))
        {
            return null;
        }

        var history = await registry.LoadHistoryAsync(cancellationToken);
        var today = registry.Today;
        var s = Summarize(participant, history, today, culture);
        var instruments = await registry.InstrumentsOfAsync(participant.Code, cancellationToken);
        var declarations = await registry.DeclarationsOfAsync(participant.Code, cancellationToken);
        return new ParticipantDetails(
            s.Code, s.Name, participant.UnName, s.Kind, s.SignedOn, s.ConsentKind, s.ConsentDeposited, s.InForceFrom, s.DenunciationEffective, s.Status,
            ParticipantCatalogue.IsMemberOf(participant.Code, ParticipantCatalogue.EuropeanUnion, today),
            [.. instruments.Select(InstrumentResponse.From)],
            [.. declarations.Select(DeclarationResponse.From)]);
    }

    internal static ParticipantSummary Summarize(Participant participant, TreatyHistory history, LocalDate today, CultureInfo culture)
    {
        var code = participant.Code;
        var signature = history.SignatureOf(code);
        var consent = history.ConsentOf(code);
        var denunciation = history.DenunciationOf(code);
        var standing = denunciation is not null ? ParticipantStanding.Denounced
            : consent is not null ? ParticipantStanding.Party
            : signature is not null ? ParticipantStanding.Signatory
            : ParticipantStanding.None;
        return new ParticipantSummary(
            code.Value,
            ParticipantCatalogue.DisplayName(code, culture),
            participant.Kind,
            signature?.Date.ToDateOnly(),
            consent?.Kind,
            consent?.Date.ToDateOnly(),
            history.InForceFrom(code)?.ToDateOnly(),
            history.DenunciationEffective(code)?.ToDateOnly(),
            standing);
    }

    private static bool Matches(ParticipantSummary s, string text, CultureInfo culture) =>
        culture.CompareInfo.IndexOf(s.Name, text, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0
        || s.Code.Equals(text, StringComparison.OrdinalIgnoreCase)
        || (ParticipantCatalogue.TryFind(s.Code, out var p)
            && p.Aliases.Prepend(p.UnName).Any(n => n.Contains(text, StringComparison.OrdinalIgnoreCase)));
}

internal static class ParticipantsEndpoints
{
    public static void MapParticipants(this RouteGroupBuilder group)
    {
        group.MapGet("/participants", async (string? q, string? kind, string? status, ListParticipantsHandler handler, CancellationToken cancellationToken) =>
        {
            var errors = new List<ProblemError>();
            var filter = ParseFilter(q, kind, status, errors);
            if (errors.Count > 0)
            {
                return Problems.Validation(errors);
            }

            return Results.Ok(await handler.HandleAsync(filter, CultureInfo.CurrentUICulture, cancellationToken));
        })
        .WithName("ListTreatyParticipants")
        .WithSummary("Every State and organization that can join the Convention (Art. 64), with its standing; names in the request's language. Filters: q (text), kind, status (signatory, party, none, denounced).")
        .WithTags("Treaty")
        .Produces<IReadOnlyList<ParticipantSummary>>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .RequireAuthorization(Policies.SignedIn);

        group.MapGet("/participants/{code}", async (string code, ListParticipantsHandler handler, CancellationToken cancellationToken) =>
        {
            var details = await handler.GetAsync(code, CultureInfo.CurrentUICulture, cancellationToken);
            return details is null
                ? Problems.NotFound("treaty.unknown-participant", $"\"{code}\" is not a State or organization that can join the Convention (Art. 64(1)).")
                : Results.Ok(details);
        })
        .WithName("GetTreatyParticipant")
        .WithSummary("One participant with its instruments, declarations, reservations and notifications.")
        .WithTags("Treaty")
        .Produces<ParticipantDetails>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .RequireAuthorization(Policies.SignedIn);
    }

    /// <summary>Parses the filter; the page uses the same rules as the API (unknown values are field errors).</summary>
    internal static ParticipantFilter ParseFilter(string? q, string? kind, string? status, List<ProblemError> errors)
    {
        ParticipantKind? parsedKind = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (TryCamelCase<ParticipantKind>(kind, out var k))
            {
                parsedKind = k;
            }
            else
            {
                errors.Add(new ProblemError("kind", "treaty.unknown-participant-kind", "Use memberState, observerState or regionalEconomicIntegrationOrganization."));
            }
        }

        ParticipantStanding? parsedStatus = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (TryCamelCase<ParticipantStanding>(status, out var s))
            {
                parsedStatus = s;
            }
            else
            {
                errors.Add(new ProblemError("status", "treaty.unknown-status", "Use signatory, party, none or denounced."));
            }
        }

        return new ParticipantFilter(string.IsNullOrWhiteSpace(q) ? null : q.Trim(), parsedKind, parsedStatus);
    }

    /// <summary>Matches an enum value by its camelCase wire name (case-insensitive), never by number.</summary>
    internal static bool TryCamelCase<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(candidate.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The camelCase wire name of an enum value, as the JSON options write it.</summary>
    internal static string Wire<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        return string.Concat(name[..1].ToLowerInvariant(), name[1..]);
    }
}
