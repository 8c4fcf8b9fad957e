using Comity.Domain.Treaty;
using Comity.Node.Api;
using Comity.Node.Kernel;
using Comity.Node.Identity;

namespace Comity.Node.Features.Treaty.InForce;

/// <summary>Whether the Convention is in force between two participants on a date, and why.</summary>
public sealed record InForceResponse(string A, string B, DateOnly On, bool InForce, string Reason);

internal sealed class CheckInForceHandler(TreatyRegistry registry)
{
    public async Task<IResult> HandleAsync(string? a, string? b, string? on, CancellationToken cancellationToken)
    {
        var errors = new List<ProblemError>();
        TreatyInput.TryParticipant(a, "a", errors, out var first);
        TreatyInput.TryParticipant(b, "b", errors, out var second);
        var date = TreatyInput.OptionalDate(on, "on", registry.Today, errors);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var history = await registry.LoadHistoryAsync(cancellationToken);
        var inForce = history.IsInForceBetween(first!.Code, second!.Code, date);
        var reason = inForce
            ? $"The Convention is in force for both {first.Code} and {second.Code} on {TreatyInput.Iso(date)}."
            : first.Code == second.Code
                ? "A participant is not in a treaty relation with itself."
                : string.Join(" ", new[] { first, second }.Where(p => !history.IsParty(p.Code, date)).Select(p => NotParty(history, p, date)));
        return Results.Ok(new InForceResponse(first.Code.Value, second.Code.Value, date.ToDateOnly(), inForce, reason));
    }

    private static string NotParty(TreatyHistory history, Participant participant, NodaTime.LocalDate on)
    {
        var code = participant.Code;
        if (history.DenunciationEffective(code) is { } until && until <= on)
        {
            return $"{code}'s denunciation took effect on {TreatyInput.Iso(until)} (Art. 67(1)).";
        }

        if (history.InForceFrom(code) is { } from)
        {
            return $"The Convention enters into force for {code} on {TreatyInput.Iso(from)} (Art. 65).";
        }

        if (history.ConsentOf(code) is { } consent)
        {
            return $"{code} deposited its instrument of {consent.Kind.ToKeyword()} on {TreatyInput.Iso(consent.Date)}; the Convention is not yet in force (Art. 65(1)).";
        }

        return history.SignatureOf(code) is { } signature
            ? $"{code} signed on {TreatyInput.Iso(signature.Date)} but has not deposited an instrument of ratification, acceptance or approval (Art. 64(2))."
            : $"{code} has not expressed its consent to be bound by the Convention (Art. 64).";
    }
}

internal static class CheckInForceEndpoint
{
    public static void MapCheckInForce(this RouteGroupBuilder group)
    {
        group.MapGet("/in-force", (string? a, string? b, string? on, CheckInForceHandler handler, CancellationToken cancellationToken) =>
            handler.HandleAsync(a, b, on, cancellationToken))
        .WithName("CheckTreatyInForce")
        .WithSummary("Whether the Convention is in force between participants a and b on a date (default today, UTC), with the reason.")
        .WithTags("Treaty")
        .Produces<InForceResponse>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .RequireAuthorization(Policies.SignedIn);
    }
}
