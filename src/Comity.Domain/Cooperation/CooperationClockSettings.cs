using NodaTime;

namespace Comity.Domain.Cooperation;

/// <summary>How fast a kind must be acknowledged and when it goes stale. Comity's defaults, not numbers of the Convention.</summary>
public sealed record KindClocks(Duration AcknowledgeWithin, Duration StaleAfter);

/// <summary>
/// The clocks of the two channels. The Convention fixes only the 60-day minimum preservation
/// (<see cref="Legal.ConventionNumbers.MinimumPreservationDays"/>); everything here is a node setting
/// with defaults: acknowledgement within 15 minutes for an emergency, 1 hour for preservation and
/// disclosure, 4 hours for locating a suspect, 24 hours for advice and legal information; stale after
/// 7 days without movement (1 day for an emergency); reminders 14 and 3 days before a preservation expires.
/// Between central authorities, which answer "as soon as possible" with no day count (Art. 40): acknowledgement
/// within 2 days (5 for spontaneous information), stale after 30 days, status inquiries answered within 10 days.
/// </summary>
public sealed record CooperationClockSettings
{
    public static CooperationClockSettings Default { get; } = new()
    {
        Kinds = new Dictionary<RequestKind, KindClocks>
        {
            [RequestKind.EmergencyDisclosure] = new(Duration.FromMinutes(15), Duration.FromDays(1)),
            [RequestKind.ExpeditedPreservation] = new(Duration.FromHours(1), Duration.FromDays(7)),
            [RequestKind.ExpeditedDisclosureOfTrafficData] = new(Duration.FromHours(1), Duration.FromDays(7)),
            [RequestKind.LocateSuspect] = new(Duration.FromHours(4), Duration.FromDays(7)),
            [RequestKind.TechnicalAdvice] = new(Duration.FromHours(24), Duration.FromDays(7)),
            [RequestKind.LegalInformation] = new(Duration.FromHours(24), Duration.FromDays(7)),
            [RequestKind.MutualLegalAssistance] = new(Duration.FromDays(2), Duration.FromDays(30)),
            [RequestKind.StoredDataAccess] = new(Duration.FromDays(2), Duration.FromDays(30)),
            [RequestKind.RealTimeTrafficDataCollection] = new(Duration.FromDays(2), Duration.FromDays(30)),
            [RequestKind.ContentDataInterception] = new(Duration.FromDays(2), Duration.FromDays(30)),
            [RequestKind.SpontaneousInformation] = new(Duration.FromDays(5), Duration.FromDays(30)),
        },
        PreservationRemindersBeforeExpiry = [Duration.FromDays(14), Duration.FromDays(3)],
        StatusAnswerWithin = Duration.FromDays(10),
    };

    /// <summary>How long the requested side has to answer a status inquiry (Art. 40 says only "reasonable").</summary>
    public Duration StatusAnswerWithin { get; init; } = Duration.FromDays(10);

    /// <summary>Per kind; a kind missing here uses <see cref="Default"/>'s value.</summary>
    public required IReadOnlyDictionary<RequestKind, KindClocks> Kinds { get; init; }

    /// <summary>How long before a preservation expires the requester is reminded (each one a reminder).</summary>
    public required IReadOnlyList<Duration> PreservationRemindersBeforeExpiry { get; init; }

    public KindClocks For(RequestKind kind) =>
        Kinds.TryGetValue(kind, out var clocks) ? clocks : Default.Kinds[kind];

    /// <summary>What is wrong with these settings (durations must be positive), for start-up validation; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (kind, clocks) in Kinds)
        {
            if (clocks.AcknowledgeWithin <= Duration.Zero)
            {
                problems.Add($"{kind.Wire()}: the acknowledgement time must be positive.");
            }

            if (clocks.StaleAfter <= Duration.Zero)
            {
                problems.Add($"{kind.Wire()}: the stale time must be positive.");
            }
        }

        if (StatusAnswerWithin <= Duration.Zero)
        {
            problems.Add("The time to answer a status inquiry must be positive.");
        }

        if (PreservationRemindersBeforeExpiry.Any(r => r <= Duration.Zero))
        {
            problems.Add("Preservation reminders must come before expiry (positive durations).");
        }

        return problems;
    }
}
