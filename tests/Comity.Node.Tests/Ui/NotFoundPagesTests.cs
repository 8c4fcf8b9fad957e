using System.Net;
using Comity.Testing.Nodes;

namespace Comity.Node.Tests.Ui;

/// <summary>
/// An address no page answers gets the console's "not found" page, in the shell and the reader's language, with 404;
/// the API keeps answering unknown addresses with a problem document.
/// </summary>
public sealed class NotFoundPagesTests : IAsyncLifetime
{
    private TestNode node = null!;
    private Browser browser = null!;

    public async ValueTask InitializeAsync()
    {
        node = await TestNode.StartAsync();
        browser = new Browser(node);
    }

    public async ValueTask DisposeAsync()
    {
        browser.Dispose();
        await node.DisposeAsync();
    }

    [Theory]
    [InlineData("/requests/not-a-request-id")]
    [InlineData("/no/such/page")]
    public async Task UnknownPageAddress_Answers404_WithTheShellsNotFoundPage(string path)
    {
        using var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.True(page.QuerySelector("h1[data-not-found]") is not null, page.DocumentElement.OuterHtml);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Comity", page.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownApiAddress_Answers404_WithoutThePage()
    {
        using var response = await browser.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("data-not-found", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
