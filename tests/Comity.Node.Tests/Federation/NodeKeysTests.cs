using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comity.Node.Federation.Keys;
using Comity.Node.Kernel;
using Comity.Node.Identity;
using Comity.Node.Storage;
using Comity.Node.Tests.Features.Treaty;
using Comity.Protocol.Jose;
using Comity.Testing.Databases;
using Comity.Testing.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;

namespace Comity.Node.Tests.Federation;

public sealed class NodeKeysTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FirstStart_GeneratesOneSigningAndOneEncryptionKey_StableAcrossRestart()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, Ct);
        var folder = Path.Combine(Path.GetTempPath(), "comity-tests", "keys-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new TestNodeOptions { Provider = database.Provider, ConnectionString = database.ConnectionString, DataFolder = folder };
            List<NodeKey> first;
            string firstSignature;
            await using (var node = await TestNode.StartAsync(options, Ct))
            {
                first = await KeysAsync(node);
                firstSignature = await SignAsync(node, "hello"u8.ToArray());
            }

            await using var restarted = await TestNode.StartAsync(options, Ct);
            var second = await KeysAsync(restarted);

            Assert.Equal(2, first.Count);
            Assert.Equal(["enc", "sig"], first.Select(k => k.Use).Order(StringComparer.Ordinal));
            Assert.Equal(["Ed25519", "X25519"], first.Select(k => k.Algorithm).Order(StringComparer.Ordinal));
            Assert.Equal(first.Select(k => k.Kid).Order(StringComparer.Ordinal), second.Select(k => k.Kid).Order(StringComparer.Ordinal));

            // The restarted node can still decrypt its private key: it signs with the same key.
            var signing = first.Single(k => k.Use == "sig");
            Assert.True(JwsFlattened.Verify(await SignAsync(restarted, "hello"u8.ToArray()), NodeKeyStore.ToJwk(signing)).IsValid);
            Assert.True(JwsFlattened.Verify(firstSignature, NodeKeyStore.ToJwk(signing)).IsValid);
            Assert.All(first, k => Assert.Equal(k.Kid, JwkKeys.Thumbprint(NodeKeyStore.ToJwk(k))));
            Assert.All(first, k => Assert.Equal(options.Now.AddDays(365), k.NotAfter));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task PrivateKeys_AreStoredEncrypted_NeverInPlaintext()
    {
        await using var node = await TestNode.StartAsync(cancellationToken: Ct);
        var protector = node.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(NodeKeyStore.ProtectorPurpose);

        foreach (var key in await KeysAsync(node))
        {
            var raw = protector.Unprotect(key.ProtectedPrivateKey);
            Assert.Equal(32, raw.Length);

            // The decrypted bytes really are the private half of the stored public key …
            Algorithm algorithm = key.Use == "sig" ? SignatureAlgorithm.Ed25519 : KeyAgreementAlgorithm.X25519;
            using var imported = Key.Import(algorithm, raw, KeyBlobFormat.RawPrivateKey);
            Assert.Equal(key.PublicKey, imported.PublicKey.Export(KeyBlobFormat.RawPublicKey));

            // … and they appear nowhere in the stored column.
            Assert.False(Contains(key.ProtectedPrivateKey, raw), $"The {key.Use} private key is stored in plaintext.");
            Assert.True(key.ProtectedPrivateKey.Length > raw.Length + 16);
        }
    }

    [Fact]
    public async Task Rotate_PublishesOldAndNewKeysDuringOverlap_SignsWithNewKey()
    {
        await using var node = await TestNode.StartAsync(cancellationToken: Ct);
        using var admin = await node.CreateClientForAsync("admin", Roles.NodeAdmin);
        var before = await KeysAsync(node);
        var oldSigning = before.Single(k => k.Use == "sig");

        var (response, body) = await admin.PostJsonAsync("/api/v1/keys/rotate", new { overlapDays = 7 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("re-submit", body.GetProperty("next").GetString(), StringComparison.OrdinalIgnoreCase);
        var published = await PublicKeysAsync(node);
        Assert.Equal(4, published.Count);
        Assert.Equal(2, published.Count(k => k.Use == "sig"));
        var newSigning = (await KeysAsync(node)).Single(k => k.Use == "sig" && k.RetiredAt is null);
        Assert.NotEqual(oldSigning.Kid, newSigning.Kid);
        Assert.Equal(node.Time.GetUtcNow().AddDays(7), published.Single(k => k.Kid == oldSigning.Kid).NotAfter);

        var jws = await SignAsync(node, "after rotation"u8.ToArray());
        Assert.True(JwsFlattened.Verify(jws, NodeKeyStore.ToJwk(newSigning)).IsValid);
        Assert.Equal(JwsFailure.WrongKey, JwsFlattened.Verify(jws, NodeKeyStore.ToJwk(oldSigning)).Failure);

        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/v1/keys", Ct);
        Assert.Equal(["current", "current", "overlap", "overlap"], listed.EnumerateArray().Select(k => k.GetProperty("status").GetString()!).Order(StringComparer.Ordinal));

        // After the overlap only the new keys are published.
        node.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        var later = await PublicKeysAsync(node);
        Assert.Equal(2, later.Count);
        Assert.Contains(later, k => k.Kid == newSigning.Kid);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(91)]
    public async Task Rotate_WithOverlapOutOfRange_IsRefusedNamingTheField(int days)
    {
        await using var node = await TestNode.StartAsync(cancellationToken: Ct);
        using var admin = await node.CreateClientForAsync("admin", Roles.NodeAdmin);
        var before = await KeysAsync(node);

        var (response, body) = await admin.PostJsonAsync("/api/v1/keys/rotate", new { overlapDays = days });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("keys.overlap-out-of-range", body.GetProperty("code").GetString());
        Assert.Equal("overlapDays", body.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(before.Select(k => k.Kid), (await KeysAsync(node)).Select(k => k.Kid));
    }

    [Fact]
    public async Task KeyApi_OnlyNodeAdministrators_AndNeverShowsPrivateKeys()
    {
        await using var node = await TestNode.StartAsync(cancellationToken: Ct);
        using var admin = await node.CreateClientForAsync("admin", Roles.NodeAdmin);
        using var officer = await node.CreateClientForAsync("officer", Roles.DutyOfficer);
        using var anonymous = node.CreateClient();

        using var asOfficer = await officer.PostAsJsonAsync("/api/v1/keys/rotate", new { overlapDays = 1 }, Ct);
        using var listAsOfficer = await officer.GetAsync("/api/v1/keys", Ct);
        using var listAnonymous = await anonymous.GetAsync("/api/v1/keys", Ct);
        var text = await admin.GetStringAsync("/api/v1/keys", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, asOfficer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, listAsOfficer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, listAnonymous.StatusCode);
        var keys = JsonDocument.Parse(text).RootElement;
        Assert.Equal(2, keys.GetArrayLength());
        foreach (var key in keys.EnumerateArray())
        {
            Assert.Matches("^([0-9A-F]{2}:){31}[0-9A-F]{2}$", key.GetProperty("fingerprint").GetString());
            Assert.False(key.GetProperty("jwk").TryGetProperty("d", out _));
        }

        var protector = node.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(NodeKeyStore.ProtectorPurpose);
        foreach (var stored in await KeysAsync(node))
        {
            Assert.DoesNotContain(Base64Url.Encode(protector.Unprotect(stored.ProtectedPrivateKey)), text, StringComparison.Ordinal);
        }
    }

    internal static async Task<List<NodeKey>> KeysAsync(TestNode node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ComityDbContext>().Set<NodeKey>().AsNoTracking().ToListAsync(Ct);
    }

    private static async Task<IReadOnlyList<Protocol.V1.RegisterKeyV1>> PublicKeysAsync(TestNode node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<INodeKeys>().PublicKeysAsync(Ct);
    }

    private static async Task<string> SignAsync(TestNode node, byte[] payload)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<INodeKeys>().SignJwsAsync(payload, "test", Ct);
    }

    private static bool Contains(byte[] haystack, byte[] needle) =>
        haystack.AsSpan().IndexOf(needle) >= 0;
}
