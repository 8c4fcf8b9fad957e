using System.Diagnostics;
using Comity.Testing.Processes;

namespace Comity.Cli.Tests.Faults;

/// <summary>One three-process federation shared by the tests of <see cref="ProcessNetworkTests"/> (each leaves it working).</summary>
public sealed class ProcessNetworkFixture : IAsyncLifetime
{
    public ProcessNetwork Network { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Network = await ProcessNetwork.StartAsync(new ProcessNetworkOptions
        {
            RunFolder = Directory.CreateTempSubdirectory("comity-processes-").FullName,
            States = ["XA", "XB"],
            Proxied = ["XB"],
        }, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Network.DisposeAsync();
        Directory.Delete(Network.Options.RunFolder, recursive: true);
    }
}

/// <summary>The process harness itself: real <c>comity serve</c> processes, SIGKILL and restart, the cutting proxy.</summary>
public sealed class ProcessNetworkTests(ProcessNetworkFixture fixture) : IClassFixture<ProcessNetworkFixture>
{
    [Fact]
    public async Task StartAsync_ThreeProcesses_StatesHoldTheRegisterWithTheProxyAsEndpoint()
    {
        var ct = TestContext.Current.CancellationToken;
        var network = fixture.Network;

        var register = await FetchRegisterAsync(network, ct);

        Assert.Contains(network.PublishedAddress("XB").ToString(), register, StringComparison.Ordinal);
        Assert.Contains(network["XA"].BaseAddress.ToString(), register, StringComparison.Ordinal);
        Assert.NotEqual(network.Proxy("XB").Port, network["XB"].Options.Port);
        foreach (var code in new[] { "XA", "XB" })
        {
            var status = await network.Api(code).GetOkAsync("api/v1/register/status", ct);
            Assert.Equal("current", status.GetProperty("freshness").GetString());
        }
    }

    [Fact]
    public async Task RestartAsync_AfterSigkill_SameDataAndPortKeepTheRegisterAndToken()
    {
        var ct = TestContext.Current.CancellationToken;
        var network = fixture.Network;
        var node = network["XB"];
        var before = (await network.Api("XB").GetOkAsync("api/v1/register/status", ct)).GetProperty("serial").GetInt64();
        var pid = node.ProcessId!.Value;

        await node.KillAsync();
        var gone = await Assert.ThrowsAnyAsync<Exception>(() => network.Api("XB").GetAsync("api/v1/register/status", ct));
        await node.StartAsync(ProcessNetworkOptions.DefaultReadyTimeout, ct);

        Assert.IsType<HttpRequestException>(gone);
        Assert.Throws<ArgumentException>(() => Process.GetProcessById(pid));
        Assert.Equal(node.Starts - 1, node.Kills);
        var after = await network.Api("XB").GetOkAsync("api/v1/register/status", ct);
        Assert.Equal(before, after.GetProperty("serial").GetInt64());
        Assert.Contains("SIGKILL to xb", File.ReadAllText(node.Options.LogFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cut_ResetsOpenConnectionsAndRefusesNewOnesUntilTheWindowEnds()
    {
        var ct = TestContext.Current.CancellationToken;
        var network = fixture.Network;
        var proxy = network.Proxy("XB");
        using var viaProxy = new HttpClient { BaseAddress = proxy.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        using var first = await viaProxy.GetAsync("health/ready", ct);

        proxy.Cut(TimeSpan.FromSeconds(30));
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => viaProxy.GetAsync("health/ready", ct));
        proxy.Cut(TimeSpan.Zero);
        using var healed = await viaProxy.GetAsync("health/ready", ct);

        Assert.True(first.IsSuccessStatusCode);
        Assert.NotNull(refused);
        Assert.True(healed.IsSuccessStatusCode);
        Assert.True(proxy.Counters.Refused >= 1);
        Assert.True(proxy.Counters.Reset >= 1, "the pooled keep-alive connection of the first request was open and must have been reset");
    }

    private static async Task<string> FetchRegisterAsync(ProcessNetwork network, CancellationToken ct)
    {
        using var anonymous = new HttpClient { BaseAddress = network.Secretariat.BaseAddress };
        var jws = System.Text.Json.JsonDocument.Parse(await anonymous.GetStringAsync("federation/v1/register", ct));
        var payload = jws.RootElement.GetProperty("payload").GetString()!;
        return System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(payload));
    }
}
