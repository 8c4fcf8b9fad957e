using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comity.Node.Identity;
using Comity.Node.Kernel;
using Comity.Node.Ui.Account;
using Comity.Testing.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Comity.Node.Tests.Ui.Account;

public sealed class SignInTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_WrongPassword_IsRefusedWithGenericError()
    {
        await using var node = await TestNode.StartAsync();
        await node.CreateUserAsync("olga");
        using var browser = new Browser(node);

        using var response = await browser.SignInAsync("olga", "not the password at all");
        var page = await Browser.ParseAsync(response);
        using var me = await browser.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("The user name or password is not correct.", page.QuerySelector(".problem li")?.TextContent.Trim());
        Assert.DoesNotContain(page.QuerySelectorAll("input[type=password]"), i => i.GetAttribute("value") is { Length: > 0 });
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task SignIn_UnknownUser_GetsTheSameMessageAsWrongPassword()
    {
        await using var node = await TestNode.StartAsync();
        using var browser = new Browser(node);

        using var response = await browser.SignInAsync("nobody", "whatever password");
        var page = await Browser.ParseAsync(response);

        Assert.Equal("The user name or password is not correct.", page.QuerySelector(".problem li")?.TextContent.Trim());
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccount()
    {
        await using var node = await TestNode.StartAsync();
        await node.CreateUserAsync("olga");
        using var browser = new Browser(node);
        for (var i = 0; i < 5; i++)
        {
            using var _ = await browser.SignInAsync("olga", "wrong password " + i);
        }

        using var response = await browser.SignInAsync("olga", TestNode.TestPassword);
        var page = await Browser.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("This account is locked", page.QuerySelector(".problem li")?.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_Anonymous_RedirectsToSignInWithReturnUrl()
    {
        await using var node = await TestNode.StartAsync();
        using var browser = new Browser(node);

        using var response = await browser.GetAsync("/account/tokens");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in?returnUrl=%2Faccount%2Ftokens", Browser.Location(response));
    }

    [Fact]
    public async Task FirstRunAdministrator_MustChangePassword_ThenIsSentToMfaEnrolment()
    {
        await using var node = await TestNode.StartAsync();
        using var browser = new Browser(node);

        using var signIn = await browser.SignInAsync("admin", node.FirstRun.OneTimePassword!);
        using var home = await browser.GetAsync("/");
        using var api = await browser.GetAsync("/api/v1/me");
        using var change = await browser.SubmitAsync("/account/change-password", "change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = node.FirstRun.OneTimePassword!,
            ["Input.NewPassword"] = "a long new passphrase",
            ["Input.ConfirmPassword"] = "a long new passphrase",
        });
        using var homeAfter = await browser.GetAsync("/");

        Assert.Equal("/", Browser.Location(signIn));
        Assert.Equal(SecondFactorRequirement.ChangePasswordPath, Browser.Location(home));
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("account.password-change-required", (await api.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
        Assert.Equal(SecondFactorRequirement.EnrolPath, Browser.Location(change));
        Assert.Equal(SecondFactorRequirement.EnrolPath, Browser.Location(homeAfter));
    }

    [Fact]
    public async Task ChangePassword_Mismatch_IsRefusedAndFlagStays()
    {
        await using var node = await TestNode.StartAsync();
        using var browser = new Browser(node);
        using var signIn = await browser.SignInAsync("admin", node.FirstRun.OneTimePassword!);

        using var change = await browser.SubmitAsync("/account/change-password", "change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = node.FirstRun.OneTimePassword!,
            ["Input.NewPassword"] = "a long new passphrase",
            ["Input.ConfirmPassword"] = "another long passphrase",
        });
        var page = await Browser.ParseAsync(change);
        using var home = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Equal("true", page.QuerySelector("#confirm-password")?.GetAttribute("aria-invalid"));
        Assert.Equal(SecondFactorRequirement.ChangePasswordPath, Browser.Location(home));
    }

    [Fact]
    public async Task UserWithoutMfa_CookieApi_Gets403MfaRequired()
    {
        await using var node = await TestNode.StartAsync();
        await node.CreateUserAsync("olga", roles: Roles.DutyOfficer);
        using var browser = new Browser(node);

        using var signIn = await browser.SignInAsync("olga", TestNode.TestPassword);
        using var me = await browser.GetAsync("/api/v1/me");
        using var create = await browser.Client.PostAsJsonAsync("/api/v1/tokens", new { name = "cli" }, Ct);
        using var tokensPage = await browser.GetAsync("/account/tokens");

        Assert.Equal(HttpStatusCode.Forbidden, me.StatusCode);
        Assert.Equal("account.mfa-required", (await me.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(SecondFactorRequirement.EnrolPath, Browser.Location(tokensPage));
    }

    [Fact]
    public async Task CreateToken_WithTokenOfUserWithoutMfa_Returns403MfaRequired()
    {
        await using var node = await TestNode.StartAsync();
        await node.CreateUserAsync("olga");
        var token = await node.CreateUserWithTokenAsync("olga");
        using var client = node.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        using var response = await client.PostAsJsonAsync("/api/v1/tokens", new { name = "another" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("account.mfa-required", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task UserWithTwoFactorSwitchedOnButNoAuthenticatorKey_CountsAsNotEnrolled()
    {
        await using var node = await TestNode.StartAsync();
        await node.CreateUserAsync("olga", roles: Roles.DutyOfficer);
        await using (var scope = node.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ComityUser>>();
            var olga = (await users.FindByNameAsync("olga"))!;
            await users.SetTwoFactorEnabledAsync(olga, true);
        }

        using var browser = new Browser(node);
        using var signIn = await browser.SignInAsync("olga", TestNode.TestPassword);
        using var me = await browser.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Forbidden, me.StatusCode);
        Assert.Equal("account.mfa-required", (await me.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task DemoUser_OnDemoNode_SkipsMfa()
    {
        await using var node = await TestNode.StartAsync(new TestNodeOptions { Demo = true });
        await node.CreateUserAsync("demo-duty", new TestUser { Demo = true, DisplayName = "Dana Duty" }, Roles.DutyOfficer);
        using var browser = new Browser(node);

        using var signIn = await browser.SignInAsync("demo-duty", TestNode.TestPassword);
        var home = await browser.GetDocumentAsync("/");
        using var me = await browser.GetAsync("/api/v1/me");

        Assert.Equal("/", Browser.Location(signIn));
        Assert.Equal("Welcome, Dana Duty", home.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(Roles.DutyOfficer, home.QuerySelector("[data-role]")?.GetAttribute("data-role"));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task DemoUser_OnRealNode_StillNeedsMfa()
    {
        await using var node = await TestNode.StartAsync();
        await node.CreateUserAsync("demo-duty", new TestUser { Demo = true });
        using var browser = new Browser(node);

        using var signIn = await browser.SignInAsync("demo-duty", TestNode.TestPassword);
        using var home = await browser.GetAsync("/");

        Assert.Equal(SecondFactorRequirement.EnrolPath, Browser.Location(home));
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("http:evil.example")]
    public async Task SignIn_ForeignReturnUrl_GoesHomeInstead(string returnUrl)
    {
        await using var node = await TestNode.StartAsync(new TestNodeOptions { Demo = true });
        await node.CreateUserAsync("demo", new TestUser { Demo = true });
        using var browser = new Browser(node);

        using var response = await browser.SignInAsync("demo", TestNode.TestPassword, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", Browser.Location(response));
    }

    [Fact]
    public async Task SignIn_LocalReturnUrl_GoesThere()
    {
        await using var node = await TestNode.StartAsync(new TestNodeOptions { Demo = true });
        await node.CreateUserAsync("demo", new TestUser { Demo = true });
        using var browser = new Browser(node);

        using var response = await browser.SignInAsync("demo", TestNode.TestPassword, "/account/tokens?x=1");

        Assert.Equal("/account/tokens?x=1", Browser.Location(response));
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/treaty?x=1", true)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("https://evil.example", false)]
    [InlineData("evil", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsLocal_ClassifiesReturnUrls(string? url, bool local)
    {
        Assert.Equal(local, LocalUrls.IsLocal(url));
    }

    [Fact]
    public async Task SignOut_IsPostOnlyAndEndsTheSession()
    {
        await using var node = await TestNode.StartAsync(new TestNodeOptions { Demo = true });
        await node.CreateUserAsync("demo", new TestUser { Demo = true });
        using var browser = new Browser(node);
        using var signIn = await browser.SignInAsync("demo", TestNode.TestPassword);
        using var get = await browser.GetAsync("/account/sign-out");
        var home = await browser.GetDocumentAsync("/");

        using var signOut = await browser.SubmitAsync(home, "/", home.QuerySelector("form[action='/account/sign-out']")!, new Dictionary<string, string>());
        using var after = await browser.GetAsync("/");

        Assert.NotEqual(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("/account/sign-in", Browser.Location(signOut));
        Assert.Equal("/account/sign-in?returnUrl=%2F", Browser.Location(after));
    }
}
