using System.Globalization;
using System.Text;
using NodaTime.Text;

namespace Comity.Domain.Cooperation;

/// <summary>
/// Writes <c>docs/cooperation/workflows.md</c> from the kinds' profiles: per kind its basis, channel,
/// required contents, refusal grounds, default clocks and a Mermaid state diagram of its transition
/// table. A test keeps the committed file equal to this output.
/// </summary>
public static class CooperationDiagrams
{
    public static string Markdown(CooperationClockSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var text = new StringBuilder();
        text.Append("# 24/7 request workflows\n\n");
        text.Append("Generated from `RequestKindProfiles` and `CooperationClockSettings.Default` in `src/Comity.Domain/Cooperation/`.\n");
        text.Append("Do not edit by hand: `CooperationDiagramsTests` fails when this file is out of date; rewrite it with\n");
        text.Append("`COMITY_UPDATE_DOCS=1 dotnet test tests/Comity.Domain.Tests --filter FullyQualifiedName~CooperationDiagramsTests`.\n");
        text.Append("Arrows are labelled with the event and the side that alone may record it; `[*]` at the end marks a final state.\n");
        foreach (var profile in RequestKindProfiles.All)
        {
            var clocks = settings.For(profile.Kind);
            text.Append(CultureInfo.InvariantCulture, $"\n## {profile.Title} (`{profile.Kind.Wire()}`), {profile.Basis}\n\n");
            text.Append(CultureInfo.InvariantCulture, $"- Channel: `{Directory.DesignationRoles.Wire(profile.Channel)}` ({Directory.DesignationRoles.Basis(profile.Channel)})\n");
            text.Append(CultureInfo.InvariantCulture, $"- Required contents: {string.Join(", ", profile.RequiredContents.Select(r => $"`{r.Item.Wire()}` ({r.Basis})"))}\n");
            text.Append(CultureInfo.InvariantCulture, $"- Refusal grounds: {string.Join(", ", profile.RefusalGrounds.Select(g => $"`{g.Wire()}` ({g.Basis()})"))}\n");
            text.Append(CultureInfo.InvariantCulture, $"- Default clocks: acknowledge within {Format(clocks.AcknowledgeWithin)}, stale after {Format(clocks.StaleAfter)} without movement");
            if (profile.Transitions.States.Contains(RequestState.Preserved))
            {
                text.Append(CultureInfo.InvariantCulture, $"; preservation at least {Legal.ConventionNumbers.MinimumPreservationDays.Value} days ({Legal.ConventionNumbers.MinimumPreservationDays.Basis}), reminders {string.Join(" and ", settings.PreservationRemindersBeforeExpiry.Select(Format))} before expiry");
            }

            text.Append("\n\n```mermaid\nstateDiagram-v2\n");
            foreach (var t in profile.Transitions.Transitions)
            {
                var from = t.From == RequestState.New ? "[*]" : t.From.ToString();
                text.Append(CultureInfo.InvariantCulture, $"    {from} --> {t.To} : {t.On.Wire()} ({t.On.Owner().Wire()})\n");
            }

            foreach (var final in profile.Transitions.States.Where(s => s.IsFinal()))
            {
                text.Append(CultureInfo.InvariantCulture, $"    {final} --> [*]\n");
            }

            text.Append("```\n");
        }

        return text.ToString();
    }

    /// <summary>Whole days, hours or minutes in words; anything else in NodaTime's round-trip pattern.</summary>
    private static string Format(NodaTime.Duration duration)
    {
        var minutes = duration.TotalMinutes;
        return minutes switch
        {
            > 0 when minutes % (24 * 60) == 0 => Plural(minutes / (24 * 60), "day"),
            > 0 when minutes % 60 == 0 => Plural(minutes / 60, "hour"),
            > 0 when minutes % 1 == 0 => Plural(minutes, "minute"),
            _ => DurationPattern.Roundtrip.Format(duration),
        };
    }

    private static string Plural(double count, string unit) =>
        count.ToString("0", CultureInfo.InvariantCulture) + " " + unit + (count == 1 ? "" : "s");
}
