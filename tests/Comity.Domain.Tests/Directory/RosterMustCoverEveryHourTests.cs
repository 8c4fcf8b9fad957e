using Comity.Domain.Directory;
using Comity.Domain.Legal;
using CsCheck;
using NodaTime;

namespace Comity.Domain.Tests.Directory;

[Trait("Article", "41(1)")]
public sealed class RosterMustCoverEveryHourTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 20, 9, 0);

    private static RosterShift Shift(int fromHours, int toHours, string officer = "Officer") =>
        new(Now.Plus(Duration.FromHours(fromHours)), Now.Plus(Duration.FromHours(toHours)), officer);

    [Fact]
    public void FindGaps_FullCoverage_HasNone()
    {
        var roster = Enumerable.Range(0, 14).Select(d => Shift(d * 24, (d + 1) * 24)).ToArray();
        Assert.Empty(RosterMustCoverEveryHour.FindGaps(roster, RosterMustCoverEveryHour.DefaultWindow(Now)));
        Assert.True(RosterMustCoverEveryHour.Check(roster, RosterMustCoverEveryHour.DefaultWindow(Now)).IsValid);
    }

    [Fact]
    public void FindGaps_HoleAndTail_ReturnsExactInstants()
    {
        // Covered 0–30 h and 36–200 h (overlapping shifts merge); window is 336 h.
        var roster = new[] { Shift(0, 20), Shift(12, 30), Shift(36, 120), Shift(100, 200) };

        var gaps = RosterMustCoverEveryHour.FindGaps(roster, RosterMustCoverEveryHour.DefaultWindow(Now));

        Assert.Equal(
            [new Interval(Now.Plus(Duration.FromHours(30)), Now.Plus(Duration.FromHours(36))), new Interval(Now.Plus(Duration.FromHours(200)), Now.Plus(Duration.FromDays(14)))],
            gaps);
    }

    [Fact]
    public void FindGaps_EmptyRoster_IsOneGapOverTheWindow()
    {
        var window = RosterMustCoverEveryHour.DefaultWindow(Now);
        Assert.Equal([window], RosterMustCoverEveryHour.FindGaps([], window));
    }

    [Fact]
    public void FindGaps_ShiftsOutsideTheWindow_AreIgnored()
    {
        var roster = new[] { Shift(-48, -24), Shift(-1, 10), Shift(400, 500) };
        var gaps = RosterMustCoverEveryHour.FindGaps(roster, RosterMustCoverEveryHour.DefaultWindow(Now));
        Assert.Equal([new Interval(Now.Plus(Duration.FromHours(10)), Now.Plus(Duration.FromDays(14)))], gaps);
    }

    [Fact]
    public void Check_EachGap_IsAViolationCitingArticle41()
    {
        var check = RosterMustCoverEveryHour.Check([Shift(0, 24), Shift(30, 336)], RosterMustCoverEveryHour.DefaultWindow(Now));

        var violation = Assert.Single(check.Violations);
        Assert.Equal("directory.roster-gap", violation.Code);
        Assert.Equal(Convention.Art(41, 1), violation.Basis);
        Assert.Contains("2026-03-21T09:00:00Z", violation.Message, StringComparison.Ordinal);
        Assert.Contains("2026-03-21T15:00:00Z", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindGaps_GapsAndShifts_PartitionTheWindow()
    {
        var shifts = Gen.Select(Gen.Int[-50, 400], Gen.Int[1, 60], (start, length) => Shift(start, start + length)).Array[0, 30];
        shifts.Sample(roster =>
        {
            var window = RosterMustCoverEveryHour.DefaultWindow(Now);
            var gaps = RosterMustCoverEveryHour.FindGaps(roster, window);

            // Sample the window every 30 minutes: each instant is in exactly one of "a gap" or "a shift".
            for (var t = window.Start; t < window.End; t = t.Plus(Duration.FromMinutes(30)))
            {
                var inGap = gaps.Count(g => g.Contains(t));
                var covered = roster.Any(s => s.Covers(t));
                if (inGap > 1 || (inGap == 1) == covered)
                {
                    return false;
                }
            }

            // Gaps are ordered, non-empty, disjoint and inside the window, and their total plus the covered time is the window.
            var ordered = gaps.Zip(gaps.Skip(1)).All(p => p.First.End < p.Second.Start);
            var inside = gaps.All(g => g.Start >= window.Start && g.End <= window.End && g.Duration > Duration.Zero);
            var covered2 = CoveredDuration(roster, window);
            var total = gaps.Aggregate(Duration.Zero, (sum, g) => sum + g.Duration) + covered2;
            return ordered && inside && total == window.Duration;
        });
    }

    private static Duration CoveredDuration(RosterShift[] roster, Interval window)
    {
        var covered = Duration.Zero;
        var cursor = window.Start;
        foreach (var shift in roster.OrderBy(s => s.Start))
        {
            var start = Max(Max(shift.Start, cursor), window.Start);
            var end = Min(shift.End, window.End);
            if (end > start)
            {
                covered += end - start;
                cursor = end;
            }
        }

        return covered;
    }

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;
}
