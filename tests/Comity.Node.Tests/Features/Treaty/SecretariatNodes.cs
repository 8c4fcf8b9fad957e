using System.Net.Http.Json;
using System.Text.Json;
using Comity.Node.Kernel;
using Comity.Testing.Databases;
using Comity.Testing.Nodes;

namespace Comity.Node.Tests.Features.Treaty;

/// <summary>A Secretariat node on its own database, disposed together.</summary>
public sealed class TreatyNode : IAsyncDisposable
{
    private TreatyNode(TestDatabase database, TestNode node)
    {
        Database = database;
        Node = node;
    }

    public TestDatabase Database { get; }

    public TestNode Node { get; }

    public static async Task<TreatyNode> StartAsync(DatabaseProvider provider, NodeRole role = NodeRole.Secretariat)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var node = await StartOnAsync(database, role);
        return new TreatyNode(database, node);
    }

    public static Task<TestNode> StartOnAsync(TestDatabase database, NodeRole role = NodeRole.Secretariat) =>
        TestNode.StartAsync(new TestNodeOptions
        {
            Role = role,
            StateCode = role == NodeRole.Secretariat ? null : "XA",
            Provider = database.Provider,
            ConnectionString = database.ConnectionString,
        });

    public async ValueTask DisposeAsync()
    {
        await Node.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>
/// One Secretariat node per provider, started on first use and shared by the tests of a class
/// (xUnit runs them one after another). Tests that share it only add instruments for participants
/// no other test in the class relies on.
/// </summary>
public sealed class SecretariatNodes : IAsyncDisposable
{
    private readonly Dictionary<DatabaseProvider, TreatyNode> nodes = [];
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<TestNode> GetAsync(DatabaseProvider provider)
    {
        await gate.WaitAsync();
        try
        {
            if (!nodes.TryGetValue(provider, out var node))
            {
                node = await TreatyNode.StartAsync(provider);
                nodes[provider] = node;
            }

            return node.Node;
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in nodes.Values)
        {
            await node.DisposeAsync();
        }

        gate.Dispose();
    }
}

internal static class TreatyApi
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url) =>
        await client.GetFromJsonAsync<JsonElement>(url, Ct);

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> PostJsonAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static Task<(HttpResponseMessage Response, JsonElement Body)> RecordAsync(this HttpClient client, string participant, string kind, string date, string? notification = null) =>
        client.PostJsonAsync("/api/v1/treaty/instruments", new { participant, kind, date, depositaryNotification = notification });

    /// <summary>Every stored instrument, whatever its date.</summary>
    public static async Task<int> InstrumentCountAsync(this HttpClient client) =>
        (await client.GetJsonAsync("/api/v1/treaty/status?asOf=2999-12-31")).GetProperty("timeline").GetArrayLength();
}
