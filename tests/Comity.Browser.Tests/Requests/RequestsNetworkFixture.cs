using System.Net.Http.Json;
using System.Text.Json;
using Comity.Node.Features.Directory.Manage;
using Comity.Node.Features.Requests;
using Comity.Node.Features.Requests.Validate;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Identity;
using Comity.Protocol.V1;
using Comity.Testing.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Comity.Browser.Tests.Requests;

/// <summary>
/// A Secretariat and the States XA and XB on loopback, each with a 24/7 point of contact in the Register
/// (English and French, Europe/Paris for XA and Asia/Tokyo for XB, one officer on the roster now) and a duty
/// officer. Envelopes go out only when a test calls <see cref="DeliverAsync"/>, so every step is deterministic
/// under the nodes' fake clock.
/// </summary>
public sealed class RequestsNetworkFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string> Zones = new(StringComparer.Ordinal) { ["XA"] = "Europe/Paris", ["XB"] = "Asia/Tokyo" };

    public TestNetwork Network { get; private set; } = null!;

    /// <summary>Personal access tokens of each State's duty officer (sent as a header by the browser context).</summary>
    public Dictionary<string, string> DutyTokens { get; } = new(StringComparer.Ordinal);

    public TestNode this[string state] => Network[state];

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Comity:Federation:Envelopes:DeliveryWorkerEnabled"] = "false",
            ["Comity:Requests:ClockWorkerEnabled"] = "false",
        };
        Network = await TestNetwork.StartAsync(Now, ["XA", "XB"], settings);
        using var officer = await Network.Secretariat.CreateClientForAsync("requests-officer", Roles.SecretariatOfficer);
        foreach (var (code, node) in Network.States)
        {
            using var admin = await node.CreateClientForAsync("requests-admin", Roles.NodeAdmin);
            var designation = await SendAsync(admin, HttpMethod.Post, "/api/v1/directory/own/designations", new DesignationInput(
                null, $"{code} Cybercrime 24/7 desk", "pointOfContact247", [new ContactChannelV1("phone", "+1 555 0100")], ["en", "fr"], Zones[code], [], true));
            var id = designation.GetProperty("id").GetString();
            await SendAsync(admin, HttpMethod.Put, $"/api/v1/directory/own/designations/{id}/roster", new RosterInput(
                [new RosterShiftV1(Now.AddDays(-1), Now.AddDays(2), $"Officer {code}", [new ContactChannelV1("phone", "+1 555 0101")])]));
            var submitted = await SendAsync(admin, HttpMethod.Post, "/api/v1/directory/own/submit", null);
            await SendAsync(officer, HttpMethod.Post, $"/api/v1/directory/notifications/{submitted.GetProperty("submission").GetProperty("id").GetString()}/approve", null);
            DutyTokens[code] = await node.CreateUserWithTokenAsync("duty-" + code.ToLowerInvariant(), Roles.DutyOfficer);
        }

        await Network.SyncAllAsync();
    }

    public async ValueTask DisposeAsync() => await Network.DisposeAsync();

    /// <summary>Delivers what the node's outbox holds now and waits for the receipts.</summary>
    public Task DeliverAsync(string state) => Network[state].Services.GetRequiredService<DeliveryWorker>().RunOnceAsync(CancellationToken.None);

    /// <summary>Submits a draft through the API as the State's duty officer; returns the request's id.</summary>
    public async Task<Guid> SubmitAsync(string from, RequestDraftInput draft)
    {
        using var client = Network[from].CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", DutyTokens[from]);
        var body = await SendAsync(client, HttpMethod.Post, "/api/v1/requests", draft);
        return body.GetProperty("header").GetProperty("id").GetGuid();
    }

    /// <summary>A complete draft of <paramref name="kind"/> from XA to <paramref name="to"/>, on a bilateral treaty (the Convention is not in force in the test registry).</summary>
    public static RequestDraftInput Draft(string kind, string reference, string to = "XB") => new(
        kind,
        to,
        "Cybercrime Unit",
        new LegalBasisInput("bilateralTreaty", "Treaty on Mutual Legal Assistance between XA and XB (2019)"),
        new RequestTextInput("en", "Please act on the request described below."),
        null,
        Contents(kind),
        new HandlingConditionsDto("confidential", "statedPurposeOnly"),
        reference);

    /// <summary>What each kind must state (RequestKindProfiles), and nothing else.</summary>
    private static RequestContentsDto Contents(string kind)
    {
        var common = new RequestContentsDto
        {
            RequestingAuthority = "Public Prosecutor's Office, Cybercrime Unit",
            Offence = "Illegal access (Art. 7)",
        };
        return kind switch
        {
            "expeditedPreservation" => common with
            {
                SummaryOfFacts = "Intrusion into a hospital's network on 1 November 2026.",
                DataToPreserve = "Mailbox contents and access logs of account x@mail.example",
                LinkToOffence = "The account received the exfiltrated data.",
                CustodianOrLocation = "Nimbus Mail SA, servers in XB",
                PreservationNecessity = "The provider deletes logs after 30 days.",
                IntendedFollowUp = "A request for search and disclosure of the mailbox.",
            },
            "emergencyDisclosure" => common with
            {
                SummaryOfFacts = "Ransomware has stopped a hospital's intensive-care systems.",
                Emergency = "Patients' lives depend on the decryption key.",
                DataSought = "Subscriber data of x@mail.example",
                CustodianOrLocation = "Nimbus Mail SA, servers in XB",
            },
            "locateSuspect" => common with { SummaryOfFacts = "The intruder fled after the attack.", PersonSought = "J. Doe, last seen in XB" },
            _ => common with { Question = "Which logs does Nimbus Mail keep, and for how long?" },
        };
    }

    internal static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, body.GetType()) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
