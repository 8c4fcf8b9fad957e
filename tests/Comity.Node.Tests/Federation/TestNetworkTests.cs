using Comity.Testing.Nodes;

namespace Comity.Node.Tests.Federation;

/// <summary>The multi-node fixture every federation test builds on: three State nodes joined for real.</summary>
public sealed class TestNetworkTests
{
    [Fact]
    public async Task ThreeStates_JoinTheRegister_WithTheirLoopbackEndpoints()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await TestNetwork.StartAsync(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero), ["XA", "XB", "XC"], cancellationToken: ct);

        foreach (var node in network.States.Values)
        {
            var register = await node.HeldRegisterAsync(ct);
            Assert.NotNull(register);
            Assert.Equal(["UN", "XA", "XB", "XC"], register.Nodes.Select(n => n.State));
            Assert.Equal(network["XB"].BaseAddress, register.Nodes.Single(n => n.State == "XB").Endpoint);
            Assert.Equal(network.Secretariat.BaseAddress, register.Nodes.Single(n => n.State == "UN").Endpoint);
        }
    }
}
