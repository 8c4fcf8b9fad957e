using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Comity.Node.Federation.Register;
using Comity.Node.Kernel;
using Comity.Node.Identity;
using Comity.Node.Tests.Features.Treaty;
using Comity.Node.Tests.Features.Register;
using Comity.Testing.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Comity.Node.Tests.Federation.Register;

/// <summary>State nodes fetch, verify and keep the Register; every bad document is refused and the last good one kept.</summary>
public sealed class RegisterSyncTests
{
    private static readonly DateTimeOffset Start = new TestNodeOptions().Now;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StateNode_SyncsFromARealSecretariat_AndFollowsItsNextPublication()
    {
        await using var secretariat = await RegisterPublicationTests.StartSecretariatAsync(kestrel: true);
        using var anonymous = secretariat.CreateClient();
        var key = await anonymous.GetStringAsync("/federation/v1/register/key", Ct);
        await using var state = await TestNode.StartAsync(new TestNodeOptions
        {
            Settings = new Dictionary<string, string?>
            {
                ["Comity:Federation:SecretariatUrl"] = secretariat.BaseAddress.ToString(),
                ["Comity:Federation:SecretariatKey"] = key,
            },
        }, Ct);
        using var admin = await state.CreateClientForAsync("admin", Roles.NodeAdmin);
        using var officer = await secretariat.CreateClientForAsync("officer", Roles.SecretariatOfficer);

        var status = await RefreshAsync(admin);
        Assert.Equal(1, status.GetProperty("serial").GetInt64());
        Assert.Equal("current", status.GetProperty("freshness").GetString());
        Assert.False(status.GetProperty("lastAttemptRefused").GetBoolean());

        Assert.Equal(1, (await CurrentAsync(state))!.Register.Serial);

        var (published, _) = await officer.PostJsonAsync("/api/v1/register/publish", new { });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        status = await RefreshAsync(admin);
        Assert.Equal(2, status.GetProperty("serial").GetInt64());

        // Published after the Secretariat started listening: its real loopback address is the endpoint.
        Assert.Equal(secretariat.BaseAddress, (await CurrentAsync(state))!.Register.Nodes.Single(n => n.State == "UN").Endpoint);

        // Nothing new: the conditional GET answers 304 and the node keeps serial 2.
        Assert.Equal(RegisterPollOutcome.Unchanged, await state.Services.GetRequiredService<RegisterSync>().PollOnceAsync(Ct));
        Assert.Equal("Register serial 2, verified, issued at November 2, 2026 09:00 UTC", await RegisterStatusBarTests.StatusBarAsync(state));
    }

    [Fact]
    public async Task RegisterIssuedInTheSecondItsKeyWasCreated_Verifies()
    {
        // Regression: issuedAt is truncated to the second; a key created later in that second made it look issued before the key existed.
        var now = new DateTimeOffset(2026, 11, 2, 9, 0, 0, 750, TimeSpan.Zero);
        await using var secretariat = await TestNode.StartAsync(new TestNodeOptions { Role = NodeRole.Secretariat, StateCode = null, Kestrel = true, Now = now }, Ct);
        var key = await secretariat.CreateClient().GetStringAsync("/federation/v1/register/key", Ct);
        await using var state = await TestNode.StartAsync(new TestNodeOptions
        {
            Now = now,
            Settings = new Dictionary<string, string?>
            {
                ["Comity:Federation:SecretariatUrl"] = secretariat.BaseAddress.ToString(),
                ["Comity:Federation:SecretariatKey"] = key,
            },
        }, Ct);
        using var admin = await state.CreateClientForAsync("admin", Roles.NodeAdmin);

        var status = await RefreshAsync(admin);

        Assert.Equal(1, status.GetProperty("serial").GetInt64());
        Assert.False(status.GetProperty("lastAttemptRefused").GetBoolean());
    }

    [Fact]
    public async Task SecretariatKeyRotation_StateNodeFollowsThroughTheKeyListedInTheRegisterItHolds()
    {
        await using var secretariat = await RegisterPublicationTests.StartSecretariatAsync(kestrel: true);
        var key = await secretariat.CreateClient().GetStringAsync("/federation/v1/register/key", Ct);
        await using var state = await StartStateAsync(new Dictionary<string, string?>
        {
            ["Comity:Federation:SecretariatUrl"] = secretariat.BaseAddress.ToString(),
            ["Comity:Federation:SecretariatKey"] = key,
        });
        using var admin = await state.CreateClientForAsync("admin", Roles.NodeAdmin);
        using var secretariatAdmin = await secretariat.CreateClientForAsync("admin", Roles.NodeAdmin, Roles.SecretariatOfficer);
        Assert.Equal(1, (await RefreshAsync(admin)).GetProperty("serial").GetInt64());

        var (rotated, keys) = await secretariatAdmin.PostJsonAsync("/api/v1/keys/rotate", new { overlapDays = 7 });
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var oldKid = JsonSerializer.Deserialize<Protocol.V1.Jwk>(key)!.Kid;
        var newKid = keys.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("use").GetString() == "sig" && k.GetProperty("status").GetString() == "current").GetProperty("kid").GetString();

        // During the overlap the Register is still signed with the old key and lists the new one …
        await secretariatAdmin.PostJsonAsync("/api/v1/register/publish", new { });
        Assert.Equal(2, (await RefreshAsync(admin)).GetProperty("serial").GetInt64());
        var during = (await CurrentAsync(state))!;
        Assert.Equal(oldKid, KidOf(during.Jws));
        Assert.Contains(during.Register.Nodes.Single(n => n.State == "UN").Keys, k => k.Kid == newKid);

        // … after it, signed with the new key, which the State node trusts because the Register it holds lists it.
        secretariat.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        state.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var (published, body) = await secretariatAdmin.PostJsonAsync("/api/v1/register/publish", new { });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var status = await RefreshAsync(admin);

        Assert.Equal(body.GetProperty("serial").GetInt64(), status.GetProperty("serial").GetInt64());
        Assert.False(status.GetProperty("lastAttemptRefused").GetBoolean());
        var after = (await CurrentAsync(state))!;
        Assert.Equal(newKid, KidOf(after.Jws));
        Assert.DoesNotContain(after.Register.Nodes.Single(n => n.State == "UN").Keys, k => k.Kid == oldKid);
    }

    private static string KidOf(string jws) =>
        JsonSerializer.Deserialize<Protocol.Jose.JwsHeader>(Protocol.Jose.Base64Url.Decode(JsonSerializer.Deserialize<Protocol.Jose.JwsFlattenedJson>(jws)!.Protected))!.Kid;

    [Fact]
    public async Task TamperedRegister_IsRefused_LastGoodOneKept_AndAlerted()
    {
        await using var fake = await FakeSecretariat.StartAsync();
        await using var state = await StartStateAsync(fake.StateSettings());
        using var admin = await state.CreateClientForAsync("admin", Roles.NodeAdmin);
        using var refusals = new RefusalCounter(state);
        var good = fake.Sign(fake.Register(5, Start));
        fake.Document = good;
        Assert.Equal(5, (await RefreshAsync(admin)).GetProperty("serial").GetInt64());

        fake.Document = FakeSecretariat.Tamper(fake.Sign(fake.Register(6, Start)), r => r with { Participants = [] });
        var status = await RefreshAsync(admin);

        Assert.Equal(5, status.GetProperty("serial").GetInt64());
        Assert.True(status.GetProperty("lastAttemptRefused").GetBoolean());
        var refusal = status.GetProperty("lastRefusal");
        Assert.Equal("register.bad-signature", refusal.GetProperty("code").GetString());
        Assert.Equal(Start, refusal.GetProperty("at").GetDateTimeOffset());
        Assert.Contains("altered", refusal.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("register.bad-signature", refusals.Codes);
        Assert.Equal(5, (await CurrentAsync(state))!.Register.Serial);
        Assert.Equal(good, (await CurrentAsync(state))!.Jws);

        var bar = await RegisterStatusBarTests.StatusBarDocumentAsync(state);
        Assert.Equal("Register serial 5, verified, issued at November 2, 2026 09:00 UTC", bar.Status);
        Assert.Equal("Refused Register update refused at November 2, 2026 09:00 UTC: the signature does not verify (altered document)", bar.Refused);

        // A later good Register clears the alert from the status bar; the refusal stays in the status API.
        fake.Document = fake.Sign(fake.Register(6, Start));
        status = await RefreshAsync(admin);
        Assert.Equal(6, status.GetProperty("serial").GetInt64());
        Assert.False(status.GetProperty("lastAttemptRefused").GetBoolean());
        Assert.Equal("register.bad-signature", status.GetProperty("lastRefusal").GetProperty("code").GetString());
        Assert.Null((await RegisterStatusBarTests.StatusBarDocumentAsync(state)).Refused);
    }

    [Fact]
    public async Task LowerSerial_IsRefusedAsRollback()
    {
        await using var fake = await FakeSecretariat.StartAsync();
        await using var state = await StartStateAsync(fake.StateSettings());
        using var admin = await state.CreateClientForAsync("admin", Roles.NodeAdmin);
        fake.Document = fake.Sign(fake.Register(7, Start));
        await RefreshAsync(admin);

        fake.Document = fake.Sign(fake.Register(6, Start.AddMinutes(1)));
        var status = await RefreshAsync(admin);

        Assert.Equal(7, status.GetProperty("serial").GetInt64());
        Assert.Equal("register.rollback", status.GetProperty("lastRefusal").GetProperty("code").GetString());
        Assert.Contains("lower than serial 7", status.GetProperty("lastRefusal").GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameSerialWithOtherContent_IsRefused()
    {
        await using var fake = await FakeSecretariat.StartAsync();
        await using var state = await StartStateAsync(fake.StateSettings());
        using var admin = await state.CreateClientForAsync("admin", Roles.NodeAdmin);
        fake.Document = fake.Sign(fake.Register(3, Start));
        await RefreshAsync(admin);

        fake.Document = fake.Sign(fake.Register(3, Start) with { Participants = [] });
        var status = await RefreshAsync(admin);

        Assert.Equal("register.serial-reused", status.GetProperty("lastRefusal").GetProperty("code").GetString());
        Assert.NotEmpty((await CurrentAsync(state))!.Register.Participants);
    }

    [Fact]
    public async Task RegisterSignedWithAnotherKey_IsRefusedAsWrongKey_EvenWhenItListsThatKey()
    {
        await using var fake = await FakeSecretariat.StartAsync();
        await using var state = await StartStateAsync(fake.StateSettings());
        using var admin = await state.CreateClientForAsync("admin", Roles.NodeAdmin);
        using var impostor = FakeSecretariat.NewKey();

        fake.Document = fake.Sign(fake.Register(1, Start, listed: impostor), impostor);
        var status = await RefreshAsync(admin);

        Assert.Equal(JsonValueKind.Null, status.GetProperty("serial").ValueKind);
        Assert.Equal("none", status.GetProperty("freshness").GetString());
        Assert.Equal("register.wrong-key", status.GetProperty("lastRefusal").GetProperty("code").GetString());
        Assert.Null(await CurrentAsync(state));
        Assert.StartsWith("Register: not yet available", (await RegisterStatusBarTests.StatusBarDocumentAsync(state)).Status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongTypeMalformedAndFutureRegisters_AreRefusedWithTheirReason()
    {
        await using var fake = await FakeSecretariat.StartAsync();
        await using var state = await StartStateAsync(fake.StateSettings());
        using var admin = await state.CreateClientForAsync("admin", Roles.NodeAdmin);

        fake.Document = fake.Sign(fake.Register(1, Start), typ: "JWT");
        Assert.Equal("register.wrong-type", (await RefreshAsync(admin)).GetProperty("lastRefusal").GetProperty("code").GetString());

        fake.Document = "<html>maintenance</html>";
        Assert.Equal("register.malformed", (await RefreshAsync(admin)).GetProperty("lastRefusal").GetProperty("code").GetString());

        fake.Document = fake.Sign(fake.Register(1, Start.AddHours(1)));
        Assert.Equal("register.issued-in-future", (await RefreshAsync(admin)).GetProperty("lastRefusal").GetProperty("code").GetString());

        fake.Document = fake.Sign(fake.Register(1, Start, listed: FakeSecretariat.NewKey()));
        Assert.Equal("register.key-not-listed", (await RefreshAsync(admin)).GetProperty("lastRefusal").GetProperty("code").GetString());

        Assert.Null(await CurrentAsync(state));
    }

    [Fact]
    public async Task RegisterPastNextUpdatePlusGrace_IsShownStale_AndStillUsed()
    {
        await using var fake = await FakeSecretariat.StartAsync();
        await using var state = await StartStateAsync(fake.StateSettings());
        using var admin = await state.CreateClientForAsync("admin", Roles.NodeAdmin);
        fake.Document = fake.Sign(fake.Register(4, Start));
        await RefreshAsync(admin);

        state.Time.Advance(TimeSpan.FromHours(25));
        var justInGrace = await RefreshAsync(admin);
        state.Time.Advance(TimeSpan.FromSeconds(1));
        var stale = await RefreshAsync(admin);

        Assert.Equal("current", justInGrace.GetProperty("freshness").GetString());
        Assert.Equal("stale", stale.GetProperty("freshness").GetString());
        Assert.Equal(4, stale.GetProperty("serial").GetInt64());
        Assert.False(stale.GetProperty("lastAttemptRefused").GetBoolean());
        Assert.Equal(RegisterFreshness.Stale, (await CurrentAsync(state))!.Freshness);
        var bar = await RegisterStatusBarTests.StatusBarDocumentAsync(state);
        Assert.Equal("Register serial 4, verified, issued at November 2, 2026 09:00 UTC Stale next update was due at November 3, 2026 09:00 UTC", bar.Status);
        Assert.True(bar.StaleChip);
    }

    [Fact]
    public async Task RegisterSignedWithAnExpiredSecretariatKey_IsRefused()
    {
        await using var fake = await FakeSecretariat.StartAsync();
        await using var state = await StartStateAsync(fake.StateSettings());
        using var admin = await state.CreateClientForAsync("admin", Roles.NodeAdmin);
        fake.Document = fake.Sign(fake.Register(1, Start, keyNotAfter: Start.AddHours(2)));
        Assert.Equal(1, (await RefreshAsync(admin)).GetProperty("serial").GetInt64());

        state.Time.Advance(TimeSpan.FromHours(3));
        fake.Document = fake.Sign(fake.Register(2, Start.AddHours(3), keyNotAfter: Start.AddHours(2)));
        var status = await RefreshAsync(admin);

        Assert.Equal(1, status.GetProperty("serial").GetInt64());
        Assert.Equal("register.key-expired", status.GetProperty("lastRefusal").GetProperty("code").GetString());
    }

    [Fact]
    public async Task UnreachableSecretariat_IsNotARefusal_TheHeldRegisterIsKept()
    {
        await using var fake = await FakeSecretariat.StartAsync();
        await using var state = await StartStateAsync(fake.StateSettings());
        using var admin = await state.CreateClientForAsync("admin", Roles.NodeAdmin);
        fake.Document = fake.Sign(fake.Register(2, Start));
        await RefreshAsync(admin);

        fake.Document = null;
        var status = await RefreshAsync(admin);

        Assert.Equal(2, status.GetProperty("serial").GetInt64());
        Assert.False(status.GetProperty("lastAttemptRefused").GetBoolean());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("lastRefusal").ValueKind);
        Assert.Contains("404", status.GetProperty("lastFetchError").GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "not an Ed25519 public key as a JWK")]
    [InlineData("{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}", "Ed25519")]
    [InlineData(null, "SecretariatKey (or SecretariatKeyFile) is required")]
    public async Task BadFederationSettings_StopTheNodeAtStartWithAClearMessage(string? key, string expected)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestNode.StartAsync(new TestNodeOptions
        {
            Settings = new Dictionary<string, string?>
            {
                ["Comity:Federation:SecretariatUrl"] = "https://un.example.test/",
                ["Comity:Federation:SecretariatKey"] = key,
            },
        }, Ct));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static Task<TestNode> StartStateAsync(IReadOnlyDictionary<string, string?> settings) =>
        TestNode.StartAsync(new TestNodeOptions { Settings = settings }, Ct);

    private static async Task<JsonElement> RefreshAsync(HttpClient admin)
    {
        var (response, body) = await admin.PostJsonAsync("/api/v1/register/refresh", new { });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body;
    }

    private static async Task<RegisterSnapshot?> CurrentAsync(TestNode node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ICurrentRegister>().GetAsync(Ct);
    }

    /// <summary>Listens to <c>comity.register.refusals</c> on one node's meter.</summary>
    private sealed class RefusalCounter : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly object meter;

        public RefusalCounter(TestNode node)
        {
            meter = node.Services.GetRequiredService<ComityMetrics>();
            var factory = node.Services.GetRequiredService<IMeterFactory>();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "comity.register.refusals" && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "code")
                    {
                        lock (Codes)
                        {
                            Codes.Add((string)tag.Value!);
                        }
                    }
                }
            });
            listener.Start();
        }

        public List<string> Codes { get; } = [];

        public void Dispose()
        {
            GC.KeepAlive(meter);
            listener.Dispose();
        }
    }
}
