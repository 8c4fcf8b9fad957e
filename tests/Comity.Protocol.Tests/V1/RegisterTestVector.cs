using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;
using NSec.Cryptography;

namespace Comity.Protocol.Tests.V1;

/// <summary>
/// The Register v1 test vector published in docs/protocol/vectors/register-v1/: every key is derived
/// from a fixed text (private key = SHA-256 of it), so anyone can rebuild the files exactly.
/// TEST ONLY: these private keys are public.
/// </summary>
internal static class RegisterTestVector
{
    public const string SecretariatSeedText = "comity register test vector v1";

    public static Key SecretariatKey() => Ed25519Key(SecretariatSeedText);

    public static Jwk SecretariatPublicJwk()
    {
        using var key = SecretariatKey();
        var jwk = JwkKeys.ToPublicJwk(key.PublicKey, use: "sig");
        return jwk with { Kid = JwkKeys.Thumbprint(jwk) };
    }

    public static string SecretariatKid => SecretariatPublicJwk().Kid!;

    public static Key Ed25519Key(string seedText) =>
        Key.Import(SignatureAlgorithm.Ed25519, Seed(seedText), KeyBlobFormat.RawPrivateKey, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });

    private static byte[] Seed(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static RegisterKeyV1 NodeKey(PublicKey key, string use)
    {
        var jwk = JwkKeys.ToPublicJwk(key, use: use);
        var kid = JwkKeys.Thumbprint(jwk);
        return new RegisterKeyV1(kid, use, jwk with { Kid = kid }, At("2026-06-01T00:00:00Z"), At("2027-06-01T00:00:00Z"));
    }

    /// <summary>
    /// A small but complete Register: two participants, one node with a signing and an encryption key,
    /// a central authority with office hours and a 24/7 point of contact with a roster shift, one service provider.
    /// </summary>
    public static RegisterV1 Register()
    {
        using var nodeSigning = Ed25519Key(SecretariatSeedText + " node XA sig");
        using var nodeEncryption = Key.Import(KeyAgreementAlgorithm.X25519, Seed(SecretariatSeedText + " node XA enc"), KeyBlobFormat.RawPrivateKey);
        var xa = new Uri("https://xa.comity.example/");
        return new RegisterV1(
            Version: 1,
            Serial: 42,
            IssuedAt: At("2026-07-01T00:00:00Z"),
            NextUpdate: At("2026-07-08T00:00:00Z"),
            Treaty: new RegisterTreatyV1(new DateOnly(2027, 3, 1), new DateOnly(2032, 3, 1), null),
            Participants:
            [
                new RegisterParticipantV1("XA", "Fictional State XA", "memberState", new DateOnly(2025, 10, 25), "ratification", new DateOnly(2026, 5, 12), new DateOnly(2027, 3, 1), null),
                new RegisterParticipantV1("XB", "République fictive XB", "memberState", new DateOnly(2025, 10, 26), null, null, null, null),
            ],
            Nodes:
            [
                new RegisterNodeV1("XA", "Comity node of State XA", xa, [NodeKey(nodeSigning.PublicKey, "sig"), NodeKey(nodeEncryption.PublicKey, "enc")]),
            ],
            Designations:
            [
                new DesignationV1(
                    "xa-central-authority",
                    "XA",
                    "Ministry of Justice, Department of International Cooperation",
                    "centralAuthority",
                    "Art. 40(13)",
                    [new ContactChannelV1("platform", "https://xa.comity.example/"), new ContactChannelV1("email", "central.authority@justice.xa.example"), new ContactChannelV1("phone", "+999 20 000 0000", "Front desk")],
                    ["en", "fr"],
                    "Europe/Paris",
                    [new OfficeHoursV1([1, 2, 3, 4, 5], new TimeOnly(9, 0), new TimeOnly(17, 30))],
                    false,
                    []),
                new DesignationV1(
                    "xa-24-7",
                    "XA",
                    "National Cybercrime Unit, 24/7 desk",
                    "pointOfContact247",
                    "Art. 41(1)",
                    [new ContactChannelV1("platform", "https://xa.comity.example/"), new ContactChannelV1("phone", "+999 20 000 0247", "24/7 line")],
                    ["en"],
                    "Europe/Paris",
                    [],
                    true,
                    [new RosterShiftV1(At("2026-07-01T00:00:00Z"), At("2026-07-08T00:00:00Z"), "Duty officer A. Example", [new ContactChannelV1("phone", "+999 20 000 0248", "on-call mobile")])]),
            ],
            ServiceProviders:
            [
                new ServiceProviderV1(
                    "xa-examplemail",
                    "XA",
                    "ExampleMail Ltd",
                    ["email", "cloud storage"],
                    "XA",
                    ["XA", "XB"],
                    new ContactChannelV1("portal", "https://le.examplemail.example/", "Law-enforcement portal"),
                    new ContactChannelV1("email", "emergency@examplemail.example", null),
                    ["preservation", "emergencyDisclosure"]),
            ]);
    }

    public static byte[] PayloadBytes() => RegisterJson.SerializeToUtf8Bytes(Register());

    public static string Jws()
    {
        using var key = SecretariatKey();
        return RegisterSigner.Sign(Register(), key, SecretariatKid);
    }

    private static readonly JsonSerializerOptions KeyFileJson = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The committed files, name → exact bytes.</summary>
    public static IReadOnlyDictionary<string, byte[]> Files()
    {
        using var key = SecretariatKey();
        var publicJwk = SecretariatPublicJwk();
        var privateJwk = new Dictionary<string, string?>
        {
            ["_comment"] = "TEST ONLY. This private key is published in the Comity protocol documentation: anyone can sign with it. Never trust it outside tests.",
            ["kty"] = publicJwk.Kty,
            ["crv"] = publicJwk.Crv,
            ["x"] = publicJwk.X,
            ["d"] = Base64Url.Encode(key.Export(KeyBlobFormat.RawPrivateKey)),
            ["kid"] = publicJwk.Kid,
            ["use"] = publicJwk.Use,
            ["alg"] = publicJwk.Alg,
            ["seed"] = $"SHA-256(\"{SecretariatSeedText}\")",
        };
        return new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["secretariat-key.jwk.json"] = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(publicJwk, KeyFileJson) + "\n"),
            ["secretariat-key.private.jwk.json"] = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(privateJwk, KeyFileJson) + "\n"),
            ["payload.json"] = PayloadBytes(),
            ["register.jws.json"] = Encoding.UTF8.GetBytes(Jws()),
        };
    }
}
