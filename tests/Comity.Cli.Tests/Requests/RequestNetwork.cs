using System.Net.Http.Json;
using System.Text.Json;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Features.Directory.Manage;
using Comity.Node.Identity;
using Comity.Protocol.V1;
using Comity.Testing.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Comity.Cli.Tests.Requests;

/// <summary>
/// A federation for the request verbs: every State node has designated a 24/7 point of contact (English,
/// one officer on the roster now) and a duty officer with a token. The delivery worker is off: a test
/// delivers a node's outbox when it wants the other side to see an event, so nothing waits on a timer.
/// </summary>
internal sealed class RequestNetwork : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string> dutyTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> centralTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> prosecutorTokens = new(StringComparer.Ordinal);

    private RequestNetwork(TestNetwork network)
    {
        Network = network;
    }

    public TestNetwork Network { get; }

    public static async Task<RequestNetwork> StartAsync(CancellationToken cancellationToken, params string[] states)
    {
        var network = await TestNetwork.StartAsync(Now, states, new Dictionary<string, string?>
        {
            ["Comity:Federation:Envelopes:DeliveryWorkerEnabled"] = "false",
        }, cancellationToken: cancellationToken);
        var result = new RequestNetwork(network);
        try
        {
            using var officer = await network.Secretariat.CreateClientForAsync("requests-officer", Roles.SecretariatOfficer);
            foreach (var (code, node) in network.States)
            {
                using var admin = await node.CreateClientForAsync("requests-admin", Roles.NodeAdmin);
                var designation = await Ok(await admin.PostAsJsonAsync("/api/v1/directory/own/designations", new DesignationInput(
                    null, $"{code} Cybercrime 24/7 desk", "pointOfContact247", [new ContactChannelV1("phone", "+1 555 0100")], ["en"], "Asia/Singapore", [], true), cancellationToken), cancellationToken);
                await Ok(await admin.PutAsJsonAsync($"/api/v1/directory/own/designations/{designation.GetProperty("id").GetString()}/roster", new RosterInput(
                    [new RosterShiftV1(Now.AddDays(-1), Now.AddDays(2), $"Officer {code}", [])]), cancellationToken), cancellationToken);
                var submitted = await Ok(await admin.PostAsync("/api/v1/directory/own/submit", null, cancellationToken), cancellationToken);
                await Ok(await officer.PostAsync($"/api/v1/directory/notifications/{submitted.GetProperty("submission").GetProperty("id").GetString()}/approve", null, cancellationToken), cancellationToken);
                result.dutyTokens[code] = await node.CreateUserWithTokenAsync("duty", Roles.DutyOfficer);
            }

            await network.SyncAllAsync(cancellationToken);
            return result;
        }
        catch
        {
            await network.DisposeAsync();
            throw;
        }
    }

    public TestNode this[string state] => Network[state];

    /// <summary>The flags that make a verb act as <paramref name="state"/>'s duty officer.</summary>
    public string[] As(string state) => ["--node", Network[state].BaseAddress.ToString(), "--token", dutyTokens[state]];

    /// <summary>The flags that make a verb act as <paramref name="state"/>'s central-authority officer (after <see cref="DesignateCentralAuthoritiesAsync"/>).</summary>
    public string[] AsCentral(string state) => ["--node", Network[state].BaseAddress.ToString(), "--token", centralTokens[state]];

    /// <summary>The flags that make a verb act as <paramref name="state"/>'s prosecutor (after <see cref="DesignateCentralAuthoritiesAsync"/>).</summary>
    public string[] AsProsecutor(string state) => ["--node", Network[state].BaseAddress.ToString(), "--token", prosecutorTokens[state]];

    /// <summary>Every State designates a central authority (weekday office hours, English) and gets a central-authority officer and a prosecutor, each with a token.</summary>
    public async Task DesignateCentralAuthoritiesAsync(CancellationToken cancellationToken)
    {
        using var officer = await Network.Secretariat.CreateClientForAsync("requests-officer", Roles.SecretariatOfficer);
        foreach (var (code, node) in Network.States)
        {
            using var admin = await node.CreateClientForAsync("requests-admin", Roles.NodeAdmin);
            await Ok(await admin.PostAsJsonAsync("/api/v1/directory/own/designations", new DesignationInput(
                null, $"{code} Central Authority", "centralAuthority", [new ContactChannelV1("email", $"mla@{code.ToLowerInvariant()}.example")], ["en"], "Asia/Singapore",
                [new OfficeHoursV1([1, 2, 3, 4, 5], new TimeOnly(9, 0), new TimeOnly(17, 0))], false), cancellationToken), cancellationToken);
            var submitted = await Ok(await admin.PostAsync("/api/v1/directory/own/submit", null, cancellationToken), cancellationToken);
            await Ok(await officer.PostAsync($"/api/v1/directory/notifications/{submitted.GetProperty("submission").GetProperty("id").GetString()}/approve", null, cancellationToken), cancellationToken);
            centralTokens[code] = await node.CreateUserWithTokenAsync("central", Roles.CentralAuthorityOfficer);
            prosecutorTokens[code] = await node.CreateUserWithTokenAsync("prosecutor", Roles.Prosecutor);
        }

        await Network.SyncAllAsync(cancellationToken);
    }

    /// <summary>Delivers what <paramref name="state"/>'s outbox holds to its peers and waits for their receipts.</summary>
    public Task<int> DeliverAsync(string state, CancellationToken cancellationToken) =>
        Network[state].Services.GetRequiredService<DeliveryWorker>().RunOnceAsync(cancellationToken);

    public ValueTask DisposeAsync() => Network.DisposeAsync();

    private static async Task<JsonElement> Ok(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
    }
}
