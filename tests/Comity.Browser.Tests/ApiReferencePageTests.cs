using System.Collections.Concurrent;
using Comity.Testing.Nodes;
using Microsoft.Playwright;

namespace Comity.Browser.Tests;

public sealed class ApiReferencePageTests(BrowserFixture browser)
{
    [Fact]
    public async Task ApiReference_RendersTheNodeOpenApiDocumentInsideTheShell_PassesAxe_AndCallsNoOtherOrigin()
    {
        await using var node = await TestNode.StartAsync(new TestNodeOptions { Kestrel = true });
        await using var context = await browser.NewContextAsync(node.BaseAddress);
        var page = await context.NewPageAsync();
        var elsewhere = new ConcurrentQueue<string>();
        page.Request += (_, request) =>
        {
            var url = new Uri(request.Url);
            if (url.Scheme is "http" or "https" && !string.Equals(url.Authority, node.BaseAddress.Authority, StringComparison.OrdinalIgnoreCase))
            {
                elsewhere.Enqueue(request.Url);
            }
        };

        // Scalar's own stand-alone page sends the reader to the reference inside the console.
        await page.GotoAsync("/api/reference/scalar/v1");
        Assert.EndsWith("/api/reference", page.Url, StringComparison.Ordinal);

        // The reference is a 3 MB script that fetches and renders the whole document; on a loaded two-core machine
        // that takes well over the default wait, so the wait is generous. It bounds a hang, it times nothing.
        await Assertions.Expect(page.GetByText("Comity node API").First).ToBeVisibleAsync(new() { Timeout = BrowserFixture.NavigationTimeout });
        await Assertions.Expect(page.GetByText("/api/v1/tokens").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator("header.topbar")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        Assert.Empty(elsewhere);
    }
}
