using System.Text;
using System.Text.Json;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NSec.Cryptography;

namespace Comity.Node.Tests.Federation.Register;

/// <summary>
/// A minimal stand-in for the Secretariat on loopback that serves whatever document the test sets:
/// genuine Registers signed with its own key, or tampered, rolled-back and wrongly signed ones.
/// </summary>
internal sealed class FakeSecretariat : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeSecretariat(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    public Key SigningKey { get; } = NewKey();

    public Uri Url { get; }

    /// <summary>What GET /federation/v1/register answers; null: 404.</summary>
    public string? Document { get; set; }

    public int Requests { get; private set; }

    public Jwk PublicJwk => PublicJwkOf(SigningKey);

    public static async Task<FakeSecretariat> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeSecretariat? fake = null;
        app.MapGet("/federation/v1/register", () =>
        {
            fake!.Requests++;
            return fake.Document is { } document ? Results.Content(document, "application/json", Encoding.UTF8) : Results.NotFound();
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake = new FakeSecretariat(app, new Uri(address));
        return fake;
    }

    public static Key NewKey() => Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None });

    public static Jwk PublicJwkOf(Key key)
    {
        var jwk = JwkKeys.ToPublicJwk(key.PublicKey);
        return jwk with { Kid = JwkKeys.Thumbprint(jwk), Use = "sig" };
    }

    /// <summary>The node settings that make a State node trust this fake.</summary>
    public IReadOnlyDictionary<string, string?> StateSettings() => new Dictionary<string, string?>
    {
        ["Comity:Federation:SecretariatUrl"] = Url.ToString(),
        ["Comity:Federation:SecretariatKey"] = JsonSerializer.Serialize(PublicJwk),
    };

    /// <summary>A Register listing <paramref name="listed"/> (default: the signing key) for UN, valid for a year from a year ago.</summary>
    public RegisterV1 Register(long serial, DateTimeOffset issuedAt, TimeSpan? validity = null, Key? listed = null, DateTimeOffset? keyNotAfter = null)
    {
        var key = listed ?? SigningKey;
        var jwk = PublicJwkOf(key);
        var keyEntry = new RegisterKeyV1(jwk.Kid!, "sig", jwk, issuedAt.AddYears(-1), keyNotAfter ?? issuedAt.AddYears(1));
        return new RegisterV1(
            RegisterV1.CurrentVersion, serial, issuedAt, issuedAt + (validity ?? TimeSpan.FromHours(24)),
            new RegisterTreatyV1(null, null, null),
            [new RegisterParticipantV1("XA", "Fictional State A", "memberState", new DateOnly(2025, 10, 25), null, null, null, null)],
            [new RegisterNodeV1("UN", "Fake Secretariat", Url, [keyEntry])],
            [],
            []);
    }

    /// <summary>Signs a Register as the Secretariat does (typ comity-register+json) with <paramref name="key"/> (default its own).</summary>
    public string Sign(RegisterV1 register, Key? key = null, string typ = RegisterV1.MediaType)
    {
        key ??= SigningKey;
        return JwsFlattened.Sign(Comity.Protocol.V1.RegisterJson.SerializeToUtf8Bytes(register), new JwsHeader(JwsHeader.EdDsa, PublicJwkOf(key).Kid!, typ), key);
    }

    /// <summary>The same JWS with its payload replaced (the signature left as it was).</summary>
    public static string Tamper(string jws, Func<RegisterV1, RegisterV1> change)
    {
        var document = JsonSerializer.Deserialize<JwsFlattenedJson>(jws)!;
        var register = Comity.Protocol.V1.RegisterJson.Deserialize(Base64Url.Decode(document.Payload));
        var payload = Base64Url.Encode(Comity.Protocol.V1.RegisterJson.SerializeToUtf8Bytes(change(register)));
        return JsonSerializer.Serialize(document with { Payload = payload });
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        SigningKey.Dispose();
    }
}
