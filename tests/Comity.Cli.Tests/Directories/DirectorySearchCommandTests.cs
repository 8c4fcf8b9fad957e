using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Comity.Node.Features.Directory.Manage;
using Comity.Node.Federation.Register;
using Comity.Node.Identity;
using Comity.Protocol.V1;
using Comity.Testing.Nodes;

namespace Comity.Cli.Tests.Directories;

/// <summary>
/// <c>comity directory search</c> against a State node (XA) on loopback holding a real Register: XB's
/// node submits its offices, the Secretariat approves them, and XA's node syncs the Register.
/// </summary>
public sealed class DirectorySearchCommandTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly List<TestNode> started = [];
    private TestNode node = null!;
    private string token = null!;
    private string pointId = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var secretariat = await Start(TestFederation.StartSecretariatAsync(Now, cancellationToken: Ct));
        var xb = await Start(TestFederation.StartStateAsync(secretariat, "XB", Now, cancellationToken: Ct));
        node = await Start(TestFederation.StartStateAsync(secretariat, "XA", Now, cancellationToken: Ct));

        using (var admin = await xb.CreateClientForAsync("admin", Roles.NodeAdmin))
        {
            var point = await SendAsync(admin, HttpMethod.Post, "/api/v1/directory/own/designations", new DesignationInput(null, "XB Cyber Crime Command 24/7", "pointOfContact247",
                [new ContactChannelV1("phone", "+65 6123 4567")], ["en", "zh-Hans"], "Asia/Singapore", [], true));
            pointId = (string)point["id"]!;
            await SendAsync(admin, HttpMethod.Put, $"/api/v1/directory/own/designations/{pointId}/roster", new RosterInput(
                [new RosterShiftV1(Now.AddHours(-1), Now.AddHours(11), "Sgt. Tan Wei Ling", [])]));
            await SendAsync(admin, HttpMethod.Post, "/api/v1/directory/own/designations", new DesignationInput(null, "XB Attorney-General's Chambers", "centralAuthority",
                [new ContactChannelV1("email", "mla@agc.xb.example")], ["en"], "Asia/Singapore",
                [new OfficeHoursV1([1, 2, 3, 4, 5], new TimeOnly(9, 0), new TimeOnly(18, 0))], false));
            var submitted = await SendAsync(admin, HttpMethod.Post, "/api/v1/directory/own/submit", null);
            using var officer = await secretariat.CreateClientForAsync("officer", Roles.SecretariatOfficer);
            await SendAsync(officer, HttpMethod.Post, $"/api/v1/directory/notifications/{(string?)submitted["submission"]!["id"]}/approve", null);
        }

        Assert.Equal(RegisterPollOutcome.Updated, await node.SyncRegisterAsync(Ct));
        var held = await node.HeldRegisterAsync(Ct);
        Assert.Equal(["UN", "XB"], held!.Nodes.Select(n => n.State));
        Assert.Equal(2, held.Designations.Count);
        token = await node.CreateUserWithTokenAsync("duty", Roles.DutyOfficer);
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = started.Count - 1; i >= 0; i--)
        {
            await started[i].DisposeAsync();
        }
    }

    private async Task<TestNode> Start(Task<TestNode> starting)
    {
        var started = await starting;
        this.started.Add(started);
        return started;
    }

    private static async Task<JsonNode> SendAsync(HttpClient client, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    [Fact]
    public async Task Search_Json_AnswersWhoIsOnCall()
    {
        var result = await CliRunner.RunAsync("directory", "search", "--node", node.BaseAddress.ToString(), "--token", token, "--state", "XB", "--role", "pointOfContact247", "--language", "en", "--available-now", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var card = JsonNode.Parse(result.Out)!["cards"]!.AsArray().Single()!;
        Assert.Equal(pointId, (string?)card["designation"]!["id"]);
        Assert.Equal("Sgt. Tan Wei Ling", (string?)card["onDuty"]!["officer"]);
    }

    [Fact]
    public async Task Search_Table_ShowsOfficesAndHoursInBothZones()
    {
        var result = await CliRunner.RunAsync("directory", "search", "--node", node.BaseAddress.ToString(), "--token", token, "--state", "XB", "--tz", "Europe/Paris");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("XB Attorney-General's Chambers", result.Out, StringComparison.Ordinal);
        Assert.Contains("Sgt. Tan Wei Ling", result.Out, StringComparison.Ordinal);
        Assert.Contains("09:00–18:00 Asia/Singapore", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_BadRole_IsRefusedBeforeCallingTheNode()
    {
        var result = await CliRunner.RunAsync("directory", "search", "--node", node.BaseAddress.ToString(), "--role", "judge");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--role must be one of", result.Error, StringComparison.Ordinal);
    }
}
