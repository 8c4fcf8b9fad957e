using Comity.Node.Federation.Keys;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Comity.Protocol.Jose;
using Comity.Testing.Databases;
using Comity.Testing.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;

namespace Comity.Node.Tests.Federation.Keys;

/// <summary>The node's key store: keys generated once, kept encrypted, and used to sign.</summary>
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

    internal static async Task<List<NodeKey>> KeysAsync(TestNode node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ComityDbContext>().Set<NodeKey>().AsNoTracking().ToListAsync(Ct);
    }

    internal static async Task<IReadOnlyList<Protocol.V1.RegisterKeyV1>> PublicKeysAsync(TestNode node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<INodeKeys>().PublicKeysAsync(Ct);
    }

    internal static async Task<string> SignAsync(TestNode node, byte[] payload)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<INodeKeys>().SignJwsAsync(payload, "test", Ct);
    }

    private static bool Contains(byte[] haystack, byte[] needle) =>
        haystack.AsSpan().IndexOf(needle) >= 0;
}
