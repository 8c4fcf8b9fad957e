using NodaTime;

namespace Comity.Domain.Directory;

/// <summary>
/// Opening hours on some days of the week, as local times in the office's time zone. When
/// <see cref="To"/> is not after <see cref="From"/> the hours run past midnight into the next day
/// (22:00–06:00); 00:00–00:00 is the whole day.
/// </summary>
public sealed record OfficeHours(IReadOnlyList<IsoDayOfWeek> Days, LocalTime From, LocalTime To)
{
    public bool Covers(LocalDateTime local)
    {
        var time = local.TimeOfDay;
        if (From < To)
        {
            return Days.Contains(local.DayOfWeek) && time >= From && time < To;
        }

        // Past midnight: the evening part on a listed day, the morning part on the day after one.
        var previous = local.Date.PlusDays(-1).DayOfWeek;
        return (Days.Contains(local.DayOfWeek) && time >= From) || (Days.Contains(previous) && time < To);
    }
}

/// <summary>One on-call shift of a 24/7 point of contact: from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive).</summary>
public sealed record RosterShift(Instant Start, Instant End, string Officer)
{
    public Interval Interval => new(Start, End);

    public bool Covers(Instant instant) => instant >= Start && instant < End;
}

/// <summary>When an office can be reached: its role, time zone, office hours or round-the-clock service, and roster.</summary>
public sealed record DesignationSchedule(
    DesignationRole Role,
    DateTimeZone Zone,
    bool Always,
    IReadOnlyList<OfficeHours> Hours,
    IReadOnlyList<RosterShift> Roster);
