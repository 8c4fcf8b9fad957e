using System.Net;
using System.Text;
using System.Text.Json;
using Comity.Node.Features.Directory.Manage;
using Comity.Node.Identity;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;
using Comity.Testing.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Comity.Node.Tests.Features.Directory;

/// <summary>The notification workflow across a State node and the Secretariat: draft → submit → review → publish.</summary>
public sealed class DirectoryWorkflowTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    [Trait("Article", "41(1)")]
    public async Task SubmitReviewPublish_AcrossTwoNodes_PublishesTheStateInTheRegister()
    {
        await using var federation = await DirectoryFederation.StartAsync();
        using var admin = await federation.State.AdminAsync();
        using var officer = await federation.Secretariat.OfficerAsync();
        var stateKid = await federation.State.SigningKidAsync(Ct);

        // The Secretariat published its first Register at start-up: serial 1, listing only itself.
        var initial = await federation.PublishedRegisterAsync();
        Assert.Equal(1, initial.Serial);
        Assert.Equal(["UN"], initial.Nodes.Select(n => n.State));

        // Draft on the State node.
        var (created, ca) = await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/directory/own/designations", DirectoryBodies.CentralAuthority());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Art. 40(13)", ca.GetProperty("article").GetString());
        Assert.Equal(["fr", "en"], ca.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        var (_, poc) = await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/directory/own/designations", DirectoryBodies.PointOfContact());
        var (rosterSet, _) = await admin.SendJsonAsync(HttpMethod.Put, $"/api/v1/directory/own/designations/{poc.GetProperty("id").GetString()}/roster", DirectoryBodies.Roster(DirectoryFederation.Now, 20));
        Assert.Equal(HttpStatusCode.OK, rosterSet.StatusCode);
        var (providerCreated, _) = await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/directory/own/providers", DirectoryBodies.Provider());
        Assert.Equal(HttpStatusCode.Created, providerCreated.StatusCode);

        // Submit: signed with the node key, received as a first registration.
        var (submitted, submit) = await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/directory/own/submit");
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var submission = submit.GetProperty("submission");
        Assert.False(submit.GetProperty("unchanged").GetBoolean());
        Assert.Equal("pending", submission.GetProperty("status").GetString());
        Assert.True(submission.GetProperty("firstRegistration").GetBoolean());
        Assert.Equal(stateKid, submission.GetProperty("keyThumbprint").GetString());
        var id = submission.GetProperty("id").GetGuid();

        // Review on the Secretariat: the queue, the diff against nothing published yet.
        var (_, queue) = await officer.SendJsonAsync(HttpMethod.Get, "/api/v1/directory/notifications?status=pending");
        var queued = Assert.Single(queue.EnumerateArray());
        Assert.Equal("XA", queued.GetProperty("state").GetString());
        Assert.Equal(2, queued.GetProperty("designations").GetInt32());
        var (_, details) = await officer.SendJsonAsync(HttpMethod.Get, $"/api/v1/directory/notifications/{id}");
        var changes = details.GetProperty("changes").EnumerateArray().ToList();
        Assert.Contains(changes, c => c.GetProperty("subject").GetString() == "node" && c.GetProperty("label").GetString() == "endpoint" && c.GetProperty("after").GetString() == "https://node.xa.example/");
        Assert.Equal(2, changes.Count(c => c.GetProperty("subject").GetString() == "designation" && c.GetProperty("change").GetString() == "added"));
        Assert.Contains("\"protected\"", details.GetProperty("jws").GetString(), StringComparison.Ordinal);

        // Approve: published, and the Register lists the Secretariat and XA with its designations and key.
        var (approved, approval) = await officer.SendJsonAsync(HttpMethod.Post, $"/api/v1/directory/notifications/{id}/approve");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("approved", approval.GetProperty("summary").GetProperty("status").GetString());
        var register = await federation.PublishedRegisterAsync();
        Assert.Equal(2, register.Serial); // one publication, for this approval
        Assert.Equal(["UN", "XA"], register.Nodes.Select(n => n.State));
        Assert.Equal(DirectoryFederation.SecretariatPublicUrl, register.Nodes[0].Endpoint);
        Assert.Equal((await federation.Secretariat.PublicKeysAsync(Ct)).Select(k => k.Kid), register.Nodes[0].Keys.Select(k => k.Kid));
        Assert.Equal(new Uri("https://node.xa.example/"), register.Nodes[1].Endpoint);
        Assert.Equal((await federation.State.PublicKeysAsync(Ct)).Select(k => k.Kid), register.Nodes[1].Keys.Select(k => k.Kid));
        Assert.Equal(stateKid, register.Nodes[1].Keys.Single(k => k.Use == "sig").Kid);
        Assert.Equal(2, register.Designations.Count);
        Assert.Equal(40, register.Designations.Single(d => d.Role == "pointOfContact247").Roster.Count);
        Assert.Equal("Nimbus Mail SA", Assert.Single(register.ServiceProviders).Name);

        // The State node's sync verifies it and holds it.
        Assert.Equal(Comity.Node.Federation.Register.RegisterPollOutcome.Updated, await federation.SyncRegisterAsync());
        var held = (await federation.State.HeldRegisterAsync(Ct))!;
        Assert.Equal(2, held.Serial);
        Assert.Equal(["UN", "XA"], held.Nodes.Select(n => n.State));
        Assert.Equal(2, held.Designations.Count);

        // The State node learns the outcome by itself (its outcome worker), then has nothing pending to ask about.
        var worker = federation.State.Services.GetRequiredService<NotificationOutcomeWorker>();
        Assert.Equal("approved", await worker.RunOnceAsync(Ct));
        var (_, own) = await admin.SendJsonAsync(HttpMethod.Get, "/api/v1/directory/own");
        Assert.Equal("approved", own.GetProperty("lastSubmission").GetProperty("status").GetString());
        Assert.Null(await worker.RunOnceAsync(Ct));
        var (_, refreshed) = await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/directory/own/submission/refresh");
        Assert.Equal("approved", refreshed.GetProperty("status").GetString());

        // Idempotent: nothing changed, nothing sent (the Secretariat still has the one notification).
        var (_, received) = await officer.SendJsonAsync(HttpMethod.Get, "/api/v1/directory/notifications");
        Assert.Equal([id], received.EnumerateArray().Select(n => n.GetProperty("id").GetGuid()));
        var (_, again) = await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/directory/own/submit");
        Assert.True(again.GetProperty("unchanged").GetBoolean());
        Assert.Equal(id, again.GetProperty("submission").GetProperty("id").GetGuid());
        var (_, afterAgain) = await officer.SendJsonAsync(HttpMethod.Get, "/api/v1/directory/notifications");
        Assert.Equal([id], afterAgain.EnumerateArray().Select(n => n.GetProperty("id").GetGuid()));

        // A change is checked against XA's key in the Register now (no longer a first registration); rejected with a reason.
        var (_, provider) = await admin.SendJsonAsync(HttpMethod.Get, "/api/v1/directory/own");
        var providerId = provider.GetProperty("serviceProviders")[0].GetProperty("id").GetString();
        await admin.SendJsonAsync(HttpMethod.Delete, $"/api/v1/directory/own/providers/{providerId}");
        var (_, second) = await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/directory/own/submit");
        Assert.False(second.GetProperty("submission").GetProperty("firstRegistration").GetBoolean());
        var secondId = second.GetProperty("submission").GetProperty("id").GetGuid();
        var (_, diff) = await officer.SendJsonAsync(HttpMethod.Get, $"/api/v1/directory/notifications/{secondId}");
        var removed = Assert.Single(diff.GetProperty("changes").EnumerateArray());
        Assert.Equal("removed", removed.GetProperty("change").GetString());
        Assert.Equal("Nimbus Mail SA", removed.GetProperty("label").GetString());

        var (noReason, problem) = await officer.SendJsonAsync(HttpMethod.Post, $"/api/v1/directory/notifications/{secondId}/reject", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("directory.reason-required", problem.GetProperty("code").GetString());
        var (rejected, _) = await officer.SendJsonAsync(HttpMethod.Post, $"/api/v1/directory/notifications/{secondId}/reject", new { reason = "Nimbus Mail still serves XA users: keep it listed." });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var (_, outcome) = await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/directory/own/submission/refresh");
        Assert.Equal("rejected", outcome.GetProperty("status").GetString());
        Assert.Equal("Nimbus Mail still serves XA users: keep it listed.", outcome.GetProperty("reason").GetString());
        var afterRejection = await federation.PublishedRegisterAsync();
        Assert.Equal(2, afterRejection.Serial); // a rejection publishes nothing
        Assert.Equal("Nimbus Mail SA", Assert.Single(afterRejection.ServiceProviders).Name);

        var (twice, conflict) = await officer.SendJsonAsync(HttpMethod.Post, $"/api/v1/directory/notifications/{secondId}/approve");
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("directory.already-reviewed", conflict.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Notifications_Refused_WithProblemDocuments()
    {
        await using var federation = await DirectoryFederation.StartAsync();
        using var admin = await federation.State.AdminAsync();
        using var officer = await federation.Secretariat.OfficerAsync();
        await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/directory/own/designations", DirectoryBodies.CentralAuthority());
        var (_, first) = await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/directory/own/submit");
        await officer.SendJsonAsync(HttpMethod.Post, $"/api/v1/directory/notifications/{first.GetProperty("submission").GetProperty("id").GetGuid()}/approve");

        using var anonymous = federation.Secretariat.CreateClient();
        Assert.Contains((await federation.PublishedRegisterAsync()).Nodes, n => n.State == "XA");
        using var intruder = new StrangerKey(DirectoryFederation.Now.AddDays(-1));
        var xaKeys = await federation.State.PublicKeysAsync(Ct);
        byte[] Payload(string state, IReadOnlyList<RegisterKeyV1> keys) => JsonSerializer.SerializeToUtf8Bytes(Notification(state, keys), Web);
        Task<string> SignByXa(byte[] payload, string typ) => federation.State.SignJwsAsync(payload, typ, Ct);

        // Bad signature: a valid JWS by XA's node key whose payload was altered afterwards.
        var genuine = await SignByXa(Payload("XA", xaKeys), DirectoryNotificationV1.MediaType);
        var tampered = Tamper(genuine);
        await AssertRefusedAsync(anonymous, tampered, HttpStatusCode.Unauthorized, "directory.bad-signature");

        // Unknown key: XA is in the Register, and this key is not one of its node's keys.
        await AssertRefusedAsync(anonymous, intruder.Sign(Payload("XA", [intruder.PublicKey]), DirectoryNotificationV1.MediaType), HttpStatusCode.Unauthorized, "directory.unknown-key");

        // A State can only notify its own entries: XB's notification signed by XA's node.
        var forXb = await SignByXa(Payload("XB", xaKeys), DirectoryNotificationV1.MediaType);
        var problem = await AssertRefusedAsync(anonymous, forXb, HttpStatusCode.Forbidden, "directory.state-mismatch");
        Assert.Contains("a State can only notify its own entries", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Malformed: not JSON, not a JWS, wrong typ.
        await AssertRefusedAsync(anonymous, "this is not a JWS", HttpStatusCode.BadRequest, "directory.notification-malformed");
        await AssertRefusedAsync(anonymous, "{\"payload\":\"e30\"}", HttpStatusCode.BadRequest, "directory.notification-malformed");
        await AssertRefusedAsync(anonymous, await SignByXa(Payload("XA", xaKeys), "comity-register+json"), HttpStatusCode.BadRequest, "directory.notification-malformed");

        // Too large: more than 256 KiB.
        await AssertRefusedAsync(anonymous, new string('x', 300 * 1024), HttpStatusCode.RequestEntityTooLarge, "directory.notification-too-large");

        // Invalid content, validly signed: every field named.
        var badContent = Notification("XA", xaKeys) with { Designations = [Designation("XA") with { Languages = ["english"], TimeZone = "Paris" }] };
        var invalid = await AssertRefusedAsync(anonymous, await SignByXa(JsonSerializer.SerializeToUtf8Bytes(badContent, Web), DirectoryNotificationV1.MediaType), HttpStatusCode.BadRequest, "directory.bad-language");
        var fields = invalid.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains("designations[0].languages[0]", fields);
        Assert.Contains("designations[0].timeZone", fields);

        // Nothing refused was stored.
        var (_, queue) = await officer.SendJsonAsync(HttpMethod.Get, "/api/v1/directory/notifications");
        Assert.Single(queue.EnumerateArray());
    }

    [Fact]
    public async Task FirstRegistration_KeyNotCarried_OrKidNotItsThumbprint_IsRefused()
    {
        await using var federation = await DirectoryFederation.StartAsync();
        using var anonymous = federation.Secretariat.CreateClient();
        using var keys = new StrangerKey(DirectoryFederation.Now);
        using var other = new StrangerKey(DirectoryFederation.Now);
        var withoutKey = Notification("XC", [keys.PublicKey]) with { Node = new DirectoryNotificationNodeV1(new Uri("https://node.xc.example/"), "XC", [other.PublicKey]) };

        await AssertRefusedAsync(anonymous, keys.Sign(JsonSerializer.SerializeToUtf8Bytes(withoutKey, Web), DirectoryNotificationV1.MediaType), HttpStatusCode.Unauthorized, "directory.unknown-key");
        var lying = Notification("XC", [keys.PublicKey]) with { Node = new DirectoryNotificationNodeV1(new Uri("https://node.xc.example/"), "XC", [keys.PublicKey with { Kid = "not-the-thumbprint" }]) };
        await AssertRefusedAsync(anonymous, keys.SignAs("not-the-thumbprint", JsonSerializer.SerializeToUtf8Bytes(lying, Web), DirectoryNotificationV1.MediaType), HttpStatusCode.Unauthorized, "directory.unknown-key");
    }

    [Fact]
    public async Task Authorization_OwnEntriesOnly_OfficersOnlyApprove()
    {
        await using var federation = await DirectoryFederation.StartAsync();
        using var admin = await federation.State.AdminAsync();
        using var duty = await federation.State.CreateClientForAsync("duty", Roles.DutyOfficer);
        using var secretariatAdmin = await federation.Secretariat.CreateClientForAsync("sec-admin", Roles.NodeAdmin);

        var (forbidden, problem) = await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/directory/own/designations", DirectoryBodies.CentralAuthority(state: "XB"));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("directory.not-own-state", problem.GetProperty("code").GetString());
        var (providerForbidden, _) = await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/directory/own/providers", DirectoryBodies.Provider(state: "XB"));
        Assert.Equal(HttpStatusCode.Forbidden, providerForbidden.StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await duty.SendJsonAsync(HttpMethod.Get, "/api/v1/directory/own")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await duty.SendJsonAsync(HttpMethod.Post, "/api/v1/directory/own/designations", DirectoryBodies.CentralAuthority())).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await duty.SendJsonAsync(HttpMethod.Post, "/api/v1/directory/own/submit")).Response.StatusCode);

        await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/directory/own/designations", DirectoryBodies.CentralAuthority());
        var (_, submitted) = await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/directory/own/submit");
        var id = submitted.GetProperty("submission").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await secretariatAdmin.SendJsonAsync(HttpMethod.Post, $"/api/v1/directory/notifications/{id}/approve")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/directory/notifications/{id}/approve")).Response.StatusCode);
        Assert.Equal(1, (await federation.PublishedRegisterAsync()).Serial); // only the start-up publication
    }

    [Fact]
    public async Task Validation_NamesEveryField()
    {
        await using var federation = await DirectoryFederation.StartAsync();
        using var admin = await federation.State.AdminAsync();
        var (response, problem) = await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/directory/own/designations", new
        {
            office = "",
            role = "pointOfContact247",
            channels = new[] { new { kind = "phone", value = "0612" }, new { kind = "platform", value = "http://node.xa.example" } },
            languages = new[] { "en_GB" },
            timeZone = "Mars/Olympus",
            hours = Array.Empty<object>(),
            always = false,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("field").GetString(), e.GetProperty("code").GetString())).ToList();
        Assert.Contains(("office", "directory.text-required"), errors);
        Assert.Contains(("always", "directory.point-of-contact-not-247"), errors);
        Assert.Contains(("channels[0].value", "directory.bad-channel"), errors);
        Assert.Contains(("channels[1].value", "directory.bad-channel"), errors);
        Assert.Contains(("languages[0]", "directory.bad-language"), errors);
        Assert.Contains(("timeZone", "directory.unknown-time-zone"), errors);
    }

    internal static DirectoryNotificationV1 Notification(string state, IReadOnlyList<RegisterKeyV1> keys) => new(
        DirectoryNotificationV1.CurrentVersion,
        Guid.CreateVersion7(),
        state,
        DirectoryFederation.Now,
        new DirectoryNotificationNodeV1(new Uri($"https://node.{state.ToLowerInvariant()}.example/"), state, keys),
        [Designation(state)],
        []);

    internal static DesignationV1 Designation(string state) => new(
        Guid.CreateVersion7().ToString("D"), state, "Central authority", "centralAuthority", "Art. 40(13)",
        [new ContactChannelV1("email", "ca@justice.example")], ["en"], "Europe/Paris",
        [new OfficeHoursV1([1, 2, 3, 4, 5], new TimeOnly(9, 0), new TimeOnly(17, 0))], false, []);

    private static string Tamper(string jws)
    {
        using var document = JsonDocument.Parse(jws);
        var root = document.RootElement;
        var payload = Encoding.UTF8.GetString(Base64Url.Decode(root.GetProperty("payload").GetString()!)).Replace("Central authority", "Central authorit¥", StringComparison.Ordinal);
        return JsonSerializer.Serialize(new JwsFlattenedJson(root.GetProperty("protected").GetString()!, Base64Url.Encode(Encoding.UTF8.GetBytes(payload)), root.GetProperty("signature").GetString()!));
    }

    private static async Task<JsonElement> AssertRefusedAsync(HttpClient client, string body, HttpStatusCode status, string code)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/jose+json");
        using var response = await client.PostAsync("/federation/v1/notifications", content, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == response.StatusCode, $"Expected {status}, got {response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }
}
