using System.Net;
using Comity.Node.Identity;
using Comity.Node.Tests.Features.Treaty;
using Comity.Node.Tests.Federation.Register;
using Comity.Testing.Nodes;

namespace Comity.Node.Tests.Features.Register;

/// <summary>The Register API: its status, publishing now (offered on the Secretariat) and fetching now (offered on a State node).</summary>
public sealed class RegisterEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publish_OnAStateNode_IsRefusedAsNotTheSecretariat()
    {
        await using var node = await TestNode.StartAsync(cancellationToken: Ct);
        using var officer = await node.CreateClientForAsync("officer", Roles.SecretariatOfficer);

        var (publish, body) = await officer.PostJsonAsync("/api/v1/register/publish", new { });

        Assert.Equal(HttpStatusCode.Conflict, publish.StatusCode);
        Assert.Equal("register.not-secretariat", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Refresh_OnTheSecretariat_IsRefusedAsItPublishesTheRegister()
    {
        await using var secretariat = await RegisterPublicationTests.StartSecretariatAsync();
        using var admin = await secretariat.CreateClientForAsync("admin", Roles.NodeAdmin);

        var (refresh, body) = await admin.PostJsonAsync("/api/v1/register/refresh", new { });

        Assert.Equal(HttpStatusCode.Conflict, refresh.StatusCode);
        Assert.Equal("register.is-secretariat", body.GetProperty("code").GetString());
        Assert.Contains("POST /api/v1/register/publish", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnconfiguredStateNode_Runs_ShowsNotConfigured_AndRefreshSaysWhatToSet()
    {
        await using var state = await TestNode.StartAsync(cancellationToken: Ct);
        using var admin = await state.CreateClientForAsync("admin", Roles.NodeAdmin);

        var (response, problem) = await admin.PostJsonAsync("/api/v1/register/refresh", new { });
        var status = await admin.GetJsonAsync("/api/v1/register/status");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("register.not-configured", problem.GetProperty("code").GetString());
        Assert.False(status.GetProperty("configured").GetBoolean());
        Assert.Equal("Register: not configured", (await RegisterStatusBarTests.StatusBarDocumentAsync(state)).Status);
    }
}
