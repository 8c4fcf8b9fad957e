using System.Net.Http.Json;
using Comity.Node.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Comity.Testing.Nodes;

/// <summary>
/// A whole federation on loopback: a real Secretariat and real State nodes that have joined it as
/// operators do — each State node sets its endpoint to the address it listens on, submits its signed
/// directory notification, the Secretariat approves it, and every node then holds the same Register
/// listing every node's endpoint and keys. Nodes can reach one another over HTTP for real.
/// </summary>
public sealed class TestNetwork : IAsyncDisposable
{
    private readonly Dictionary<string, TestNode> states;

    private TestNetwork(TestNode secretariat, Dictionary<string, TestNode> states)
    {
        Secretariat = secretariat;
        this.states = states;
    }

    /// <summary>The Secretariat node (State code <c>UN</c> in the Register).</summary>
    public TestNode Secretariat { get; }

    /// <summary>The State nodes by State code.</summary>
    public IReadOnlyDictionary<string, TestNode> States => states;

    /// <summary>The State node of <paramref name="stateCode"/>.</summary>
    public TestNode this[string stateCode] => states[stateCode];

    /// <summary>Every node, the Secretariat first.</summary>
    public IEnumerable<TestNode> All => [Secretariat, .. states.Values];

    /// <summary>
    /// Starts the Secretariat and one State node per code (all with a fake clock at <paramref name="now"/>),
    /// joins every State node to the Register and syncs it on every State node.
    /// <paramref name="settings"/> and <paramref name="services"/> apply to every node.
    /// </summary>
    public static async Task<TestNetwork> StartAsync(
        DateTimeOffset now,
        IReadOnlyList<string> stateCodes,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        CancellationToken cancellationToken = default)
    {
        var common = settings ?? new Dictionary<string, string?>();
        var secretariat = await TestNode.StartAsync(new TestNodeOptions
        {
            Role = Node.Kernel.NodeRole.Secretariat,
            StateCode = null,
            Kestrel = true,
            Now = now,
            Settings = common,
            Services = services,
        }, cancellationToken);
        var started = new Dictionary<string, TestNode>(StringComparer.Ordinal);
        var network = new TestNetwork(secretariat, started);
        try
        {
            var key = await TestFederation.RegisterKeyAsync(secretariat, cancellationToken);
            foreach (var code in stateCodes)
            {
                var all = new Dictionary<string, string?>(common)
                {
                    ["Comity:Federation:SecretariatUrl"] = secretariat.BaseAddress.ToString(),
                    ["Comity:Federation:SecretariatKey"] = key,
                };
                started[code] = await TestNode.StartAsync(new TestNodeOptions
                {
                    Role = Node.Kernel.NodeRole.State,
                    StateCode = code,
                    Kestrel = true,
                    Now = now,
                    Settings = all,
                    Services = services,
                }, cancellationToken);
            }

            foreach (var (code, node) in started)
            {
                await network.JoinAsync(code, node, cancellationToken);
            }

            await network.SyncAllAsync(cancellationToken);
            return network;
        }
        catch
        {
            await network.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every State node polls the Secretariat now and holds its latest Register.</summary>
    public async Task SyncAllAsync(CancellationToken cancellationToken = default)
    {
        foreach (var node in states.Values)
        {
            await node.SyncRegisterAsync(cancellationToken);
        }
    }

    /// <summary>Moves every node's fake clock forward by <paramref name="by"/>.</summary>
    public void Advance(TimeSpan by)
    {
        foreach (var node in All)
        {
            node.Time.Advance(by);
        }
    }

    private async Task JoinAsync(string code, TestNode node, CancellationToken cancellationToken)
    {
        using var admin = await node.CreateClientForAsync("network-admin", Roles.NodeAdmin);
        using var officer = await Secretariat.CreateClientForAsync("network-officer", Roles.SecretariatOfficer);
        await Check(await admin.PutAsJsonAsync("/api/v1/directory/own/node", new { endpoint = node.BaseAddress.ToString(), name = $"{code} test node" }, cancellationToken), "set the node endpoint", cancellationToken);
        var submitted = await Check(await admin.PostAsync("/api/v1/directory/own/submit", null, cancellationToken), "submit the directory notification", cancellationToken);
        var id = submitted.GetProperty("submission").GetProperty("id").GetString();
        await Check(await officer.PostAsync($"/api/v1/directory/notifications/{id}/approve", null, cancellationToken), "approve the directory notification", cancellationToken);
    }

    private static async Task<System.Text.Json.JsonElement> Check(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Could not {what}: {(int)response.StatusCode} {text}");
            }

            return text.Length == 0 ? default : System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in states.Values)
        {
            await node.DisposeAsync();
        }

        await Secretariat.DisposeAsync();
    }
}
