using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;
using NSec.Cryptography;

namespace Comity.Protocol.Tests.V1.Envelopes;

/// <summary>
/// The federation v1 test vector published in docs/protocol/vectors/federation-v1/: keys are derived
/// from fixed texts (private key = SHA-256 of the text), so anyone can rebuild the files exactly.
/// TEST ONLY: these private keys are public.
/// </summary>
internal static class FederationTestVector
{
    public const string SenderSeedText = "comity federation test vector sender v1";
    public const string ReceiverSeedText = "comity federation test vector receiver v1";

    public static string Folder => RepositoryFiles.Path("docs", "protocol", "vectors", "federation-v1");

    public static readonly DateTimeOffset CreatedAt = At("2026-07-02T12:00:00Z");
    public static readonly DateTimeOffset ReceivedAt = At("2026-07-02T12:00:01.25Z");
    public static readonly DateTimeOffset KeysNotBefore = At("2026-06-01T00:00:00Z");
    public static readonly DateTimeOffset KeysNotAfter = At("2027-06-01T00:00:00Z");

    public const string EnvelopeId = "0197cb1e-9c00-7a5e-8f00-00000000e001";
    public const string Conversation = "0197cb1e-9b00-7c0f-9e00-00000000c001";

    public static Key SenderKey() => Ed25519Key(SenderSeedText);

    public static Key ReceiverKey() => Ed25519Key(ReceiverSeedText);

    public static Key Ed25519Key(string seedText) =>
        Key.Import(SignatureAlgorithm.Ed25519, SHA256.HashData(Encoding.UTF8.GetBytes(seedText)), KeyBlobFormat.RawPrivateKey, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });

    public static Jwk PublicJwk(Key key)
    {
        var jwk = JwkKeys.ToPublicJwk(key.PublicKey, use: "sig");
        return jwk with { Kid = JwkKeys.Thumbprint(jwk) };
    }

    public static string SenderKid { get { using var key = SenderKey(); return PublicJwk(key).Kid!; } }

    public static string ReceiverKid { get { using var key = ReceiverKey(); return PublicJwk(key).Kid!; } }

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

    public static RegisterKeyV1 RegisterKey(Key key, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        var jwk = PublicJwk(key);
        return new RegisterKeyV1(jwk.Kid!, "sig", jwk, notBefore ?? KeysNotBefore, notAfter ?? KeysNotAfter);
    }

    /// <summary>A tiny Register: nodes of XA (sender) and XB (receiver), one signing key each.</summary>
    public static RegisterV1 Register()
    {
        using var sender = SenderKey();
        using var receiver = ReceiverKey();
        return new RegisterV1(
            Version: 1,
            Serial: 7,
            IssuedAt: At("2026-07-01T00:00:00Z"),
            NextUpdate: At("2026-07-08T00:00:00Z"),
            Treaty: new RegisterTreatyV1(null, null, null),
            Participants:
            [
                new RegisterParticipantV1("XA", "Fictional State XA", "memberState", null, null, null, null, null),
                new RegisterParticipantV1("XB", "Fictional State XB", "memberState", null, null, null, null, null),
            ],
            Nodes:
            [
                new RegisterNodeV1("XA", "Comity node of State XA", new Uri("https://xa.comity.example/"), [RegisterKey(sender)]),
                new RegisterNodeV1("XB", "Comity node of State XB", new Uri("https://xb.comity.example/"), [RegisterKey(receiver)]),
            ],
            Designations: [],
            ServiceProviders: []);
    }

    public static EnvelopeV1 Envelope()
    {
        using var body = JsonDocument.Parse("{\"message\":\"ping\",\"note\":\"Bonjour de XA — 你好\"}");
        return new EnvelopeV1(1, EnvelopeId, "XA", "XB", Conversation, 1, "ping/v1", CreatedAt, body.RootElement.Clone());
    }

    public static string EnvelopeJws()
    {
        using var key = SenderKey();
        return EnvelopeSigner.Sign(Envelope(), key, SenderKid);
    }

    public static ReceiptV1 Receipt() => ReceiptSigner.For(EnvelopeId, Encoding.UTF8.GetBytes(EnvelopeJws()), ReceivedAt, "XB", checkpoint: null);

    public static string ReceiptJws()
    {
        using var key = ReceiverKey();
        return ReceiptSigner.Sign(Receipt(), key, ReceiverKid);
    }

    private static readonly JsonSerializerOptions KeyFileJson = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static byte[] PrivateKeyFile(Key key, string seedText)
    {
        var jwk = PublicJwk(key);
        var privateJwk = new Dictionary<string, string?>
        {
            ["_comment"] = "TEST ONLY. This private key is published in the Comity protocol documentation: anyone can sign with it. Never trust it outside tests.",
            ["kty"] = jwk.Kty,
            ["crv"] = jwk.Crv,
            ["x"] = jwk.X,
            ["d"] = Base64Url.Encode(key.Export(KeyBlobFormat.RawPrivateKey)),
            ["kid"] = jwk.Kid,
            ["use"] = jwk.Use,
            ["alg"] = jwk.Alg,
            ["seed"] = $"SHA-256(\"{seedText}\")",
        };
        return Encoding.UTF8.GetBytes(JsonSerializer.Serialize(privateJwk, KeyFileJson) + "\n");
    }

    /// <summary>The committed files, name → exact bytes.</summary>
    public static IReadOnlyDictionary<string, byte[]> Files()
    {
        using var sender = SenderKey();
        using var receiver = ReceiverKey();
        return new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["sender-key.jwk.json"] = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(PublicJwk(sender), KeyFileJson) + "\n"),
            ["sender-key.private.jwk.json"] = PrivateKeyFile(sender, SenderSeedText),
            ["receiver-key.jwk.json"] = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(PublicJwk(receiver), KeyFileJson) + "\n"),
            ["receiver-key.private.jwk.json"] = PrivateKeyFile(receiver, ReceiverSeedText),
            ["register.json"] = RegisterJson.SerializeToUtf8Bytes(Register()),
            ["envelope.payload.json"] = FederationJson.SerializeToUtf8Bytes(Envelope()),
            ["envelope.jws.json"] = Encoding.UTF8.GetBytes(EnvelopeJws()),
            ["receipt.payload.json"] = FederationJson.SerializeToUtf8Bytes(Receipt()),
            ["receipt.jws.json"] = Encoding.UTF8.GetBytes(ReceiptJws()),
        };
    }
}
