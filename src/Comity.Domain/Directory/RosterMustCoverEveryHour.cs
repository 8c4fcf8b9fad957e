using System.Globalization;
using Comity.Domain.Legal;
using NodaTime;
using NodaTime.Text;

namespace Comity.Domain.Directory;

/// <summary>
/// A 24/7 point of contact is available 24 hours a day, 7 days a week (Art. 41(1)): its on-call roster
/// must leave no instant uncovered. Finds every gap, with exact start and end, in a window (by
/// default the coming <see cref="DefaultHorizonDays"/> days, Comity's planning horizon, not a number
/// of the Convention).
/// </summary>
public static class RosterMustCoverEveryHour
{
    public const string Code = "directory.roster-gap";

    public const int DefaultHorizonDays = 14;

    public static ArticleReference Basis => Convention.Art(41, 1);

    public static Interval DefaultWindow(Instant now) => new(now, now.Plus(Duration.FromDays(DefaultHorizonDays)));

    /// <summary>The uncovered intervals of <paramref name="window"/>, in order, none empty. Overlapping and touching shifts merge.</summary>
    public static IReadOnlyList<Interval> FindGaps(IEnumerable<RosterShift> roster, Interval window)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var gaps = new List<Interval>();
        var cursor = window.Start;
        foreach (var shift in roster.Where(s => s.End > window.Start && s.Start < window.End && s.End > s.Start).OrderBy(s => s.Start))
        {
            if (shift.Start > cursor)
            {
                gaps.Add(new Interval(cursor, shift.Start));
            }

            if (shift.End > cursor)
            {
                cursor = shift.End;
            }

            if (cursor >= window.End)
            {
                break;
            }
        }

        if (cursor < window.End)
        {
            gaps.Add(new Interval(cursor, window.End));
        }

        return gaps;
    }

    /// <summary>One violation per gap, naming its start and end (UTC, ISO 8601).</summary>
    public static RuleCheck Check(IEnumerable<RosterShift> roster, Interval window) =>
        new([.. FindGaps(roster, window).Select(gap => new RuleViolation(
            Code,
            string.Create(CultureInfo.InvariantCulture, $"Nobody is on call from {InstantPattern.General.Format(gap.Start)} to {InstantPattern.General.Format(gap.End)} ({gap.Duration.TotalHours:0.##} h): a 24/7 point of contact must be reachable at every hour."),
            Basis))]);
}
