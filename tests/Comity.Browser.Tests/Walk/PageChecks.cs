using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Comity.Browser.Tests.Walk;

/// <summary>
/// What every console page must hold to, checked on the page as it renders: no horizontal scroll at the three widths
/// UX.md names (a desk, a laptop, a phone at night), no raw ISO instant and no raw enum value in the text a reader
/// sees, and no serious axe violation. Problems are collected, not thrown, so that one run lists them all.
/// </summary>
internal static partial class PageChecks
{
    /// <summary>The widths UX.md promises: a 1366 px desk screen, a 1024 px tablet or laptop, a 390 px phone.</summary>
    public static readonly int[] Widths = [1366, 1024, 390];

    /// <summary>
    /// The text a reader sees, as rendered (innerText, so block boundaries separate words), without what is meant to
    /// be read verbatim: code, key material and addresses (<c>code</c>, <c>kbd</c>, <c>samp</c>, <c>translate="no"</c>)
    /// and form fields (an officer's own typing is theirs).
    /// </summary>
    private const string VisibleTextScript = """
        () => {
          const style = document.createElement('style');
          style.textContent = 'code, pre, kbd, samp, textarea, select, [translate="no"] { display: none !important; }';
          document.head.appendChild(style);
          try {
            return (document.querySelector('main') ?? document.body).innerText.replace(/\s+/g, ' ');
          } finally {
            style.remove();
          }
        }
        """;

    /// <summary>How far the page scrolls sideways at the current width, and the elements that stick out.</summary>
    private const string OverflowScript = """
        () => {
          const doc = document.documentElement;
          const width = doc.clientWidth;
          const extra = doc.scrollWidth - width;
          if (extra <= 1) return null;
          const rtl = getComputedStyle(doc).direction === 'rtl';
          const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.classList.length ? '.' + [...e.classList].join('.') : '');
          const out = [];
          for (const e of document.body.querySelectorAll('*')) {
            const r = e.getBoundingClientRect();
            if (r.width === 0) continue;
            const sticks = rtl ? r.left < -1 : r.right > width + 1;
            if (!sticks) continue;
            // Report the outermost culprits only: skip an element whose parent sticks out as well.
            const p = e.parentElement?.getBoundingClientRect();
            if (p && (rtl ? p.left < -1 : p.right > width + 1)) continue;
            if (out.length === 0) {
              // The first culprit with the widths of its ancestors: where the width comes from.
              const chain = [];
              for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) chain.push(name(a) + ' ' + Math.round(a.getBoundingClientRect().width));
              out.push(name(e) + ' (' + Math.round(r.width) + ' px, in ' + chain.join(' < ') + ')');
            } else {
              out.push(name(e) + ' (' + Math.round(r.width) + ' px)');
            }
            if (out.length >= 4) break;
          }
          if (out.length === 0) {
            // Nothing sticks out as a box: text overflowing a box that does not clip it (a long line in a <pre>).
            for (const e of document.body.querySelectorAll('*')) {
              if (e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0 && getComputedStyle(e).overflowX === 'visible') {
                out.push(name(e) + ' (text ' + e.scrollWidth + ' px in ' + e.clientWidth + ' px)');
                if (out.length >= 4) break;
              }
            }
          }
          return extra + ' px wider; ' + out.join(', ');
        }
        """;

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")]
    private static partial Regex IsoInstant();

    /// <summary>A camelCase word, the shape of every wire enum value (dataProtectionLaw, expeditedPreservation).</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}@./_-])[a-z]+(?:[A-Z][a-z0-9]+)+(?![\p{L}\p{N}@._-])")]
    private static partial Regex CamelCase();

    /// <summary>
    /// Runs every check on the page at <paramref name="page"/>'s current URL and adds what fails to
    /// <paramref name="problems"/>, each line starting with <paramref name="label"/>.
    /// </summary>
    public static async Task CheckAsync(IPage page, string label, AxeScope axe, List<string> problems)
    {
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            var overflow = await page.EvaluateAsync<string?>(OverflowScript);
            if (overflow is not null)
            {
                problems.Add($"{label} at {width} px: scrolls sideways, {overflow}");
            }
        }

        await page.SetViewportSizeAsync(Widths[0], 900);
        var text = await page.EvaluateAsync<string>(VisibleTextScript);
        foreach (Match match in IsoInstant().Matches(text))
        {
            problems.Add($"{label}: raw ISO instant \"{Around(text, match)}\"");
        }

        foreach (var word in CamelCase().Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal))
        {
            problems.Add($"{label}: raw value \"{word}\" in \"{Around(text, CamelCase().Match(text, text.IndexOf(word, StringComparison.Ordinal)))}\"");
        }

        foreach (var violation in await Accessibility.SeriousViolationsAsync(page, axe == AxeScope.TextRules ? Accessibility.TextRules : null))
        {
            problems.Add($"{label}: {violation}");
        }
    }

    private static string Around(string text, Match match)
    {
        var start = Math.Max(0, match.Index - 40);
        var end = Math.Min(text.Length, match.Index + match.Length + 40);
        return text[start..end].Trim();
    }
}

/// <summary>Which axe rules a page is held to.</summary>
internal enum AxeScope
{
    /// <summary>Every WCAG 2.2 AA rule.</summary>
    Full,

    /// <summary>
    /// The rules whose outcome depends on the page's words (<see cref="Accessibility.TextRules"/>): what a translation or
    /// another role's actions can break. Colours, landmarks and structure are the same markup in every language.
    /// </summary>
    TextRules,
}
