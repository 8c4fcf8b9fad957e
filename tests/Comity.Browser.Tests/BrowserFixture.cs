using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Comity.Browser.Tests.BrowserFixture))]

// One test class at a time: each class starts its own nodes and pages, and two classes at once on two cores
// starve each other's sign-ins. For the same reason scripts/test.sh runs this assembly alone, after the others.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]

namespace Comity.Browser.Tests;

/// <summary>
/// One headless Chromium for the whole test assembly: Debian's build, found through
/// <c>COMITY_CHROMIUM</c> (set by scripts/test.sh) or <c>/usr/bin/chromium</c>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>
    /// How long a navigation, or a wait for the page a form submission leads to, may take: a bound for a slow,
    /// loaded machine (Playwright's default is 30 s), not a timing check.
    /// </summary>
    public const int NavigationTimeout = 90_000;

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("COMITY_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {executable}. Run bash scripts/test.sh (it installs Debian's chromium, as root or through sudo), or set COMITY_CHROMIUM.");
        }

        // Expectations wait up to 15 s instead of 5: on a two-core machine that is also building or testing something
        // else, a page that is merely slow must not read as a failure. A wait bound, not a timing check.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
    }

    /// <summary>
    /// A new browser context, optionally authenticated with a personal access token sent on
    /// every request (the node accepts it for pages as for the API).
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(Uri baseAddress, string? token = null, string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            ExtraHTTPHeaders = token is null ? null : new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
        });

        // Navigations and actions wait up to 90 and 60 s (Playwright's default is 30 s for both): bounds on a
        // slow, loaded machine, not timing checks.
        context.SetDefaultNavigationTimeout(NavigationTimeout);
        context.SetDefaultTimeout(60_000);
        return context;
    }
}
