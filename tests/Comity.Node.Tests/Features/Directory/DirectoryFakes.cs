using Comity.Node.Federation.Keys;
using Comity.Node.Federation.Register;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;

namespace Comity.Node.Tests.Features.Directory;

/// <summary>
/// Node keys as the Register area will keep them, held in memory: a real Ed25519 key (NSec), kid =
/// RFC 7638 thumbprint, signatures as flattened JWS. Stands in for the real INodeKeys on this branch.
/// </summary>
public sealed class FakeNodeKeys : INodeKeys, IDisposable
{
    private readonly Key key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None });

    public FakeNodeKeys(DateTimeOffset notBefore)
    {
        var jwk = JwkKeys.ToPublicJwk(key.PublicKey);
        Kid = JwkKeys.Thumbprint(jwk);
        PublicKey = new RegisterKeyV1(Kid, "sig", jwk with { Kid = Kid, Use = "sig" }, notBefore, notBefore.AddYears(1));
    }

    public string Kid { get; }

    public RegisterKeyV1 PublicKey { get; }

    public int Signatures { get; private set; }

    public Task<string> SignJwsAsync(ReadOnlyMemory<byte> payload, string? typ, CancellationToken cancellationToken)
    {
        Signatures++;
        return Task.FromResult(JwsFlattened.Sign(payload.Span, new JwsHeader(JwsHeader.EdDsa, Kid, typ), key));
    }

    /// <summary>Signs with the given kid in the header regardless of the key: to forge documents in refusal tests.</summary>
    public string SignAs(string kid, byte[] payload, string typ) => JwsFlattened.Sign(payload, new JwsHeader(JwsHeader.EdDsa, kid, typ), key);

    public Task<IReadOnlyList<RegisterKeyV1>> PublicKeysAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RegisterKeyV1>>([PublicKey]);

    public void Dispose() => key.Dispose();
}

/// <summary>The Register a node holds: set by the fake publisher on the Secretariat, copied to State nodes as a sync would.</summary>
public sealed class FakeCurrentRegister : ICurrentRegister
{
    public RegisterSnapshot? Snapshot { get; set; }

    public void Set(RegisterV1 register, DateTimeOffset at) => Snapshot = new RegisterSnapshot(register, "(jws not kept by the fake)", at, RegisterFreshness.Current, null, null);

    public Task<RegisterSnapshot?> GetAsync(CancellationToken cancellationToken) => Task.FromResult(Snapshot);
}

/// <summary>
/// A publisher that does what the real one does minus signing and storage: reads the directory source
/// (the Directory area's real one), builds the next Register with the next serial and makes it current.
/// </summary>
public sealed class RecordingPublisher(IRegisterDirectorySource source, FakeCurrentRegister current, TimeProvider time, Action<long> published) : IRegisterPublisher
{
    public async Task<long> PublishAsync(CancellationToken cancellationToken)
    {
        var content = await source.GetAsync(cancellationToken);
        var serial = (current.Snapshot?.Register.Serial ?? 0) + 1;
        var now = time.GetUtcNow();
        current.Set(new RegisterV1(RegisterV1.CurrentVersion, serial, now, now.AddDays(1), new RegisterTreatyV1(null, null, null), [], content.Nodes, content.Designations, content.ServiceProviders), now);
        published(serial);
        return serial;
    }
}

/// <summary>The fakes one node gets: its keys and its current Register (and on the Secretariat, the recording publisher).</summary>
public sealed class FederationFakes(DateTimeOffset now) : IDisposable
{
    public FakeNodeKeys Keys { get; } = new(now.AddDays(-1));

    public FakeCurrentRegister Register { get; } = new();

    /// <summary>The serials published, in order.</summary>
    public List<long> Publications { get; } = [];

    public void AddTo(IServiceCollection services)
    {
        services.AddSingleton<INodeKeys>(Keys);
        services.AddSingleton<ICurrentRegister>(Register);
        services.AddScoped<IRegisterPublisher>(sp =>
            new RecordingPublisher(sp.GetRequiredService<IRegisterDirectorySource>(), Register, sp.GetRequiredService<TimeProvider>(), Publications.Add));
    }

    public void Dispose() => Keys.Dispose();
}
