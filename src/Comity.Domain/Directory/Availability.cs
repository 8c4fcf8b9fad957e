using NodaTime;

namespace Comity.Domain.Directory;

/// <summary>Whether an office can be reached at an instant, and by whom.</summary>
public static class Availability
{
    /// <summary>
    /// A round-the-clock office (<see cref="DesignationSchedule.Always"/>) is available unless it keeps a
    /// roster and nobody is on call at that instant: a 24/7 point is only as available as its roster
    /// (Art. 41(1)). Any other office is available during its hours, read in its own time zone, so that
    /// daylight saving time moves the hours with the local clock.
    /// </summary>
    public static bool IsAvailableAt(DesignationSchedule designation, Instant instant)
    {
        ArgumentNullException.ThrowIfNull(designation);
        if (designation.Always)
        {
            return designation.Roster.Count == 0 || designation.Roster.Any(s => s.Covers(instant));
        }

        var local = instant.InZone(designation.Zone).LocalDateTime;
        return designation.Hours.Any(h => h.Covers(local));
    }

    /// <summary>Who is on call at the instant (the shift that started last when shifts overlap), or null.</summary>
    public static RosterShift? OnDutyAt(IReadOnlyList<RosterShift> roster, Instant instant)
    {
        ArgumentNullException.ThrowIfNull(roster);
        return roster.Where(s => s.Covers(instant)).OrderByDescending(s => s.Start).FirstOrDefault();
    }
}
