using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comity.Node.Identity;
using Comity.Testing.Nodes;

namespace Comity.Node.Tests.Features.Account;

public sealed class TokenEndpointsTests
{
    [Fact]
    public async Task Me_WithToken_ReturnsUserAndRoles()
    {
        await using var node = await TestNode.StartAsync();
        using var client = await node.CreateClientForAsync("olga", Roles.DutyOfficer);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me", TestContext.Current.CancellationToken);

        Assert.Equal("olga", me.GetProperty("userName").GetString());
        Assert.Equal([Roles.DutyOfficer], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Me_WithoutToken_Returns401Problem()
    {
        await using var node = await TestNode.StartAsync();
        using var client = node.CreateClient();

        var response = await client.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Me_WithRevokedToken_Returns401()
    {
        await using var node = await TestNode.StartAsync();
        using var client = await node.CreateClientForAsync("olga", Roles.DutyOfficer);
        var tokens = await client.GetFromJsonAsync<JsonElement>("/api/v1/tokens", TestContext.Current.CancellationToken);
        var id = tokens[0].GetProperty("id").GetGuid();

        var revoke = await client.DeleteAsync($"/api/v1/tokens/{id}", TestContext.Current.CancellationToken);
        var after = await client.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task CreateToken_WithoutName_ReturnsValidationProblemNamingTheField()
    {
        await using var node = await TestNode.StartAsync();
        using var client = await node.CreateClientForAsync("olga", Roles.DutyOfficer);

        var response = await client.PostAsJsonAsync("/api/v1/tokens", new { name = "", expiresInDays = 500 }, TestContext.Current.CancellationToken);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var fields = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Equal(["name", "expiresInDays"], fields);
        Assert.True(problem.TryGetProperty("traceId", out _));
    }

    [Fact]
    public async Task FirstRun_CreatesAdministratorWithOneTimePassword()
    {
        await using var node = await TestNode.StartAsync();

        Assert.Equal("admin", node.FirstRun.UserName);
        Assert.Matches("^[a-z2-9]{5}(-[a-z2-9]{5}){3}$", node.FirstRun.OneTimePassword);
    }

    [Theory]
    [InlineData("{bad json", null)]
    [InlineData("{\"name\": 12, \"expiresInDays\": \"soon\"}", "name")]
    [InlineData("{\"name\": \"cli\", \"expiresInDays\": \"soon\"}", "expiresInDays")]
    public async Task CreateToken_MalformedBody_Returns400ProblemNamingTheField(string body, string? field)
    {
        await using var node = await TestNode.StartAsync();
        using var client = await node.CreateClientForAsync("olga", Roles.DutyOfficer);

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/v1/tokens", content, TestContext.Current.CancellationToken);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("request.malformed", problem.GetProperty("code").GetString());
        var error = problem.GetProperty("errors")[0];
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.True(problem.TryGetProperty("traceId", out _));
    }
}
