using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comity.Node.Federation.Keys;
using Comity.Node.Identity;
using Comity.Node.Tests.Features.Treaty;
using Comity.Node.Tests.Federation.Keys;
using Comity.Protocol.Jose;
using Comity.Testing.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Comity.Node.Tests.Features.Keys;

/// <summary>The key API: node administrators list and rotate the node's keys; private keys never leave the node.</summary>
public sealed class KeyEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rotate_PublishesOldAndNewKeysDuringOverlap_SignsWithNewKey()
    {
        await using var node = await TestNode.StartAsync(cancellationToken: Ct);
        using var admin = await node.CreateClientForAsync("admin", Roles.NodeAdmin);
        var before = await NodeKeysTests.KeysAsync(node);
        var oldSigning = before.Single(k => k.Use == "sig");

        var (response, body) = await admin.PostJsonAsync("/api/v1/keys/rotate", new { overlapDays = 7 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("re-submit", body.GetProperty("next").GetString(), StringComparison.OrdinalIgnoreCase);
        var published = await NodeKeysTests.PublicKeysAsync(node);
        Assert.Equal(4, published.Count);
        Assert.Equal(2, published.Count(k => k.Use == "sig"));
        var newSigning = (await NodeKeysTests.KeysAsync(node)).Single(k => k.Use == "sig" && k.RetiredAt is null);
        Assert.NotEqual(oldSigning.Kid, newSigning.Kid);
        Assert.Equal(node.Time.GetUtcNow().AddDays(7), published.Single(k => k.Kid == oldSigning.Kid).NotAfter);

        var jws = await NodeKeysTests.SignAsync(node, "after rotation"u8.ToArray());
        Assert.True(JwsFlattened.Verify(jws, NodeKeyStore.ToJwk(newSigning)).IsValid);
        Assert.Equal(JwsFailure.WrongKey, JwsFlattened.Verify(jws, NodeKeyStore.ToJwk(oldSigning)).Failure);

        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/v1/keys", Ct);
        Assert.Equal(["current", "current", "overlap", "overlap"], listed.EnumerateArray().Select(k => k.GetProperty("status").GetString()!).Order(StringComparer.Ordinal));

        // After the overlap only the new keys are published.
        node.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        var later = await NodeKeysTests.PublicKeysAsync(node);
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
        var before = await NodeKeysTests.KeysAsync(node);

        var (response, body) = await admin.PostJsonAsync("/api/v1/keys/rotate", new { overlapDays = days });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("keys.overlap-out-of-range", body.GetProperty("code").GetString());
        Assert.Equal("overlapDays", body.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(before.Select(k => k.Kid), (await NodeKeysTests.KeysAsync(node)).Select(k => k.Kid));
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
        foreach (var stored in await NodeKeysTests.KeysAsync(node))
        {
            Assert.DoesNotContain(Base64Url.Encode(protector.Unprotect(stored.ProtectedPrivateKey)), text, StringComparison.Ordinal);
        }
    }
}
