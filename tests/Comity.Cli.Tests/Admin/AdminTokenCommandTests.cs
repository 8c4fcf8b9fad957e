using System.Net;
using System.Net.Http.Headers;
using Comity.Cli.Admin;
using Comity.Node.Identity;
using Comity.Node.Kernel;
using Comity.Testing.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Comity.Cli.Tests.Admin;

public sealed class AdminTokenCommandTests
{
    [Fact]
    public async Task Token_OnAStartedNode_PrintsOnlyATokenThatTheNodeAcceptsWithTheGrantedRoles()
    {
        var data = Directory.CreateTempSubdirectory("comity-admin-token-").FullName;
        await using var node = await TestNode.StartAsync(new TestNodeOptions { Role = NodeRole.Secretariat, StateCode = null, DataFolder = data }, TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("admin", "token", "--role", "secretariat", "--data", data, "--grant", "node-admin", "--grant", "secretariat-officer");

        Assert.True(result.ExitCode == 0, result.ToString());
        var token = result.Out.Trim();
        Assert.True(PersonalAccessTokens.LooksLikeToken(token), result.ToString());
        Assert.Equal(token + Environment.NewLine, result.Out);
        Assert.DoesNotContain(token, result.Error, StringComparison.Ordinal);
        using var client = node.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var publish = await client.PostAsync("/api/v1/register/publish", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
        await using var scope = node.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ComityUser>>();
        var user = await users.FindByNameAsync(AdminTokenSettings.DefaultUser);
        Assert.NotNull(user);
        Assert.False(await users.HasPasswordAsync(user));
        Assert.Equal([Roles.NodeAdmin, Roles.SecretariatOfficer], (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Token_WithoutGrant_TokenAuthenticatesButAdminEndpointsRefuse()
    {
        var data = Directory.CreateTempSubdirectory("comity-admin-token-").FullName;
        await using var node = await TestNode.StartAsync(new TestNodeOptions { StateCode = "XA", DataFolder = data }, TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("admin", "token", "--state", "XA", "--data", data, "--user", "monitor");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var client = node.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", result.Out.Trim());
        using var status = await client.GetAsync("/api/v1/register/status", TestContext.Current.CancellationToken);
        using var refresh = await client.PostAsync("/api/v1/register/refresh", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
    }

    [Fact]
    public async Task Token_NodeNeverStarted_ExitsTwoAndCreatesNoDatabase()
    {
        var data = Path.Combine(Directory.CreateTempSubdirectory("comity-admin-token-").FullName, "never-started");

        var result = await CliRunner.RunAsync("admin", "token", "--state", "XA", "--data", data, "--grant", "node-admin");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("comity serve", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
        Assert.False(File.Exists(Path.Combine(data, "comity.db")));
    }

    [Fact]
    public async Task Token_StateNodeWithoutStateCode_ExitsTwoNamingTheSetting()
    {
        var data = Directory.CreateTempSubdirectory("comity-admin-token-").FullName;

        var result = await CliRunner.RunAsync("admin", "token", "--role", "state", "--data", data);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Comity:StateCode", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--grant", "king")]
    [InlineData("--role", "emperor")]
    [InlineData("--expires-in-days", "0")]
    [InlineData("--state", "XAB")]
    public async Task Token_InvalidValue_ExitsTwoNamingTheFlag(string flag, string value)
    {
        var result = await CliRunner.RunAsync("admin", "token", flag, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(flag, result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }
}
