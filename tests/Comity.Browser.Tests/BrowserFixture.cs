using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Comity.Browser.Tests.BrowserFixture))]

// One test class at a time: CI runs this assembly beside the node and CLI assemblies on two cores, and two
// browsers' worth of pages and nodes at once on top of that starved sign-ins past their waits.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]

namespace Comity.Browser.Tests;

/// <summary>
/// One headless Chromium for the whole test assembly: Debian's build, found through
/// <c>COMITY_CHROMIUM</c> (set by scripts/test.sh) or <c>/usr/bin/chromium</c>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("COMITY_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {executable}. Run scripts/test.sh (as root it installs Debian's chromium), or set COMITY_CHROMIUM.");
        }

        // Expectations wait up to 15 s instead of 5: CI runs the browser, node and CLI assemblies together on two
        // cores, and a page that is merely slow there must not read as a failure. A wait bound, not a timing check.
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
        context.SetDefaultNavigationTimeout(90_000);
        context.SetDefaultTimeout(60_000);
        return context;
    }
}
