using System.Security.Claims;
using Comity.Domain.Treaty;
using Comity.Node.Api;
using Comity.Node.Features.Treaty.Participants;
using Comity.Node.Kernel;
using Comity.Node.Identity;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Features.Treaty.Record;

/// <summary>Records an instrument with the depositary (Arts. 64, 67).</summary>
/// <param name="Participant">ISO 3166-1 alpha-2 code, EU, or the UN short name.</param>
/// <param name="Kind">signature, ratification, acceptance, approval, accession or denunciation.</param>
/// <param name="Date">yyyy-MM-dd: date of signature, of deposit, or of receipt of a denunciation.</param>
/// <param name="DepositaryNotification">The depositary notification, e.g. C.N.196.2025.TREATIES-XVIII.16 (at most 128 characters).</param>
public sealed record RecordInstrumentRequest(string? Participant, string? Kind, string? Date, string? DepositaryNotification);

/// <summary>Recording is offered on the Secretariat only (the Secretary-General is the depositary); a State node answers with this.</summary>
internal static class TreatyProblems
{
    public const string NotSecretariatCode = "treaty.not-secretariat";

    public const string NotSecretariatDetail =
        "The treaty registry is kept by the Secretariat (the Secretary-General is the depositary, Art. 68); a State node shows it read-only and cannot record instruments.";

    public static IResult NotSecretariat() => Problems.Conflict(NotSecretariatCode, NotSecretariatDetail);
}

/// <summary>Records an instrument on the Secretariat (offered there only, see the endpoint).</summary>
internal sealed class RecordInstrumentHandler(TreatyRegistry registry, ComityMetrics metrics, CommittedEvents<InstrumentsRecorded> recorded)
{
    public const int MaxNotificationLength = 128;

    public async Task<Result<InstrumentResponse>> HandleAsync(RecordInstrumentRequest request, ClaimsPrincipal user, string channel, CancellationToken cancellationToken)
    {
        var errors = new List<ProblemError>();
        TreatyInput.TryParticipant(request.Participant, "participant", errors, out var participant);
        if (!InstrumentKinds.TryParseKeyword(request.Kind, out var kind))
        {
            errors.Add(new ProblemError("kind", "treaty.unknown-instrument-kind", "Use signature, ratification, acceptance, approval, accession or denunciation."));
        }

        TreatyInput.TryDate(request.Date, "date", errors, out var date);
        var notification = string.IsNullOrWhiteSpace(request.DepositaryNotification) ? null : request.DepositaryNotification.Trim();
        if (notification is { Length: > MaxNotificationLength })
        {
            errors.Add(new ProblemError("depositaryNotification", "treaty.notification-too-long", $"A depositary notification reference has at most {MaxNotificationLength} characters."));
        }

        if (errors.Count > 0)
        {
            return Error.Invalid(errors);
        }

        var outcome = await registry.RecordAsync([new Instrument(participant!.Code, kind, date, notification)], channel, user.Identity?.Name, cancellationToken);
        if (outcome.Error is { } refused)
        {
            foreach (var violation in refused.RuleViolations)
            {
                metrics.RuleRefusals.Add(1, new KeyValuePair<string, object?>("code", violation.Code));
            }

            return refused;
        }

        // Stored: whoever publishes the treaty's facts does what it must now that it is committed.
        await recorded.CommittedAsync(new InstrumentsRecorded([.. outcome.Value.Select(TreatyRegistry.ToDomain)]), cancellationToken);
        return InstrumentResponse.From(outcome.Value[0]);
    }
}

internal static class RecordInstrumentEndpoint
{
    public static void MapRecordInstrument(this RouteGroupBuilder group)
    {
        group.MapPost("/instruments", async (RecordInstrumentRequest request, ClaimsPrincipal user, RecordInstrumentHandler handler, CancellationToken cancellationToken) =>
            (await handler.HandleAsync(request, user, TreatyChannels.Api, cancellationToken)).ToHttp(i => Results.Created($"/api/v1/treaty/instruments/{i.Id}", i)))
        .WithName("RecordTreatyInstrument")
        .WithSummary("Record a signature, ratification, acceptance, approval, accession or denunciation (Arts. 64, 67). Secretariat node only; an impossible sequence is refused with the rule and its article.")
        .WithTags("Treaty")
        .Accepts<RecordInstrumentRequest>("application/json")
        .Produces<InstrumentResponse>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .RequireAuthorization(Policies.SecretariatOfficer)
        .OfferedOn(NodeRole.Secretariat, TreatyProblems.NotSecretariat);

        group.MapGet("/instruments/{id:guid}", async (Guid id, Storage.ComityDbContext db, CancellationToken cancellationToken) =>
            await db.Instruments().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken) is { } record
                ? Results.Ok(InstrumentResponse.From(record))
                : Problems.NotFound("treaty.unknown-instrument", "There is no instrument with this id."))
        .WithName("GetTreatyInstrument")
        .WithSummary("One recorded instrument.")
        .WithTags("Treaty")
        .Produces<InstrumentResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .RequireAuthorization(Policies.SignedIn);
    }
}

/// <summary>The <c>Source</c> of a record entered by a person: through the API or the page.</summary>
internal static class TreatyChannels
{
    public const string Api = "api";

    public const string Ui = "ui";
}
