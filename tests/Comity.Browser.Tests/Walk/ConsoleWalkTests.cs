using System.Reflection;
using System.Text.RegularExpressions;
using Comity.Node.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.Playwright;

namespace Comity.Browser.Tests.Walk;

/// <summary>
/// Walks the console in each of the six languages, following every link a page offers (one address per route), and
/// holds every page to <see cref="PageChecks"/>: no horizontal scroll at 1366, 1024 and 390 px, no raw ISO instant or
/// enum value, no serious axe violation, and no link that answers with an error. Each role's own dashboard and every
/// link it is offered are held to the same checks by RoleDashboardTests. The routes come
/// from the node's own route table, so a new page is walked as soon as some page links to it, and a page no walk
/// reaches fails the coverage check until it is linked or named below with the reason.
/// </summary>
public sealed partial class ConsoleWalkTests(BrowserFixture browser, ConsoleWalkFixture nodes) : IClassFixture<ConsoleWalkFixture>
{
    /// <summary>Routes no signed-in walk can reach by a link, and why; each is still opened directly where it can be.</summary>
    private static readonly Dictionary<string, string> Unlinked = new(StringComparer.Ordinal)
    {
        ["/account/sign-in"] = "shown to a reader who is not signed in; opened directly by the anonymous walk",
        ["/account/sign-in/mfa"] = "the second step of a password sign-in with MFA, reached only from a sign-in (MfaEnrolmentTests)",
        ["/account/denied"] = "the answer to a page a role cannot open; opened directly",
        ["/not-found"] = "the answer to an unknown address; opened directly",
        ["/api/reference/v1"] = "the reference's former address, kept for bookmarks; the same page as /api/reference",
        ["/account/change-password"] = "reached when a password must be changed (a new account, a reset); opened directly by the all-roles walk",
        ["/account/mfa/enroll"] = "reached when the node requires a second factor the user has not set up; opened directly by the all-roles walk",
        ["/directory/providers/{Id}"] = "the Register of the test network lists no service provider, so no page links one (DirectorySearch tests cover the page)",
    };

    public static TheoryData<string> Languages => new() { "en", "fr", "es", "ru", "ar", "zh-Hans" };

    /// <summary>
    /// Every route of the node, in one language: a State user holding every State role on XA, the Secretariat officer
    /// on the Secretariat's node, and a reader who is not signed in. Together they must reach every route.
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task EveryRoute_InEachLanguage_HasNoSidewaysScroll_NoRawValue_AndNoAxeViolation(string language)
    {
        var problems = new List<string>();
        var reached = new HashSet<string>(StringComparer.Ordinal);

        // Every axe rule in English and Arabic (one language each way); elsewhere the rules that depend on the words.
        var axe = language is "en" or "ar" ? AxeScope.Full : AxeScope.TextRules;
        await using (var context = await browser.NewContextAsync(nodes.Network["XA"].BaseAddress, nodes.AllRolesToken, language))
        {
            await WalkAsync(context, $"XA all roles ({language})", [.. nodes.Seeds, "/account/change-password", "/account/mfa/enroll"], _ => axe, reached, problems);
        }

        await using (var context = await browser.NewContextAsync(nodes.Network.Secretariat.BaseAddress, nodes.SecretariatToken, language))
        {
            await WalkAsync(context, $"UN secretariat ({language})", nodes.SecretariatSeeds, _ => axe, reached, problems);
        }

        await using (var context = await browser.NewContextAsync(nodes.Network["XA"].BaseAddress, token: null, language))
        {
            var page = await context.NewPageAsync();
            foreach (var (path, status) in new[] { ("/account/sign-in", 200), ("/account/denied", 403), ("/not-found", 200), ("/requests/not-a-page", 404) })
            {
                var response = await page.GotoAsync(path);
                if (response?.Status != status)
                {
                    problems.Add($"anonymous ({language}): {path} answered {response?.Status}, expected {status}");
                }

                await PageChecks.CheckAsync(page, $"anonymous ({language}) {path}", axe, problems);
                if (Routes.Value.Contains(path))
                {
                    reached.Add(path);
                }
            }
        }

        var missing = Routes.Value.Where(r => !reached.Contains(r) && !Unlinked.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"No walk in {language} reached: {string.Join(", ", missing)}. Link them from a page or name them in Unlinked with the reason.");
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problem(s):\n" + string.Join("\n", problems));
    }

    /// <summary>
    /// Opens <paramref name="seeds"/> and the dashboard, then every address a page links to, one per route, checking
    /// each page. A link that answers with an error is a problem: the role was offered what it cannot open.
    /// </summary>
    private static async Task WalkAsync(
        IBrowserContext context, string who, IEnumerable<string> seeds, Func<string, AxeScope> axe, HashSet<string> reached, List<string> problems)
    {
        var page = await context.NewPageAsync();
        var queue = new Queue<(string Path, string From)>([("/", "start"), .. seeds.Select(s => (s, "seed"))]);
        var walked = new HashSet<string>(StringComparer.Ordinal);
        while (queue.TryDequeue(out var next))
        {
            var template = Template(next.Path);
            if (template is null)
            {
                problems.Add($"{who}: {next.From} links to {next.Path}, which no page answers");
                continue;
            }

            if (!walked.Add(template))
            {
                continue;
            }

            var clock = System.Diagnostics.Stopwatch.StartNew();
            var response = await page.GotoAsync(next.Path);
            if (response is not { Status: < 400 })
            {
                problems.Add($"{who}: {next.From} links to {next.Path}, which answered {response?.Status}");
                continue;
            }

            reached.Add(template);
            await page.Locator("main").First.WaitForAsync();
            var loaded = clock.ElapsedMilliseconds;
            await PageChecks.CheckAsync(page, $"{who} {next.Path}", axe(template), problems);
            if (ScreenshotsOf.TryGetValue(template, out var shot) && who.StartsWith("XA", StringComparison.Ordinal) && Language(who) is "en" or "ar")
            {
                // The pages a duty officer reads at night, as a phone shows them, in each language's direction.
                await page.SetViewportSizeAsync(390, 844);
                await Screenshots.SaveAsync(page, $"{shot}-phone-{Language(who)}");
                await page.SetViewportSizeAsync(PageChecks.Widths[0], 900);
            }

            TestContext.Current.TestOutputHelper?.WriteLine($"{who} {next.Path}: loaded in {loaded} ms, checked in {clock.ElapsedMilliseconds - loaded} ms");

            var links = await page.Locator("a[href^='/']").EvaluateAllAsync<string[]>(
                "els => els.filter(e => !e.hasAttribute('download')).map(e => e.getAttribute('href'))");
            foreach (var href in links)
            {
                var path = href.Split('?', '#')[0];
                if (path.Length > 1)
                {
                    path = path.TrimEnd('/');
                }

                if (Followed(path))
                {
                    queue.Enqueue((path, next.Path));
                }
            }
        }
    }

    private static readonly Dictionary<string, string> ScreenshotsOf = new(StringComparer.Ordinal)
    {
        ["/"] = "dashboard",
        ["/requests"] = "inbox",
    };

    private static string Language(string who) => who[(who.LastIndexOf('(') + 1)..^1];

    /// <summary>Links that lead to pages of the console (not the API's documents, downloads or the sign-out action).</summary>
    private static bool Followed(string path) =>
        path.Length > 0
        && (!path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/api/reference", StringComparison.Ordinal))
        && !path.StartsWith("/account/sign-out", StringComparison.Ordinal)
        && !path.StartsWith("/culture", StringComparison.Ordinal)
        && !path.StartsWith("/_", StringComparison.Ordinal)
        && !Path.HasExtension(path);

    private static readonly Lazy<IReadOnlyList<string>> Routes = new(() => typeof(Roles).Assembly.GetTypes()
        .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
        .Select(a => a.Template)
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList());

    private static readonly Lazy<IReadOnlyList<(string Template, Regex Pattern)>> Patterns = new(() => Routes.Value
        .Select(t => (t, new Regex("^" + ParameterSegment().Replace(t, "[^/]+") + "$", RegexOptions.CultureInvariant)))
        .ToList());

    /// <summary>The route template that answers <paramref name="path"/> (a literal route before a parameter one), or null.</summary>
    private static string? Template(string path)
    {
        if (path.StartsWith("/api/reference", StringComparison.Ordinal))
        {
            return "/api/reference";
        }

        var matches = Patterns.Value.Where(p => p.Pattern.IsMatch(path)).Select(p => p.Template).ToList();
        return matches.FirstOrDefault(t => !t.Contains('{', StringComparison.Ordinal)) ?? matches.FirstOrDefault();
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex ParameterSegment();
}
