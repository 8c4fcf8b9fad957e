using System.Net;
using Comity.Node.Identity;
using Comity.Node.Kernel;
using Comity.Testing.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Comity.Node.Tests.Ui;

public sealed class LayoutTests
{
    [Fact]
    public async Task SignInPage_Arabic_IsRightToLeft()
    {
        await using var node = await TestNode.StartAsync();
        using var browser = new Browser(node);

        var page = await browser.GetDocumentAsync("/account/sign-in?culture=ar");

        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Equal("ar", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("تسجيل الدخول", page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task Dashboard_Arabic_IsRightToLeft()
    {
        await using var node = await TestNode.StartAsync(new TestNodeOptions { Demo = true });
        await node.CreateUserAsync("amal", new TestUser { Demo = true }, Roles.DutyOfficer);
        using var browser = new Browser(node);
        using var signIn = await browser.SignInAsync("amal", TestNode.TestPassword);

        var page = await browser.GetDocumentAsync("/?culture=ar");

        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Equal("ar", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ltr", (await browser.GetDocumentAsync("/")).DocumentElement.GetAttribute("dir"));
    }

    [Fact]
    public async Task Layout_OnDemoNode_ShowsNodeDemoBadgeRegisterStatusAndLanguages()
    {
        await using var node = await TestNode.StartAsync(new TestNodeOptions { Demo = true });
        using var browser = new Browser(node);

        var page = await browser.GetDocumentAsync("/account/sign-in");

        Assert.Contains("State node XA", page.QuerySelector(".node-name")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".badge-demo"));
        Assert.Equal("Register: not configured", page.QuerySelector("#register-status")?.TextContent.Trim());
        Assert.Equal(["en", "fr", "es", "ru", "ar", "zh-Hans"], page.QuerySelectorAll("#culture-select option").Select(o => o.GetAttribute("value")));
        Assert.NotNull(page.QuerySelector("a.skip-link[href='#main']"));
    }

    [Fact]
    public async Task LanguageSwitcher_French_SetsCookieAndNextPageIsFrench()
    {
        await using var node = await TestNode.StartAsync();
        using var browser = new Browser(node);
        var page = await browser.GetDocumentAsync("/account/sign-in");
        var switcher = page.QuerySelector("form[action='/culture']")!;

        using var response = await browser.SubmitAsync(page, "/account/sign-in", switcher, new Dictionary<string, string> { ["culture"] = "fr" });
        var next = await browser.GetDocumentAsync(Browser.Location(response)!);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in", Browser.Location(response));
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".Comity.Culture=", StringComparison.Ordinal));
        Assert.Equal("fr", next.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Connexion", next.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("fr", next.QuerySelector("#culture-select option[selected]")?.GetAttribute("value"));
    }
}

/// <summary>A user's language follows the account: chosen once, applied at every later sign-in, in any browser.</summary>
public sealed class PreferredLanguageTests
{
    [Fact]
    public async Task SignedInUser_ChoosesSpanish_ItIsStored_AndAFreshBrowserGetsSpanishAfterSignIn()
    {
        await using var node = await TestNode.StartAsync(new TestNodeOptions { Demo = true });
        await node.CreateUserAsync("lucia", new TestUser { Demo = true }, Roles.DutyOfficer);
        using (var first = new Browser(node))
        {
            using var signIn = await first.SignInAsync("lucia", TestNode.TestPassword);
            var home = await first.GetDocumentAsync("/");
            using var switched = await first.SubmitAsync(home, "/", home.QuerySelector("form[action='/culture']")!, new Dictionary<string, string> { ["culture"] = "es" });
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        }

        await using (var scope = node.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ComityUser>>();
            Assert.Equal("es", (await users.FindByNameAsync("lucia"))!.PreferredCulture);
        }

        // Another browser: no culture cookie, an English Accept-Language; the account's choice wins once signed in.
        using var second = new Browser(node);
        second.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        Assert.Equal("en", (await second.GetDocumentAsync("/account/sign-in")).DocumentElement.GetAttribute("lang"));
        using var again = await second.SignInAsync("lucia", TestNode.TestPassword);
        var page = await second.GetDocumentAsync("/");

        Assert.Equal("es", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("fr", (await second.GetDocumentAsync("/?culture=fr")).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task AnonymousVisitor_ChoosingALanguage_ChangesNoAccount()
    {
        await using var node = await TestNode.StartAsync();
        await node.CreateUserAsync("omar", roles: Roles.DutyOfficer);
        using var browser = new Browser(node);
        var page = await browser.GetDocumentAsync("/account/sign-in");

        using var response = await browser.SubmitAsync(page, "/account/sign-in", page.QuerySelector("form[action='/culture']")!, new Dictionary<string, string> { ["culture"] = "ar" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = node.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ComityUser>>();
        Assert.Null((await users.FindByNameAsync("omar"))!.PreferredCulture);
    }
}
