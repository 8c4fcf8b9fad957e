using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Comity.Node.Identity;
using Comity.Testing.Nodes;
using OtpNet;

namespace Comity.Node.Tests.Ui.Account;

public sealed class MfaTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Enrol_WithTotpCode_ShowsRecoveryCodesAndReachesDashboard()
    {
        await using var node = await TestNode.StartAsync();
        await node.CreateUserAsync("olga", roles: Roles.DutyOfficer);
        using var browser = new Browser(node);
        using var signIn = await browser.SignInAsync("olga", TestNode.TestPassword);

        var (enrolPage, key) = await OpenEnrolmentAsync(browser);
        using var confirm = await ConfirmAsync(browser, enrolPage, Code(node, key));
        var done = await Browser.ParseAsync(confirm);
        var home = await browser.GetDocumentAsync("/");
        var me = await browser.Client.GetFromJsonAsync<JsonElement>("/api/v1/me", Ct);

        Assert.NotNull(enrolPage.QuerySelector(".qr svg"));
        Assert.Equal(10, done.QuerySelectorAll("#recovery-codes li").Length);
        Assert.Equal("Welcome, olga", home.QuerySelector("h1")?.TextContent.Trim());
        Assert.True(me.GetProperty("mfaEnrolled").GetBoolean());
    }

    [Fact]
    public async Task Enrol_WithWrongCode_IsRefused()
    {
        await using var node = await TestNode.StartAsync();
        await node.CreateUserAsync("olga");
        using var browser = new Browser(node);
        using var signIn = await browser.SignInAsync("olga", TestNode.TestPassword);
        var (enrolPage, _) = await OpenEnrolmentAsync(browser);

        using var confirm = await ConfirmAsync(browser, enrolPage, "000000");
        var page = await Browser.ParseAsync(confirm);
        using var home = await browser.GetAsync("/");

        Assert.Equal("true", page.QuerySelector("#code")?.GetAttribute("aria-invalid"));
        Assert.Equal("/account/mfa/enroll", Browser.Location(home));
    }

    [Fact]
    public async Task SignIn_AfterEnrolment_AsksForCodeThenSignsIn()
    {
        await using var node = await TestNode.StartAsync();
        await node.CreateUserAsync("olga");
        var key = await EnrolAsync(node, "olga");
        using var browser = new Browser(node);

        using var password = await browser.SignInAsync("olga", TestNode.TestPassword, "/account/tokens");
        using var beforeCode = await browser.GetAsync("/");
        node.Time.Advance(TimeSpan.FromSeconds(30));
        using var wrong = await browser.SubmitAsync(Browser.Location(password)!, "mfa", new Dictionary<string, string> { ["Code.Value"] = "000000" });
        using var right = await browser.SubmitAsync(Browser.Location(password)!, "mfa", new Dictionary<string, string> { ["Code.Value"] = Code(node, key) });
        using var tokens = await browser.GetAsync("/account/tokens");

        Assert.Equal("/account/sign-in/mfa?returnUrl=%2Faccount%2Ftokens", Browser.Location(password));
        Assert.Equal(HttpStatusCode.Redirect, beforeCode.StatusCode);
        Assert.StartsWith("/account/sign-in", Browser.Location(beforeCode), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal("/account/tokens", Browser.Location(right));
        Assert.Equal(HttpStatusCode.OK, tokens.StatusCode);
    }

    [Fact]
    public async Task SignIn_SameCodeTwice_SecondIsRefused()
    {
        await using var node = await TestNode.StartAsync();
        await node.CreateUserAsync("olga");
        var key = await EnrolAsync(node, "olga");
        node.Time.Advance(TimeSpan.FromSeconds(30));
        var code = Code(node, key);
        using var first = new Browser(node);
        using var second = new Browser(node);

        using var p1 = await first.SignInAsync("olga", TestNode.TestPassword);
        using var ok = await first.SubmitAsync("/account/sign-in/mfa", "mfa", new Dictionary<string, string> { ["Code.Value"] = code });
        using var p2 = await second.SignInAsync("olga", TestNode.TestPassword);
        using var replay = await second.SubmitAsync("/account/sign-in/mfa", "mfa", new Dictionary<string, string> { ["Code.Value"] = code });

        Assert.Equal("/", Browser.Location(ok));
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
    }

    [Fact]
    public async Task SignIn_WithRecoveryCode_SignsInOnce()
    {
        await using var node = await TestNode.StartAsync();
        await node.CreateUserAsync("olga");
        using var enrolling = new Browser(node);
        using var signIn = await enrolling.SignInAsync("olga", TestNode.TestPassword);
        var (enrolPage, key) = await OpenEnrolmentAsync(enrolling);
        using var confirm = await ConfirmAsync(enrolling, enrolPage, Code(node, key));
        var recovery = (await Browser.ParseAsync(confirm)).QuerySelector("#recovery-codes li")!.TextContent.Trim();
        using var browser = new Browser(node);
        using var again = new Browser(node);

        using var password = await browser.SignInAsync("olga", TestNode.TestPassword);
        using var used = await browser.SubmitAsync("/account/sign-in/mfa", "recovery", new Dictionary<string, string> { ["Recovery.Value"] = recovery });
        using var password2 = await again.SignInAsync("olga", TestNode.TestPassword);
        using var reused = await again.SubmitAsync("/account/sign-in/mfa", "recovery", new Dictionary<string, string> { ["Recovery.Value"] = recovery });

        Assert.Equal("/", Browser.Location(used));
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
    }

    [Fact]
    public async Task MfaPage_WithoutPasswordStep_RedirectsToSignIn()
    {
        await using var node = await TestNode.StartAsync();
        using var browser = new Browser(node);

        using var response = await browser.GetAsync("/account/sign-in/mfa");

        Assert.Equal("/account/sign-in", Browser.Location(response));
    }

    [Fact]
    public async Task TokensPage_EnrolledUser_CreatesShowsOnceAndRevokes()
    {
        await using var node = await TestNode.StartAsync();
        await node.CreateUserAsync("olga");
        using var browser = new Browser(node);
        using var signIn = await browser.SignInAsync("olga", TestNode.TestPassword);
        var (enrolPage, key) = await OpenEnrolmentAsync(browser);
        using var confirm = await ConfirmAsync(browser, enrolPage, Code(node, key));

        using var create = await browser.SubmitAsync("/account/tokens", "create-token", new Dictionary<string, string> { ["Input.Name"] = "laptop" });
        var created = await Browser.ParseAsync(create);
        var secret = created.QuerySelector("#new-token")!.TextContent.Trim();
        using var api = node.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        using var meWithToken = await api.GetAsync("/api/v1/me", Ct);
        var listed = await browser.GetDocumentAsync("/account/tokens");
        var revokeButton = listed.QuerySelector("button[name=RevokeId]")!;
        using var revoke = await browser.SubmitAsync(listed, "/account/tokens", Browser.FindForm(listed, "revoke"), new Dictionary<string, string> { ["RevokeId"] = revokeButton.GetAttribute("value")! });
        using var meAfter = await api.GetAsync("/api/v1/me", Ct);

        Assert.StartsWith("cmt_", secret, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, meWithToken.StatusCode);
        Assert.Null(listed.QuerySelector("#new-token"));
        Assert.Contains("laptop", listed.QuerySelector("#tokens")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, meAfter.StatusCode);
    }

    private static async Task<(IDocument Page, string Key)> OpenEnrolmentAsync(Browser browser)
    {
        using var home = await browser.GetAsync("/");
        Assert.Equal(SecondFactorRequirement.EnrolPath, Browser.Location(home));
        var page = await browser.GetDocumentAsync(SecondFactorRequirement.EnrolPath);
        var key = page.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return (page, key);
    }

    private static Task<HttpResponseMessage> ConfirmAsync(Browser browser, IDocument page, string code) =>
        browser.SubmitAsync(page, SecondFactorRequirement.EnrolPath, Browser.FindForm(page, "enrol"), new Dictionary<string, string> { ["Code.Value"] = code });

    private static async Task<string> EnrolAsync(TestNode node, string userName)
    {
        using var browser = new Browser(node);
        using var signIn = await browser.SignInAsync(userName, TestNode.TestPassword);
        var (page, key) = await OpenEnrolmentAsync(browser);
        using var confirm = await ConfirmAsync(browser, page, Code(node, key));
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        return key;
    }

    private static string Code(TestNode node, string key) =>
        new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(node.Time.GetUtcNow().UtcDateTime);
}
