using Comity.Node.Tests.Federation.Register;
using Comity.Node.Tests.Ui;
using Comity.Testing.Nodes;

namespace Comity.Node.Tests.Features.Register;

/// <summary>The status bar on every page: the Register this node holds or publishes, in the reader's language.</summary>
public sealed class RegisterStatusBarTests
{
    [Fact]
    public async Task Secretariat_StatusBarShowsItsLatestPublication()
    {
        await using var secretariat = await RegisterPublicationTests.StartSecretariatAsync();

        Assert.Equal("Register serial 1, published, issued at November 2, 2026 09:00 UTC", await StatusBarAsync(secretariat));
        Assert.Equal("Реестр № 1, опубликован, выпущен 2 ноября 2026 г. 09:00 UTC", (await StatusBarDocumentAsync(secretariat, "ru")).Status);
    }

    internal static async Task<string?> StatusBarAsync(TestNode node) => (await StatusBarDocumentAsync(node)).Status;

    internal static async Task<(string? Status, string? Refused, bool StaleChip)> StatusBarDocumentAsync(TestNode node, string culture = "en")
    {
        using var browser = new Browser(node);
        var page = await browser.GetDocumentAsync("/account/sign-in?culture=" + culture);
        static string? Text(AngleSharp.Dom.IElement? e) => e is null ? null : string.Join(' ', e.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return (Text(page.QuerySelector("#register-status")), Text(page.QuerySelector("#register-refused")), page.QuerySelector("#register-stale") is not null);
    }
}
