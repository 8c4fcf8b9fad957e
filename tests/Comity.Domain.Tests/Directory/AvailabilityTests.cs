using Comity.Domain.Directory;
using NodaTime;

namespace Comity.Domain.Tests.Directory;

public sealed class AvailabilityTests
{
    private static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static readonly IsoDayOfWeek[] Weekdays =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];

    private static DesignationSchedule Office(DateTimeZone zone, params OfficeHours[] hours) =>
        new(DesignationRole.CentralAuthority, zone, Always: false, hours, []);

    private static Instant Utc(int year, int month, int day, int hour, int minute = 0) =>
        Instant.FromUtc(year, month, day, hour, minute);

    [Fact]
    [Trait("Article", "40(13)")]
    public void IsAvailableAt_OfficeHoursInParis_FollowLocalClockAcrossSpringForward()
    {
        // Paris office 09:00–17:00 on weekdays. Friday 27 March 2026 is CET (UTC+1); Monday 30 March is CEST (UTC+2).
        var office = Office(Paris, new OfficeHours(Weekdays, new LocalTime(9, 0), new LocalTime(17, 0)));

        Assert.False(Availability.IsAvailableAt(office, Utc(2026, 3, 27, 7, 59)));
        Assert.True(Availability.IsAvailableAt(office, Utc(2026, 3, 27, 8, 0)));
        Assert.True(Availability.IsAvailableAt(office, Utc(2026, 3, 27, 15, 59)));
        Assert.False(Availability.IsAvailableAt(office, Utc(2026, 3, 27, 16, 0)));

        // After the change the same local hours are one hour earlier in UTC.
        Assert.False(Availability.IsAvailableAt(office, Utc(2026, 3, 30, 6, 59)));
        Assert.True(Availability.IsAvailableAt(office, Utc(2026, 3, 30, 7, 0)));
        Assert.True(Availability.IsAvailableAt(office, Utc(2026, 3, 30, 14, 59)));
        Assert.False(Availability.IsAvailableAt(office, Utc(2026, 3, 30, 15, 0)));
    }

    [Fact]
    public void IsAvailableAt_Weekend_IsClosed()
    {
        var office = Office(Paris, new OfficeHours(Weekdays, new LocalTime(9, 0), new LocalTime(17, 0)));
        Assert.False(Availability.IsAvailableAt(office, Utc(2026, 3, 28, 10, 0)));
    }

    [Fact]
    public void IsAvailableAt_FallBackInNewYork_UsesStandardTimeAfterTheChange()
    {
        // 1 November 2026: 02:00 EDT becomes 01:00 EST. Sunday hours 08:00–12:00 are 13:00–17:00 UTC after it.
        var office = Office(NewYork, new OfficeHours([IsoDayOfWeek.Sunday, IsoDayOfWeek.Saturday], new LocalTime(8, 0), new LocalTime(12, 0)));

        Assert.True(Availability.IsAvailableAt(office, Utc(2026, 10, 31, 12, 0))); // Saturday 08:00 EDT
        Assert.False(Availability.IsAvailableAt(office, Utc(2026, 11, 1, 12, 30))); // Sunday 07:30 EST
        Assert.True(Availability.IsAvailableAt(office, Utc(2026, 11, 1, 13, 0))); // Sunday 08:00 EST
    }

    [Fact]
    public void IsAvailableAt_HoursPastMidnight_CoverTheNextMorning()
    {
        var night = Office(Paris, new OfficeHours([IsoDayOfWeek.Friday], new LocalTime(22, 0), new LocalTime(6, 0)));

        Assert.True(Availability.IsAvailableAt(night, Utc(2026, 6, 5, 20, 0))); // Friday 22:00 CEST
        Assert.True(Availability.IsAvailableAt(night, Utc(2026, 6, 6, 3, 59))); // Saturday 05:59 CEST
        Assert.False(Availability.IsAvailableAt(night, Utc(2026, 6, 6, 4, 0))); // Saturday 06:00
        Assert.False(Availability.IsAvailableAt(night, Utc(2026, 6, 4, 20, 0))); // Thursday 22:00
    }

    [Fact]
    [Trait("Article", "41(1)")]
    public void IsAvailableAt_AlwaysWithRoster_NeedsSomeoneOnCall()
    {
        var shift = new RosterShift(Utc(2026, 3, 28, 0, 0), Utc(2026, 3, 29, 0, 0), "Officer A");
        var point = new DesignationSchedule(DesignationRole.PointOfContact247, Paris, Always: true, [], [shift]);

        Assert.True(Availability.IsAvailableAt(point, Utc(2026, 3, 28, 23, 59)));
        Assert.False(Availability.IsAvailableAt(point, Utc(2026, 3, 29, 0, 0)));
        Assert.Equal("Officer A", Availability.OnDutyAt(point.Roster, Utc(2026, 3, 28, 12, 0))?.Officer);
        Assert.Null(Availability.OnDutyAt(point.Roster, Utc(2026, 3, 29, 12, 0)));
    }

    [Fact]
    [Trait("Article", "41(1)")]
    public void IsAvailableAt_AlwaysWithoutRoster_IsAlwaysAvailable()
    {
        var point = new DesignationSchedule(DesignationRole.PointOfContact247, Paris, Always: true, [], []);
        Assert.True(Availability.IsAvailableAt(point, Utc(2026, 3, 29, 1, 30)));
    }

    [Fact]
    public void OnDutyAt_OverlappingShifts_TheLaterHandoverWins()
    {
        var roster = new[]
        {
            new RosterShift(Utc(2026, 1, 1, 0), Utc(2026, 1, 1, 13), "Night"),
            new RosterShift(Utc(2026, 1, 1, 12), Utc(2026, 1, 2, 0), "Day"),
        };
        Assert.Equal("Day", Availability.OnDutyAt(roster, Utc(2026, 1, 1, 12, 30))?.Officer);
    }
}
