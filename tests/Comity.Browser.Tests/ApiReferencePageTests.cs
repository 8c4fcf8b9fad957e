using Comity.Testing.Nodes;
using Microsoft.Playwright;

namespace Comity.Browser.Tests;

public sealed class ApiReferencePageTests(BrowserFixture browser)
{
    [Fact]
    public async Task ApiReference_RendersTheNodeOpenApiDocument()
    {
        await using var node = await TestNode.StartAsync(new TestNodeOptions { Kestrel = true });
        await using var context = await browser.NewContextAsync(node.BaseAddress);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/api/reference/v1");

        await Assertions.Expect(page.GetByText("Comity node API").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByText("/api/v1/tokens").First).ToBeVisibleAsync();
    }
}
