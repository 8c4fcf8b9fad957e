using System.Text.Json.Nodes;
using Comity.Node.Identity;
using Comity.Testing.Nodes;

namespace Comity.Cli.Tests.Federation;

/// <summary><c>comity federation ping|peers|outbox</c> against real nodes joined on loopback.</summary>
public sealed class FederationCommandTests : IAsyncLifetime
{
    private TestNetwork network = null!;
    private string adminToken = null!;

    public async ValueTask InitializeAsync()
    {
        network = await TestNetwork.StartAsync(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero), ["XA", "XB"], cancellationToken: TestContext.Current.CancellationToken);
        adminToken = await network["XA"].CreateUserWithTokenAsync("admin", Roles.NodeAdmin);
    }

    public async ValueTask DisposeAsync() => await network.DisposeAsync();

    private string Node => network["XA"].BaseAddress.ToString();

    [Fact]
    public async Task Ping_Wait_ShowsTheReceipt_AndOutboxAndPeersShowTheDelivery()
    {
        var result = await CliRunner.RunAsync("federation", "ping", "--node", Node, "--token", adminToken, "--to", "XB", "--message", "hello", "--wait");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("delivered", result.Out, StringComparison.Ordinal);
        Assert.Contains("Receiver", result.Out, StringComparison.Ordinal);
        Assert.Contains("XB", result.Out, StringComparison.Ordinal);

        var outbox = await CliRunner.RunAsync("federation", "outbox", "--node", Node, "--token", adminToken, "--status", "delivered", "--json");
        Assert.True(outbox.ExitCode == 0, outbox.ToString());
        var rows = JsonNode.Parse(outbox.Out)!.AsArray();
        Assert.Equal("XB", (string?)Assert.Single(rows)!["to"]);

        var table = await CliRunner.RunAsync("federation", "outbox", "--node", Node, "--token", adminToken);
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("ping/v1", table.Out, StringComparison.Ordinal);

        var peers = await CliRunner.RunAsync("federation", "peers", "--node", Node, "--token", adminToken);
        Assert.True(peers.ExitCode == 0, peers.ToString());
        Assert.Contains("XB", peers.Out, StringComparison.Ordinal);
        Assert.Contains("closed", peers.Out, StringComparison.Ordinal);
        var peersJson = JsonNode.Parse((await CliRunner.RunAsync("federation", "peers", "--node", Node, "--token", adminToken, "--json")).Out)!.AsArray();
        Assert.Equal(["UN", "XB"], peersJson.Select(p => (string?)p!["state"]));
    }

    [Fact]
    public async Task Retry_AnAppliedOrUnknownEnvelope_SaysWhyWithTheProblem_AndOnlyAdministratorsMayAsk()
    {
        var ping = await CliRunner.RunAsync("federation", "ping", "--node", Node, "--token", adminToken, "--to", "XB", "--wait", "--json");
        Assert.True(ping.ExitCode == 0, ping.ToString());
        var envelope = (string)JsonNode.Parse(ping.Out)!["envelopeId"]!;
        var xb = network["XB"].BaseAddress.ToString();
        var xbAdmin = await network["XB"].CreateUserWithTokenAsync("xb-admin", Roles.NodeAdmin);
        var xbDuty = await network["XB"].CreateUserWithTokenAsync("xb-duty", Roles.DutyOfficer);

        var applied = await CliRunner.RunAsync("federation", "retry", envelope, "--node", xb, "--token", xbAdmin);
        Assert.NotEqual(0, applied.ExitCode);
        Assert.Contains("federation.not-waiting", applied.Error, StringComparison.Ordinal);

        var unknown = await CliRunner.RunAsync("federation", "retry", Guid.Empty.ToString(), "--node", xb, "--token", xbAdmin);
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("federation.envelope-not-found", unknown.Error, StringComparison.Ordinal);

        var duty = await CliRunner.RunAsync("federation", "retry", envelope, "--node", xb, "--token", xbDuty);
        Assert.NotEqual(0, duty.ExitCode);
        Assert.Contains(Roles.NodeAdmin, duty.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ping_UnknownState_ExitsTwoWithTheProblem()
    {
        var result = await CliRunner.RunAsync("federation", "ping", "--node", Node, "--token", adminToken, "--to", "ZZ");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("federation.unknown-peer", result.Error, StringComparison.Ordinal);
        Assert.Contains("Register", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ping_WithoutTo_ExitsTwoWithoutCallingTheNode()
    {
        var result = await CliRunner.RunAsync("federation", "ping", "--node", Node, "--token", adminToken);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--to", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Peers_AsAProsecutor_ExitsOneNamingTheRoles()
    {
        var prosecutor = await network["XA"].CreateUserWithTokenAsync("prosecutor", Roles.Prosecutor);

        var result = await CliRunner.RunAsync("federation", "peers", "--node", Node, "--token", prosecutor);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("403", result.Error, StringComparison.Ordinal);
        Assert.Contains(Roles.DutyOfficer, result.Error, StringComparison.Ordinal);
    }
}
