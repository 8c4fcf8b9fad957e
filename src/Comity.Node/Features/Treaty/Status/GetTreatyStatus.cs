using Comity.Domain.Legal;
using Comity.Domain.Treaty;
using Comity.Node.Api;
using Comity.Node.Kernel;
using Comity.Node.Identity;
using NodaTime;

namespace Comity.Node.Features.Treaty.Status;

/// <summary>The treaty status as of a date: counts, progress toward 40 and 60, dates and timeline.</summary>
/// <param name="AsOf">Only instruments dated on or before this date count; dates that follow from them are projected.</param>
/// <param name="Source">Where the seeded data comes from.</param>
/// <param name="Signatories">Participants that have signed.</param>
/// <param name="ConsentInstruments">Participants that have deposited ratification, acceptance, approval or accession.</param>
/// <param name="PartiesInForce">Participants for which the Convention is in force on <paramref name="AsOf"/>.</param>
/// <param name="EntryIntoForce">General entry into force (Art. 65(1)), once the 40th instrument is deposited.</param>
/// <param name="AmendmentProposalsFrom">First date amendments may be proposed (Art. 66(1)).</param>
/// <param name="ProtocolThresholdReached">First date the Convention is in force for 60 States (Art. 62(1)).</param>
/// <param name="TowardEntryIntoForce">States' instruments counted toward the 40 (Art. 65(1)).</param>
/// <param name="TowardProtocols">States for which the Convention is in force, toward the 60 (Art. 62(1)).</param>
/// <param name="Timeline">Every instrument dated on or before <paramref name="AsOf"/>, in deposit order.</param>
/// <param name="Thresholds">The dates that follow, each with its article.</param>
public sealed record TreatyStatusResponse(
    DateOnly AsOf,
    TreatySourceResponse Source,
    int Signatories,
    int ConsentInstruments,
    int PartiesInForce,
    DateOnly? EntryIntoForce,
    DateOnly? AmendmentProposalsFrom,
    DateOnly? ProtocolThresholdReached,
    ThresholdProgress TowardEntryIntoForce,
    ThresholdProgress TowardProtocols,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<TreatyThreshold> Thresholds);

/// <summary>Where the seeded treaty data comes from.</summary>
public sealed record TreatySourceResponse(string Name, DateOnly StatusDate, string Url, string Note)
{
    public static TreatySourceResponse Current { get; } = new(TreatySource.Name, TreatySource.StatusDate, TreatySource.Url, TreatySource.Note);
}

/// <summary>A count toward a number the Convention fixes, with the article that fixes it.</summary>
public sealed record ThresholdProgress(int Count, int Threshold, string Basis);

/// <summary>One instrument on the timeline.</summary>
public sealed record TimelineEntry(DateOnly Date, string Participant, InstrumentKind Kind);

/// <summary>A date that follows from the instruments: <c>fortiethInstrument</c>, <c>entryIntoForce</c>, <c>protocolThreshold</c>, <c>amendmentProposals</c>.</summary>
public sealed record TreatyThreshold(string Name, DateOnly Date, string Basis);

/// <summary>The counts on one day, for the chart.</summary>
public sealed record StatusPoint(LocalDate Date, int Signatories, int InstrumentsCounted, int StatesInForce);

/// <summary>What the status page shows: the API response plus the chart's series.</summary>
internal sealed record TreatyStatusView(TreatyStatusResponse Response, TreatyStatus Status, IReadOnlyList<StatusPoint> Series);

internal sealed class GetTreatyStatusHandler(TreatyRegistry registry)
{
    public async Task<TreatyStatusView> HandleAsync(LocalDate? asOf, CancellationToken cancellationToken)
    {
        var date = asOf ?? registry.Today;
        var all = await registry.LoadHistoryAsync(cancellationToken);

        // The register as known on the date; derived dates after it are projections (TreatyHistory.Status).
        var known = TreatyHistory.Build(all.Instruments.Where(i => i.Date <= date)).History
            ?? throw new InvalidOperationException("A prefix of a valid history is valid.");
        var status = known.Status(date);

        var thresholds = new List<TreatyThreshold>();
        if (known.FortiethInstrument is { } fortieth)
        {
            thresholds.Add(new("fortiethInstrument", fortieth.Date.ToDateOnly(), ConventionNumbers.InstrumentsForEntryIntoForce.Basis.ToString()));
        }

        Add("entryIntoForce", status.EntryIntoForce, ConventionNumbers.DaysAfterFortiethInstrument.Basis);
        Add("protocolThreshold", status.ProtocolThresholdReached, ConventionNumbers.PartiesForProtocols.Basis);
        Add("amendmentProposals", status.AmendmentProposalsFrom, ConventionNumbers.AmendmentBarYears.Basis);

        var response = new TreatyStatusResponse(
            date.ToDateOnly(),
            TreatySourceResponse.Current,
            status.Signatories,
            status.ConsentInstrumentsDeposited,
            status.PartiesInForce,
            status.EntryIntoForce?.ToDateOnly(),
            status.AmendmentProposalsFrom?.ToDateOnly(),
            status.ProtocolThresholdReached?.ToDateOnly(),
            new ThresholdProgress(status.InstrumentsCountedForEntryIntoForce, TreatyStatus.InstrumentsForEntryIntoForce, ConventionNumbers.InstrumentsForEntryIntoForce.Basis.ToString()),
            new ThresholdProgress(status.StatesInForce, TreatyStatus.StatesForProtocols, ConventionNumbers.PartiesForProtocols.Basis.ToString()),
            known.Instruments.Order(TreatyHistory.DepositOrder).Select(i => new TimelineEntry(i.Date.ToDateOnly(), i.Participant.Value, i.Kind)).ToList(),
            thresholds);
        return new TreatyStatusView(response, status, Series(known, date));

        void Add(string name, LocalDate? on, ArticleReference basis)
        {
            if (on is { } d)
            {
                thresholds.Add(new(name, d.ToDateOnly(), basis.ToString()));
            }
        }
    }

    /// <summary>The counts on every day something changes (deposits, and the projected in-force dates), from the domain.</summary>
    private static List<StatusPoint> Series(TreatyHistory known, LocalDate asOf)
    {
        var dates = new SortedSet<LocalDate>(known.Instruments.Select(i => i.Date));
        foreach (var participant in known.Instruments.Select(i => i.Participant).Distinct())
        {
            if (known.InForceFrom(participant) is { } from)
            {
                dates.Add(from);
            }

            if (known.DenunciationEffective(participant) is { } until)
            {
                dates.Add(until);
            }
        }

        dates.Add(asOf);
        return dates.Select(d => known.Status(d)).Select(s => new StatusPoint(s.AsOf, s.Signatories, s.InstrumentsCountedForEntryIntoForce, s.StatesInForce)).ToList();
    }
}

internal static class GetTreatyStatusEndpoint
{
    public static void MapGetTreatyStatus(this RouteGroupBuilder group)
    {
        group.MapGet("/status", async (string? asOf, GetTreatyStatusHandler handler, CancellationToken cancellationToken) =>
        {
            var errors = new List<ProblemError>();
            LocalDate? date = string.IsNullOrWhiteSpace(asOf) ? null : TreatyInput.TryDate(asOf, "asOf", errors, out var d) ? d : null;
            if (errors.Count > 0)
            {
                return Problems.Validation(errors);
            }

            var view = await handler.HandleAsync(date, cancellationToken);
            return Results.Ok(view.Response);
        })
        .WithName("GetTreatyStatus")
        .WithSummary("Treaty status as of a date (default today, UTC): counts, progress toward 40 (Art. 65(1)) and 60 (Art. 62(1)), derived dates and the timeline.")
        .WithTags("Treaty")
        .Produces<TreatyStatusResponse>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .RequireAuthorization(Policies.SignedIn);
    }
}
