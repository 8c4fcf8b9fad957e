using Comity.Node.Kernel;
using Comity.Testing.Databases;
using Comity.Testing.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Comity.Node.Tests.Features.Requests;

/// <summary>
/// A Secretariat (SQLite) and State nodes on loopback, each State node on its own database of
/// <see cref="Provider"/>, so that the request tests run on SQLite and on PostgreSQL.
/// </summary>
internal sealed class RequestsNetwork : IAsyncDisposable
{
    private readonly List<TestDatabase> databases = [];
    private readonly Dictionary<string, TestNode> states = new(StringComparer.Ordinal);

    private RequestsNetwork(DatabaseProvider provider, TestNode secretariat)
    {
        Provider = provider;
        Secretariat = secretariat;
    }

    public DatabaseProvider Provider { get; }

    public TestNode Secretariat { get; }

    public IReadOnlyDictionary<string, TestNode> States => states;

    public TestNode this[string state] => states[state];

    public static async Task<RequestsNetwork> StartAsync(DatabaseProvider provider, DateTimeOffset now, IReadOnlyList<string> codes, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection> services, CancellationToken cancellationToken)
    {
        var secretariat = await TestNode.StartAsync(new TestNodeOptions { Role = NodeRole.Secretariat, StateCode = null, Kestrel = true, Now = now, Settings = settings, Services = services }, cancellationToken);
        var network = new RequestsNetwork(provider, secretariat);
        try
        {
            var key = await TestFederation.RegisterKeyAsync(secretariat, cancellationToken);
            foreach (var code in codes)
            {
                var database = await TestDatabase.CreateAsync(provider, cancellationToken);
                network.databases.Add(database);
                network.states[code] = await TestNode.StartAsync(new TestNodeOptions
                {
                    Role = NodeRole.State,
                    StateCode = code,
                    Kestrel = true,
                    Now = now,
                    Provider = provider,
                    ConnectionString = database.ConnectionString,
                    Settings = new Dictionary<string, string?>(settings)
                    {
                        ["Comity:Federation:SecretariatUrl"] = secretariat.BaseAddress.ToString(),
                        ["Comity:Federation:SecretariatKey"] = key,
                    },
                    Services = services,
                }, cancellationToken);
            }

            return network;
        }
        catch
        {
            await network.DisposeAsync();
            throw;
        }
    }

    /// <summary>Moves every node's fake clock forward.</summary>
    public void Advance(TimeSpan by)
    {
        Secretariat.Time.Advance(by);
        foreach (var node in states.Values)
        {
            node.Time.Advance(by);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in states.Values)
        {
            await node.DisposeAsync();
        }

        await Secretariat.DisposeAsync();
        foreach (var database in databases)
        {
            await database.DisposeAsync();
        }
    }
}
