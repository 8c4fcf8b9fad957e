using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Comity.Browser.Tests;

/// <summary>Runs axe-core on a page and fails on serious or critical WCAG violations.</summary>
internal static class Accessibility
{
    /// <summary>
    /// The axe rules whose outcome depends on the words of a page, not its colours or structure: the language attributes,
    /// the title, and every accessible name (a translation that leaves a label empty or a role's action without a name).
    /// </summary>
    public static readonly IReadOnlyList<string> TextRules =
    [
        "html-has-lang", "html-lang-valid", "valid-lang", "document-title", "button-name", "link-name", "label",
        "input-button-name", "select-name", "image-alt", "aria-command-name", "aria-input-field-name",
        "aria-toggle-field-name", "aria-progressbar-name", "aria-meter-name", "aria-tooltip-name", "frame-title",
        "empty-table-header", "summary-name", "svg-img-alt", "role-img-alt", "label-title-only",
    ];

    /// <summary>Fails on serious or critical violations of WCAG 2.2 AA.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var serious = await SeriousViolationsAsync(page);
        Assert.True(serious.Count == 0, "Accessibility violations on " + page.Url + ":\n" + string.Join("\n", serious));
    }

    /// <summary>The serious or critical violations of WCAG 2.2 AA, or only of <paramref name="rules"/> when given, one line each.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page, IReadOnlyList<string>? rules = null)
    {
        var results = await page.RunAxe(new AxeRunOptions
        {
            // Only violations are read: axe then describes one element per passing or inapplicable rule instead of
            // every element, which made its answer several megabytes on a long page.
            ResultTypes = [ResultType.Violations],
            RunOnly = rules is null
                ? new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] }
                : new RunOnlyOptions { Type = "rule", Values = [.. rules] },
        });
        return results.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")
            .ToList();
    }
}
