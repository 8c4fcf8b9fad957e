using System.Net.Http.Json;
using Comity.Node.Federation.Keys;
using Comity.Node.Federation.Register;
using Comity.Node.Kernel;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;
using Microsoft.Extensions.DependencyInjection;

namespace Comity.Testing.Nodes;

/// <summary>
/// A real Secretariat and real State nodes on loopback, wired as an operator would: the State node
/// is given the Secretariat's URL and the key served at <c>/federation/v1/register/key</c>, and
/// syncs the Register by polling it (<see cref="RegisterSync"/>).
/// </summary>
public static class TestFederation
{
    /// <summary>A Secretariat node on a real loopback port; its first Register (serial 1) is published at start.</summary>
    public static Task<TestNode> StartSecretariatAsync(DateTimeOffset now, IReadOnlyDictionary<string, string?>? settings = null, CancellationToken cancellationToken = default) =>
        TestNode.StartAsync(new TestNodeOptions
        {
            Role = NodeRole.Secretariat,
            StateCode = null,
            Kestrel = true,
            Now = now,
            Settings = settings ?? new Dictionary<string, string?>(),
        }, cancellationToken);

    /// <summary>
    /// A State node on a real loopback port that trusts <paramref name="secretariat"/>'s Register key and
    /// publishes itself at <c>https://node.{code}.example/</c> unless <paramref name="settings"/> say otherwise.
    /// </summary>
    public static async Task<TestNode> StartStateAsync(TestNode secretariat, string stateCode, DateTimeOffset now, IReadOnlyDictionary<string, string?>? settings = null, CancellationToken cancellationToken = default)
    {
        var all = new Dictionary<string, string?>
        {
            ["Comity:Federation:SecretariatUrl"] = secretariat.BaseAddress.ToString(),
            ["Comity:Federation:SecretariatKey"] = await RegisterKeyAsync(secretariat, cancellationToken),
            ["Comity:Federation:PublicUrl"] = $"https://node.{stateCode.ToLowerInvariant()}.example/",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return await TestNode.StartAsync(new TestNodeOptions
        {
            Role = NodeRole.State,
            StateCode = stateCode,
            Kestrel = true,
            Now = now,
            Settings = all,
        }, cancellationToken);
    }

    /// <summary>The JWK (JSON text) the Secretariat signs the Register with, as a State operator would copy it.</summary>
    public static async Task<string> RegisterKeyAsync(TestNode secretariat, CancellationToken cancellationToken = default)
    {
        using var anonymous = secretariat.CreateClient();
        return await anonymous.GetStringAsync("/federation/v1/register/key", cancellationToken);
    }

    /// <summary>Polls the Secretariat now, as the sync worker does on its schedule; throws unless the poll verified a Register (new or unchanged).</summary>
    public static async Task<RegisterPollOutcome> SyncRegisterAsync(this TestNode state, CancellationToken cancellationToken = default)
    {
        var outcome = await state.Services.GetRequiredService<RegisterSync>().PollOnceAsync(cancellationToken);
        if (outcome is not (RegisterPollOutcome.Updated or RegisterPollOutcome.Unchanged))
        {
            throw new InvalidOperationException($"The Register sync did not verify a Register: {outcome}.");
        }

        return outcome;
    }

    /// <summary>The Register the State node holds now (null before its first good sync).</summary>
    public static async Task<RegisterV1?> HeldRegisterAsync(this TestNode node, CancellationToken cancellationToken = default)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ICurrentRegister>().GetAsync(cancellationToken))?.Register;
    }

    /// <summary>
    /// The Register the Secretariat serves at <c>GET /federation/v1/register</c>, anonymously, with its
    /// signature checked against the key served at <c>/federation/v1/register/key</c>.
    /// </summary>
    public static async Task<RegisterV1> PublishedRegisterAsync(this TestNode secretariat, CancellationToken cancellationToken = default)
    {
        using var anonymous = secretariat.CreateClient();
        var jws = await anonymous.GetStringAsync("/federation/v1/register", cancellationToken);
        var key = await anonymous.GetFromJsonAsync<Jwk>("/federation/v1/register/key", cancellationToken)
            ?? throw new InvalidOperationException("The Secretariat served no Register key.");
        var verification = JwsFlattened.Verify(jws, key);
        return verification.IsValid
            ? RegisterJson.Deserialize(verification.Payload)
            : throw new InvalidOperationException($"The Register served does not verify with the Secretariat's key ({verification.Failure}): {verification.Reason}");
    }

    /// <summary>The node's public keys (signing and encryption) valid now or later, as its own key store lists them for the Register.</summary>
    public static async Task<IReadOnlyList<RegisterKeyV1>> PublicKeysAsync(this TestNode node, CancellationToken cancellationToken = default)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<INodeKeys>().PublicKeysAsync(cancellationToken);
    }

    /// <summary>The kid (RFC 7638 thumbprint) of the key the node signs with now.</summary>
    public static async Task<string> SigningKidAsync(this TestNode node, CancellationToken cancellationToken = default)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var key = await scope.ServiceProvider.GetRequiredService<NodeKeyStore>().CurrentSigningKeyAsync(cancellationToken)
            ?? throw new InvalidOperationException("The node has no signing key; keys are generated at start-up.");
        return key.Kid;
    }

    /// <summary>Signs <paramref name="payload"/> with the node's own key (flattened JWS), as the node signs what it sends.</summary>
    public static async Task<string> SignJwsAsync(this TestNode node, byte[] payload, string typ, CancellationToken cancellationToken = default)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<INodeKeys>().SignJwsAsync(payload, typ, cancellationToken);
    }
}
