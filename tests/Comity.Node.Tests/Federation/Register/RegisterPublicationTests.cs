using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Comity.Node.Federation.Keys;
using Comity.Node.Federation.Register;
using Comity.Node.Kernel;
using Comity.Node.Identity;
using Comity.Node.Storage;
using Comity.Node.Tests.Features.Treaty;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;
using Comity.Testing.Databases;
using Comity.Testing.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comity.Node.Tests.Federation.Register;

public sealed class RegisterPublicationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FirstStart_PublishesSerialOne_ListingTheSecretariatWithItsKeysAndTheParticipants()
    {
        await using var node = await StartSecretariatAsync();
        using var client = node.CreateClient();

        var (jws, register) = await FetchAsync(client, node);

        Assert.Equal(1, register.Serial);
        Assert.Equal(node.Time.GetUtcNow(), register.IssuedAt);
        Assert.Equal(register.IssuedAt.AddHours(24), register.NextUpdate);
        var un = Assert.Single(register.Nodes);
        Assert.Equal("UN", un.State);
        Assert.Equal(new Uri("https://un.example.test/"), un.Endpoint);
        Assert.Equal(["enc", "sig"], un.Keys.Select(k => k.Use).Order(StringComparer.Ordinal));
        Assert.NotEmpty(register.Participants);
        Assert.All(register.Participants, p => Assert.NotNull(p.SignedOn ?? p.ConsentDeposited));
        Assert.Contains(register.Participants, p => p.Code == "DZ" && p.Name == "Algeria" && p.Kind == "memberState");
        Assert.Empty(register.Designations);
        Assert.Empty(register.ServiceProviders);

        var header = JsonSerializer.Deserialize<JwsHeader>(Base64Url.Decode(JsonSerializer.Deserialize<JwsFlattenedJson>(jws)!.Protected))!;
        Assert.Equal("EdDSA", header.Alg);
        Assert.Equal(RegisterV1.MediaType, header.Typ);
        Assert.Equal(un.Keys.Single(k => k.Use == "sig").Kid, header.Kid);
    }

    [Fact]
    public async Task KeyEndpoint_ServesTheSigningKeyAsAnEd25519Jwk_ThatVerifiesTheRegister()
    {
        await using var node = await StartSecretariatAsync();
        using var client = node.CreateClient();

        using var response = await client.GetAsync("/federation/v1/register/key", Ct);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        var jwk = JsonSerializer.Deserialize<Jwk>(body.GetRawText())!;
        var (jws, _) = await FetchAsync(client, node);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["alg", "crv", "kid", "kty", "use", "x"], body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("OKP", jwk.Kty);
        Assert.Equal("Ed25519", jwk.Crv);
        Assert.Equal("sig", jwk.Use);
        Assert.Equal("EdDSA", jwk.Alg);
        Assert.Equal(32, Base64Url.Decode(jwk.X).Length);
        Assert.Equal(JwkKeys.Thumbprint(jwk), jwk.Kid);
        Assert.True(JwsFlattened.Verify(jws, jwk).IsValid);
    }

    [Fact]
    public async Task Register_HasStrongETag_IfNoneMatchAnswers304_UntilTheNextPublication()
    {
        await using var node = await StartSecretariatAsync();
        using var client = node.CreateClient();
        using var officer = await node.CreateClientForAsync("officer", Roles.SecretariatOfficer);

        using var first = await client.GetAsync("/federation/v1/register", Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("\"serial-1\"", first.Headers.ETag?.ToString());
        Assert.False(first.Headers.ETag!.IsWeak);
        Assert.True(first.Headers.CacheControl?.NoCache);
        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/federation/v1/register");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag);
        using var notModified = await client.SendAsync(again, Ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(Ct));

        var (published, body) = await officer.PostJsonAsync("/api/v1/register/publish", new { });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(2, body.GetProperty("serial").GetInt64());

        using var afterPublication = new HttpRequestMessage(HttpMethod.Get, "/federation/v1/register");
        afterPublication.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"serial-1\""));
        using var changed = await client.SendAsync(afterPublication, Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("\"serial-2\"", changed.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task StateNode_DoesNotServeTheRegisterOrTheKey()
    {
        await using var node = await TestNode.StartAsync(cancellationToken: Ct);
        using var client = node.CreateClient();

        foreach (var path in new[] { "/federation/v1/register", "/federation/v1/register/key" })
        {
            using var response = await client.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
            Assert.Equal("register.not-secretariat", problem.GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task RecordingAnInstrument_PublishesANewRegisterWithIt()
    {
        await using var node = await StartSecretariatAsync();
        using var officer = await node.CreateClientForAsync("officer", Roles.SecretariatOfficer);
        using var client = node.CreateClient();
        var (_, before) = await FetchAsync(client, node);
        Assert.DoesNotContain(before.Participants, p => p.Code == "IS");

        var (recorded, _) = await officer.RecordAsync("IS", "signature", "2026-01-15");
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);

        var (_, after) = await FetchAsync(client, node);
        Assert.Equal(before.Serial + 1, after.Serial);
        var iceland = Assert.Single(after.Participants, p => p.Code == "IS");
        Assert.Equal(new DateOnly(2026, 1, 15), iceland.SignedOn);
    }

    [Fact]
    public async Task Publisher_ListsTheApprovedDirectory_ButTheSecretariatEntryAlwaysFromItsOwnKeys()
    {
        var xb = new RegisterNodeV1("XB", "State B", new Uri("https://xb.example.test/"), []);
        var forgedUn = new RegisterNodeV1("UN", "Not the Secretariat", new Uri("https://evil.example.test/"), []);
        var designation = new DesignationV1("d1", "XB", "Central Authority", "centralAuthority", "Art. 40(13)", [new ContactChannelV1("email", "ca@xb.example.test")], ["en"], "Europe/Paris", [], false, []);
        await using var node = await StartSecretariatAsync(services => services.AddScoped<IRegisterDirectorySource>(_ => new FakeDirectory(new RegisterDirectoryContent([xb, forgedUn], [designation], []))));
        using var client = node.CreateClient();

        var (_, register) = await FetchAsync(client, node);

        Assert.Equal(["UN", "XB"], register.Nodes.Select(n => n.State));
        Assert.Equal(new Uri("https://un.example.test/"), register.Nodes[0].Endpoint);
        Assert.Equal("d1", Assert.Single(register.Designations).Id);
    }

    public static TheoryData<DatabaseProvider> Providers => DatabaseProviders.All;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ConcurrentPublications_GetDistinctConsecutiveSerials(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Ct);
        await using var node = await TestNode.StartAsync(new TestNodeOptions
        {
            Role = NodeRole.Secretariat,
            StateCode = null,
            Provider = provider,
            ConnectionString = database.ConnectionString,
        }, Ct);
        const int Publishers = 8;

        var serials = await Task.WhenAll(Enumerable.Range(0, Publishers).Select(async _ =>
        {
            await using var scope = node.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IRegisterPublisher>().PublishAsync(Ct);
        }));

        Assert.Equal(Enumerable.Range(2, Publishers).Select(i => (long)i), serials.Order());
        await using var check = node.Services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<ComityDbContext>().Set<RegisterPublication>().AsNoTracking().ToListAsync(Ct);
        Assert.Equal(Enumerable.Range(1, Publishers + 1).Select(i => (long)i), stored.Select(p => p.Serial).Order());

        // Each stored document carries its own serial, signed.
        var key = JsonSerializer.Deserialize<Jwk>(await node.CreateClient().GetStringAsync("/federation/v1/register/key", Ct))!;
        foreach (var publication in stored)
        {
            var verified = Comity.Protocol.V1.RegisterJson.Deserialize(JwsFlattened.Verify(publication.Jws, key).Payload!);
            Assert.Equal(publication.Serial, verified.Serial);
        }
    }

    [Fact]
    public async Task Worker_RepublishesWhenHalfTheValidityHasPassed()
    {
        await using var node = await StartSecretariatAsync();
        var worker = node.Services.GetRequiredService<RegisterPublicationWorker>();

        Assert.Null(await worker.RepublishIfDueAsync(Ct));
        node.Time.Advance(TimeSpan.FromHours(11));
        Assert.Null(await worker.RepublishIfDueAsync(Ct));
        node.Time.Advance(TimeSpan.FromHours(1));
        var serial = await worker.RepublishIfDueAsync(Ct);

        // The worker's own timer may have published at the same tick; either way a newer Register exists.
        Assert.True(serial >= 2 || await LatestSerialAsync(node) >= 2);
        var (_, register) = await FetchAsync(node.CreateClient(), node);
        Assert.Equal(node.Time.GetUtcNow(), register.IssuedAt);
    }

    [Fact]
    public async Task PublishingFailsRightAfterAChange_TheChangeIsStoredAndAnswered_AndTheWorkerPublishesIt()
    {
        var directory = new SwitchableDirectory();
        await using var node = await StartSecretariatAsync(services => services.AddSingleton(directory).AddScoped<IRegisterDirectorySource>(sp => sp.GetRequiredService<SwitchableDirectory>()));
        using var officer = await node.CreateClientForAsync("officer", Roles.SecretariatOfficer);
        using var client = node.CreateClient();
        var (_, before) = await FetchAsync(client, node);

        // The directory cannot be read when the instrument is recorded, so the Register cannot be built.
        directory.Failing = true;
        var (recorded, body) = await officer.RecordAsync("IS", "signature", "2026-01-15");
        Assert.True(recorded.StatusCode == HttpStatusCode.Created, body.ToString());
        Assert.Equal(before.Serial, (await FetchAsync(client, node)).Register.Serial);
        var marks = await DueAsync(node);
        Assert.Equal(["treaty.instrument-recorded"], marks.Select(m => m.Reason));

        // While it still fails, the worker leaves the mark in place.
        var worker = node.Services.GetRequiredService<RegisterPublicationWorker>();
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => worker.RepublishIfDueAsync(Ct));
        Assert.Single(await DueAsync(node));

        // Once it works, the worker publishes the change and clears the mark.
        directory.Failing = false;
        var serial = await worker.RepublishIfDueAsync(Ct);
        Assert.Equal(before.Serial + 1, serial);
        var (_, after) = await FetchAsync(client, node);
        Assert.Equal(serial, after.Serial);
        Assert.Equal(new DateOnly(2026, 1, 15), Assert.Single(after.Participants, p => p.Code == "IS").SignedOn);
        Assert.Empty(await DueAsync(node));
        Assert.Null(await worker.RepublishIfDueAsync(Ct));
    }

    [Fact]
    public async Task RecordingAnInstrument_PublishesAtOnce_AndLeavesNoMark()
    {
        await using var node = await StartSecretariatAsync();
        using var officer = await node.CreateClientForAsync("officer", Roles.SecretariatOfficer);

        var (recorded, _) = await officer.RecordAsync("IS", "signature", "2026-01-15");

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        Assert.Equal(2, await LatestSerialAsync(node));
        Assert.Empty(await DueAsync(node));
    }

    private static async Task<List<RegisterPublicationDue>> DueAsync(TestNode node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ComityDbContext>().Set<RegisterPublicationDue>().AsNoTracking().ToListAsync(Ct);
    }

    internal static Task<TestNode> StartSecretariatAsync(Action<IServiceCollection>? services = null, bool kestrel = false) =>
        TestNode.StartAsync(new TestNodeOptions
        {
            Role = NodeRole.Secretariat,
            StateCode = null,
            Kestrel = kestrel,
            Services = services,
            Settings = kestrel ? new Dictionary<string, string?>() : new Dictionary<string, string?> { ["Comity:Federation:PublicUrl"] = "https://un.example.test/" },
        }, Ct);

    internal static async Task<(string Jws, RegisterV1 Register)> FetchAsync(HttpClient client, TestNode node)
    {
        var jws = await client.GetStringAsync("/federation/v1/register", Ct);
        await using var scope = node.Services.CreateAsyncScope();
        var key = NodeKeyStore.ToJwk((await scope.ServiceProvider.GetRequiredService<NodeKeyStore>().RegisterSigningKeyAsync(Ct))!);
        var verified = JwsFlattened.Verify(jws, key);
        Assert.True(verified.IsValid, verified.Reason);
        return (jws, Comity.Protocol.V1.RegisterJson.Deserialize(verified.Payload!));
    }

    private static async Task<long> LatestSerialAsync(TestNode node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ComityDbContext>().Set<RegisterPublication>().MaxAsync(p => p.Serial, Ct);
    }

    private sealed class FakeDirectory(RegisterDirectoryContent content) : IRegisterDirectorySource
    {
        public Task<RegisterDirectoryContent> GetAsync(CancellationToken cancellationToken) => Task.FromResult(content);
    }

    /// <summary>An empty directory that fails to be read while <see cref="Failing"/> is set.</summary>
    private sealed class SwitchableDirectory : IRegisterDirectorySource
    {
        private volatile bool failing;

        public bool Failing
        {
            get => failing;
            set => failing = value;
        }

        public Task<RegisterDirectoryContent> GetAsync(CancellationToken cancellationToken) => failing
            ? throw new InvalidOperationException("The directory cannot be read (test).")
            : Task.FromResult(new RegisterDirectoryContent([], [], []));
    }
}
