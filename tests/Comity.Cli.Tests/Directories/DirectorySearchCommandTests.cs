using System.Text.Json.Nodes;
using Comity.Node.Federation.Register;
using Comity.Node.Identity;
using Comity.Protocol.V1;
using Comity.Testing.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Comity.Cli.Tests.Directories;

/// <summary><c>comity directory search</c> against a State node on loopback holding a Register (a fake of the Register sync).</summary>
public sealed class DirectorySearchCommandTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private TestNode node = null!;
    private string token = null!;

    public async ValueTask InitializeAsync()
    {
        var register = new HeldRegister(new RegisterV1(1, 3, Now, Now.AddDays(1), new RegisterTreatyV1(null, null, null), [], [],
            [
                new DesignationV1("xb-247", "XB", "XB Cyber Crime Command 24/7", "pointOfContact247", "Art. 41(1)", [new ContactChannelV1("phone", "+65 6123 4567")], ["en", "zh-Hans"], "Asia/Singapore", [], true,
                    [new RosterShiftV1(Now.AddHours(-1), Now.AddHours(11), "Sgt. Tan Wei Ling", [])]),
                new DesignationV1("xb-ca", "XB", "XB Attorney-General's Chambers", "centralAuthority", "Art. 40(13)", [new ContactChannelV1("email", "mla@agc.xb.example")], ["en"], "Asia/Singapore",
                    [new OfficeHoursV1([1, 2, 3, 4, 5], new TimeOnly(9, 0), new TimeOnly(18, 0))], false, []),
            ], []));
        node = await TestNode.StartAsync(new TestNodeOptions { Kestrel = true, Now = Now, Services = s => s.AddSingleton<ICurrentRegister>(register) });
        token = await node.CreateUserWithTokenAsync("duty", Roles.DutyOfficer);
    }

    public async ValueTask DisposeAsync() => await node.DisposeAsync();

    [Fact]
    public async Task Search_Json_AnswersWhoIsOnCall()
    {
        var result = await CliRunner.RunAsync("directory", "search", "--node", node.BaseAddress.ToString(), "--token", token, "--state", "XB", "--role", "pointOfContact247", "--language", "en", "--available-now", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var card = JsonNode.Parse(result.Out)!["cards"]!.AsArray().Single()!;
        Assert.Equal("xb-247", (string?)card["designation"]!["id"]);
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

    private sealed class HeldRegister(RegisterV1 register) : ICurrentRegister
    {
        public Task<RegisterSnapshot?> GetAsync(CancellationToken cancellationToken) =>
            Task.FromResult<RegisterSnapshot?>(new RegisterSnapshot(register, "", Now, RegisterFreshness.Current, null, null));
    }
}
