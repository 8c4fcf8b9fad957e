using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comity.Node.Features.Directory.Manage;
using Comity.Node.Features.Requests;
using Comity.Node.Features.Requests.Clocks;
using Comity.Node.Features.Requests.Validate;
using Comity.Node.Identity;
using Comity.Node.Kernel;
using Comity.Node.Tests.Features.Directory;
using Comity.Node.Tests.Federation.Envelopes;
using Comity.Protocol.V1;
using Comity.Testing.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Comity.Node.Tests.Features.Requests;

/// <summary>
/// A federation whose State nodes each designated a 24/7 point of contact (English and French, one
/// officer on the roster now). Envelopes are delivered only when a test asks (<see cref="DeliverAsync"/>),
/// so every step is deterministic under the fake clock.
/// </summary>
internal static class RequestsTestKit
{
    public static readonly DateTimeOffset Now = EnvelopeTestKit.Now;

    public static Task<RequestsNetwork> StartAsync(DatabaseProvider provider, CancellationToken cancellationToken, params string[] states) =>
        StartAsync(provider, new Dictionary<string, string?>(), cancellationToken, states);

    /// <summary>As <see cref="StartAsync(DatabaseProvider, CancellationToken, string[])"/>, with further settings on every node.</summary>
    public static async Task<RequestsNetwork> StartAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?> extra, CancellationToken cancellationToken, params string[] states)
    {
        var settings = EnvelopeTestKit.Settings(worker: false);
        settings["Comity:Requests:ClockWorkerEnabled"] = "false";
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        var network = await RequestsNetwork.StartAsync(provider, Now, states, settings, EnvelopeTestKit.Services, cancellationToken);
        try
        {
            foreach (var (code, node) in network.States)
            {
                using var admin = await node.CreateClientForAsync("requests-admin", Roles.NodeAdmin);
                await admin.SendJsonAsync(HttpMethod.Put, "/api/v1/directory/own/node", new NodeEntryInput(node.BaseAddress.ToString(), $"{code} test node"));
                await network.DesignateAsync(code, new DesignationInput(
                    null, $"{code} Cybercrime 24/7 desk", "pointOfContact247", [new ContactChannelV1("phone", "+1 555 0100")], ["en", "fr"], "Europe/Paris", [], true),
                    [new RosterShiftV1(Now.AddDays(-1), Now.AddDays(2), $"Officer {code}", [new ContactChannelV1("phone", "+1 555 0101")])]);
            }

            foreach (var node in network.States.Values)
            {
                await node.SyncRegisterAsync(cancellationToken);
            }

            return network;
        }
        catch
        {
            await network.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Adds a designation to <paramref name="state"/>'s directory entry (with its roster, when given), notifies it and
    /// has the Secretariat approve it; returns the designation's id. The nodes see it once they sync the Register.
    /// </summary>
    public static async Task<string> DesignateAsync(this RequestsNetwork network, string state, DesignationInput designation, IReadOnlyList<RosterShiftV1>? roster = null)
    {
        using var admin = await network[state].CreateClientForAsync("requests-admin", Roles.NodeAdmin);
        var (created, body) = await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/directory/own/designations", designation);
        Assert.True(created.StatusCode == HttpStatusCode.Created, body.ToString());
        var id = body.GetProperty("id").GetString()!;
        if (roster is not null)
        {
            var (rostered, shifts) = await admin.SendJsonAsync(HttpMethod.Put, $"/api/v1/directory/own/designations/{id}/roster", new RosterInput(roster));
            Assert.True(rostered.StatusCode == HttpStatusCode.OK, shifts.ToString());
        }

        await network.ResubmitOwnEntryAsync(state);
        return id;
    }

    /// <summary>
    /// Submits <paramref name="state"/>'s directory entry again as it stands (with the node's current keys) and has the
    /// Secretariat approve it; the nodes see it once they sync the Register.
    /// </summary>
    public static async Task ResubmitOwnEntryAsync(this RequestsNetwork network, string state)
    {
        using var admin = await network[state].CreateClientForAsync("requests-admin", Roles.NodeAdmin);
        using var officer = await network.Secretariat.CreateClientForAsync("requests-officer", Roles.SecretariatOfficer);
        var (submitted, submission) = await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/directory/own/submit");
        Assert.True(submitted.IsSuccessStatusCode, submission.ToString());
        Assert.False(submission.GetProperty("unchanged").GetBoolean(), submission.ToString());
        var (approved, approval) = await officer.SendJsonAsync(HttpMethod.Post, $"/api/v1/directory/notifications/{submission.GetProperty("submission").GetProperty("id").GetString()}/approve");
        Assert.True(approved.IsSuccessStatusCode, approval.ToString());
    }

    /// <summary>Delivers what <paramref name="node"/>'s outbox holds, and waits for the receipts.</summary>
    public static Task DeliverAsync(this TestNode node, CancellationToken cancellationToken) => node.Worker().RunOnceAsync(cancellationToken);

    public static Task<HttpClient> DutyAsync(this TestNode node) => node.CreateClientForAsync("duty", Roles.DutyOfficer);

    /// <summary>A complete expedited-preservation draft (Art. 42) to <paramref name="to"/>.</summary>
    public static RequestDraftInput Preservation(string to, string basis = "bilateralTreaty", string? reference = "Treaty on Mutual Legal Assistance between XA and XB (2019)", RequestTextInput? original = null, RequestTextInput? translation = null) => new(
        "expeditedPreservation",
        to,
        "Cybercrime Unit",
        new LegalBasisInput(basis, reference),
        original ?? new RequestTextInput("en", "Please preserve the mailbox described below pending a mutual legal assistance request."),
        translation,
        new RequestContentsDto
        {
            RequestingAuthority = "Public Prosecutor's Office, Cybercrime Unit",
            Offence = "Illegal access (Art. 7)",
            SummaryOfFacts = "Intrusion into a hospital's network on 1 November 2026.",
            DataToPreserve = "Mailbox contents and access logs of account x@mail.example",
            LinkToOffence = "The account received the exfiltrated data.",
            CustodianOrLocation = "Nimbus Mail SA, servers in XB",
            PreservationNecessity = "The provider deletes logs after 30 days.",
            IntendedFollowUp = "A request for search and disclosure of the mailbox.",
        },
        new HandlingConditionsDto("confidential", "statedPurposeOnly"),
        "XA-2026-0042");

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> PostAsync(this HttpClient client, string path, object? body = null)
    {
        var response = await client.PostAsJsonAsync(path, body ?? new { }, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<JsonElement> OkAsync(this Task<(HttpResponseMessage Response, JsonElement Body)> call, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var (response, body) = await call;
        using (response)
        {
            Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
            return body;
        }
    }

    public static async Task<IReadOnlyList<RequestAlertRecord>> SweepClocksAsync(this TestNode node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RequestClockSweep>().SweepAsync(TestContext.Current.CancellationToken);
    }

    public static IEnumerable<string?> Strings(this JsonElement array, string property) =>
        array.EnumerateArray().Select(e => e.GetProperty(property).GetString());
}
