using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;
using NSec.Cryptography;
using static Comity.Protocol.Tests.V1.Envelopes.FederationTestVector;

namespace Comity.Protocol.Tests.V1.Envelopes;

/// <summary>Every verdict of <see cref="EnvelopeVerifier"/>, each from the smallest change to a good envelope.</summary>
public sealed class EnvelopeVerifierTests : IDisposable
{
    private static readonly DateTimeOffset Now = CreatedAt.AddSeconds(2);
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    private readonly Key sender = SenderKey();
    private readonly Key receiver = ReceiverKey();
    private readonly RegisterV1 register = Register();

    public void Dispose()
    {
        sender.Dispose();
        receiver.Dispose();
    }

    private EnvelopeVerification Verify(string jws, RegisterV1? withRegister = null, string recipient = "XB", DateTimeOffset? now = null, int maxBytes = EnvelopeVerifier.DefaultMaxBytes, TimeSpan? maxAge = null) =>
        EnvelopeVerifier.Verify(jws, withRegister ?? register, recipient, now ?? Now, Skew, maxBytes, maxAge);

    private string Signed(EnvelopeV1 envelope, Key? key = null, string? kid = null) => EnvelopeSigner.Sign(envelope, key ?? sender, kid ?? SenderKid);

    /// <summary>Signs an arbitrary payload as an envelope, for payloads the signer itself refuses to write.</summary>
    private string SignedPayload(JsonObject payload, string typ = EnvelopeV1.MediaType) =>
        JwsFlattened.Sign(Encoding.UTF8.GetBytes(payload.ToJsonString()), new JwsHeader(JwsHeader.EdDsa, SenderKid, typ), sender);

    private static JsonObject PayloadOf(EnvelopeV1 envelope) => JsonNode.Parse(FederationJson.SerializeToUtf8Bytes(envelope))!.AsObject();

    [Fact]
    public void GoodEnvelope_IsAccepted_WithItsPayload()
    {
        var result = Verify(EnvelopeJws());

        Assert.Equal(EnvelopeVerdict.Accepted, result.Verdict);
        Assert.True(result.IsAccepted);
        Assert.Equal(SenderKid, result.Kid);
        Assert.Equal(FederationJson.SerializeToUtf8Bytes(Envelope()), result.Payload);
        Assert.Contains(EnvelopeId, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TamperedBody_IsBadSignature()
    {
        var jws = JsonNode.Parse(EnvelopeJws())!.AsObject();
        var payload = PayloadOf(Envelope());
        payload["body"]!["message"] = "pong";
        jws["payload"] = Base64Url.Encode(Encoding.UTF8.GetBytes(payload.ToJsonString()));

        var result = Verify(jws.ToJsonString());

        Assert.Equal(EnvelopeVerdict.BadSignature, result.Verdict);
        Assert.Null(result.Envelope);
    }

    [Fact]
    public void WrongRecipient_IsRefused()
    {
        var result = Verify(EnvelopeJws(), recipient: "XC");

        Assert.Equal(EnvelopeVerdict.WrongRecipient, result.Verdict);
        Assert.Contains("XB", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyNotInTheRegister_IsUnknownKey()
    {
        using var stranger = Ed25519Key("a key no Register lists");

        var result = Verify(Signed(Envelope(), stranger, PublicJwk(stranger).Kid));

        Assert.Equal(EnvelopeVerdict.UnknownKey, result.Verdict);
    }

    [Fact]
    public void KidOfAnEncryptionKey_IsUnknownKey()
    {
        var xa = register.Nodes[0];
        var encOnly = register with { Nodes = [xa with { Keys = [xa.Keys[0] with { Use = "enc" }] }, register.Nodes[1]] };

        Assert.Equal(EnvelopeVerdict.UnknownKey, Verify(EnvelopeJws(), encOnly).Verdict);
    }

    [Fact]
    public void RegisterKeyThatIsNotEd25519_IsUnknownKey_NotAThrow()
    {
        var xa = register.Nodes[0];
        var broken = register with { Nodes = [xa with { Keys = [xa.Keys[0] with { Jwk = xa.Keys[0].Jwk with { Crv = Jwk.X25519 } }] }, register.Nodes[1]] };

        var result = Verify(EnvelopeJws(), broken);

        Assert.Equal(EnvelopeVerdict.UnknownKey, result.Verdict);
        Assert.Contains("not a usable Ed25519 key", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SenderNotInTheRegister_IsUnknownSender()
    {
        var result = Verify(Signed(Envelope() with { From = "XC" }));

        Assert.Equal(EnvelopeVerdict.UnknownSender, result.Verdict);
    }

    [Fact]
    public void SignedByAnotherNodesKey_IsSenderMismatch()
    {
        // XB's node signs an envelope claiming to come from XA, addressed to XC (also listed).
        using var third = Ed25519Key("third node");
        var withXc = register with { Nodes = [.. register.Nodes, new RegisterNodeV1("XC", "XC", new Uri("https://xc.comity.example/"), [RegisterKey(third)])] };

        var result = Verify(Signed(Envelope() with { To = "XC" }, receiver, ReceiverKid), withXc, recipient: "XC");

        Assert.Equal(EnvelopeVerdict.SenderMismatch, result.Verdict);
        Assert.Contains("XB", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnotherNodesKidWithAForgedSignature_IsUnknownKey_NotSenderMismatch()
    {
        using var stranger = Ed25519Key("forger");

        var result = Verify(Signed(Envelope(), stranger, ReceiverKid));

        Assert.Equal(EnvelopeVerdict.UnknownKey, result.Verdict);
    }

    [Fact]
    public void ExpiredKey_AtCreatedAt_IsKeyNotValid()
    {
        var expired = WithSenderValidity(KeysNotBefore, CreatedAt);

        var result = Verify(EnvelopeJws(), expired);

        Assert.Equal(EnvelopeVerdict.KeyNotValid, result.Verdict);
        Assert.Contains("expired", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyExpiredSinceCreatedAt_IsKeyNotValid()
    {
        var expiredSince = WithSenderValidity(KeysNotBefore, CreatedAt.AddSeconds(1));

        var result = Verify(EnvelopeJws(), expiredSince);

        Assert.Equal(EnvelopeVerdict.KeyNotValid, result.Verdict);
        Assert.Contains("now", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyNotYetValid_IsKeyNotValid()
    {
        var notYet = WithSenderValidity(CreatedAt.AddHours(1), KeysNotAfter);

        Assert.Equal(EnvelopeVerdict.KeyNotValid, Verify(EnvelopeJws(), notYet).Verdict);
    }

    [Fact]
    public void CreatedTooFarAhead_IsClockSkew()
    {
        var result = Verify(EnvelopeJws(), now: CreatedAt - Skew - TimeSpan.FromSeconds(1));

        Assert.Equal(EnvelopeVerdict.ClockSkew, result.Verdict);
        Assert.Contains("later than now", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreatedTooLongAgo_IsClockSkew()
    {
        var result = Verify(EnvelopeJws(), now: CreatedAt + Skew + TimeSpan.FromSeconds(1));

        Assert.Equal(EnvelopeVerdict.ClockSkew, result.Verdict);
        Assert.Contains("before now", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExactlyAtTheSkewBounds_IsAccepted()
    {
        Assert.Equal(EnvelopeVerdict.Accepted, Verify(EnvelopeJws(), now: CreatedAt - Skew).Verdict);
        Assert.Equal(EnvelopeVerdict.Accepted, Verify(EnvelopeJws(), now: CreatedAt + Skew).Verdict);
    }

    [Fact]
    public void OldEnvelope_WithinMaxAge_IsAccepted()
    {
        var result = Verify(EnvelopeJws(), now: CreatedAt.AddDays(2), maxAge: TimeSpan.FromDays(3));

        Assert.Equal(EnvelopeVerdict.Accepted, result.Verdict);
    }

    [Fact]
    public void Oversized_IsTooLarge_BeforeParsing()
    {
        var jws = EnvelopeJws();

        Assert.Equal(EnvelopeVerdict.TooLarge, Verify(jws, maxBytes: Encoding.UTF8.GetByteCount(jws) - 1).Verdict);
        Assert.Equal(EnvelopeVerdict.Accepted, Verify(jws, maxBytes: Encoding.UTF8.GetByteCount(jws)).Verdict);
        // Size is checked first: oversized garbage is TooLarge, not Malformed.
        Assert.Equal(EnvelopeVerdict.TooLarge, Verify(new string('{', 2000), maxBytes: 1000).Verdict);
    }

    [Fact]
    public void OversizedByMultiByteCharacters_IsTooLarge()
    {
        // 400 characters but 1,200 UTF-8 bytes.
        Assert.Equal(EnvelopeVerdict.TooLarge, Verify(new string('你', 400), maxBytes: 1000).Verdict);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("{\"protected\":\"e30\",\"payload\":\"e30\",\"signature\":\"AA\"}")]
    public void Garbage_IsMalformed(string jws)
    {
        Assert.Equal(EnvelopeVerdict.Malformed, Verify(jws).Verdict);
    }

    [Fact]
    public void InvalidUtf8_IsMalformed()
    {
        var bytes = Encoding.UTF8.GetBytes(EnvelopeJws());
        bytes[^3] = 0xFF;

        var result = EnvelopeVerifier.Verify(bytes, register, "XB", Now, Skew, EnvelopeVerifier.DefaultMaxBytes);

        Assert.Equal(EnvelopeVerdict.Malformed, result.Verdict);
    }

    [Fact]
    public void ARegisterOrReceiptTyp_IsMalformed()
    {
        var result = Verify(SignedPayload(PayloadOf(Envelope()), ReceiptV1.MediaType));

        Assert.Equal(EnvelopeVerdict.Malformed, result.Verdict);
        Assert.Contains("typ", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AlgNone_IsMalformed()
    {
        var payload = Base64Url.Encode(FederationJson.SerializeToUtf8Bytes(Envelope()));
        var header = Base64Url.Encode(Encoding.UTF8.GetBytes($"{{\"alg\":\"none\",\"kid\":\"{SenderKid}\",\"typ\":\"comity-envelope+json\"}}"));

        var result = Verify($"{{\"protected\":\"{header}\",\"payload\":\"{payload}\",\"signature\":\"\"}}");

        Assert.Equal(EnvelopeVerdict.Malformed, result.Verdict);
        Assert.Contains("EdDSA", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CriticalHeaderExtension_IsMalformed()
    {
        var payload = Base64Url.Encode(FederationJson.SerializeToUtf8Bytes(Envelope()));
        var header = Base64Url.Encode(Encoding.UTF8.GetBytes($"{{\"alg\":\"EdDSA\",\"kid\":\"{SenderKid}\",\"typ\":\"comity-envelope+json\",\"crit\":[\"exp\"],\"exp\":1}}"));
        var signature = Base64Url.Encode(SignatureAlgorithm.Ed25519.Sign(sender, JwsFlattened.SigningInput(header, payload)));

        var result = Verify($"{{\"protected\":\"{header}\",\"payload\":\"{payload}\",\"signature\":\"{signature}\"}}");

        Assert.Equal(EnvelopeVerdict.Malformed, result.Verdict);
        Assert.Contains("crit", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingKid_IsMalformed()
    {
        var jws = JwsFlattened.Sign(FederationJson.SerializeToUtf8Bytes(Envelope()), new JwsHeader(JwsHeader.EdDsa, null!, EnvelopeV1.MediaType), sender);

        var result = Verify(jws);

        Assert.Equal(EnvelopeVerdict.Malformed, result.Verdict);
        Assert.Contains("kid", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Version2_WithAnotherShape_IsUnsupportedVersion()
    {
        var payload = PayloadOf(Envelope());
        payload["version"] = 2;
        payload["from"] = new JsonObject { ["state"] = "XA" };

        Assert.Equal(EnvelopeVerdict.UnsupportedVersion, Verify(SignedPayload(payload)).Verdict);
    }

    [Fact]
    public void Version2_IsUnsupportedVersion()
    {
        var payload = PayloadOf(Envelope());
        payload["version"] = 2;

        Assert.Equal(EnvelopeVerdict.UnsupportedVersion, Verify(SignedPayload(payload)).Verdict);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("to")]
    [InlineData("conversation")]
    [InlineData("seq")]
    [InlineData("type")]
    [InlineData("createdAt")]
    [InlineData("body")]
    public void MissingMember_IsMalformed(string member)
    {
        var payload = PayloadOf(Envelope());
        payload.Remove(member);

        var result = Verify(SignedPayload(payload));

        Assert.Equal(EnvelopeVerdict.Malformed, result.Verdict);
    }

    public static TheoryData<string, string> BrokenRules => new()
    {
        { "id", "\"0197cb1e-9c00-4a5e-8f00-00000000e001\"" },
        { "id", "\"0197CB1E-9C00-7A5E-8F00-00000000E001\"" },
        { "id", "\"not-a-uuid\"" },
        { "to", "\"xb\"" },
        { "to", "\"XA\"" },
        { "seq", "0" },
        { "seq", "\"1\"" },
        { "type", "\"ping\"" },
        { "type", "\"Ping/v1\"" },
        { "createdAt", "\"2026-07-02T14:00:00+02:00\"" },
        { "body", "\"ping\"" },
        { "body", "null" },
        { "body", "[1]" },
        { "conversation", "\"\"" },
        { "conversation", "null" },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void PayloadBreakingARule_IsMalformed(string member, string json)
    {
        var payload = PayloadOf(Envelope());
        payload[member] = JsonNode.Parse(json);

        var result = Verify(SignedPayload(payload));

        Assert.Equal(EnvelopeVerdict.Malformed, result.Verdict);
    }

    [Fact]
    public void DuplicateMemberInBody_IsMalformed()
    {
        var text = Encoding.UTF8.GetString(FederationJson.SerializeToUtf8Bytes(Envelope()))
            .Replace("\"message\":\"ping\"", "\"message\":\"ping\",\"message\":\"pong\"", StringComparison.Ordinal);
        var jws = JwsFlattened.Sign(Encoding.UTF8.GetBytes(text), new JwsHeader(JwsHeader.EdDsa, SenderKid, EnvelopeV1.MediaType), sender);

        Assert.Equal(EnvelopeVerdict.Malformed, Verify(jws).Verdict);
    }

    [Fact]
    public void DuplicateTopLevelMember_IsMalformed()
    {
        var text = Encoding.UTF8.GetString(FederationJson.SerializeToUtf8Bytes(Envelope()))
            .Replace("\"to\":\"XB\"", "\"to\":\"XB\",\"to\":\"XC\"", StringComparison.Ordinal);
        var jws = JwsFlattened.Sign(Encoding.UTF8.GetBytes(text), new JwsHeader(JwsHeader.EdDsa, SenderKid, EnvelopeV1.MediaType), sender);

        Assert.Equal(EnvelopeVerdict.Malformed, Verify(jws).Verdict);
    }

    [Fact]
    public void UnknownMembers_AreIgnored()
    {
        var payload = PayloadOf(Envelope());
        payload["priority"] = "urgent";

        Assert.Equal(EnvelopeVerdict.Accepted, Verify(SignedPayload(payload)).Verdict);
    }

    [Fact]
    public void SameBytesTwice_AreBothAccepted_DeduplicationIsTheInboxsJob()
    {
        // Replay protection (same id once, same id with other bytes refused) needs state: the node's inbox does it.
        var jws = EnvelopeJws();

        Assert.Equal(EnvelopeVerdict.Accepted, Verify(jws).Verdict);
        Assert.Equal(EnvelopeVerdict.Accepted, Verify(jws).Verdict);
    }

    [Fact]
    public void Signer_RefusesAnEnvelopeThatBreaksARule()
    {
        Assert.Throws<ArgumentException>(() => Signed(Envelope() with { Seq = 0 }));
        Assert.Throws<ArgumentException>(() => Signed(Envelope() with { Id = "0197cb1e-9c00-4a5e-8f00-00000000e001" }));
        Assert.Throws<ArgumentException>(() => Signed(Envelope() with { Body = JsonDocument.Parse("42").RootElement }));
    }

    [Fact]
    public void EveryRefusal_IsPermanent_AndHasAStableProblemCode()
    {
        var refusals = Enum.GetValues<EnvelopeVerdict>().Where(v => v != EnvelopeVerdict.Accepted).ToList();

        Assert.All(refusals, v => Assert.True(FederationRefusals.IsPermanent(v)));
        Assert.False(FederationRefusals.IsPermanent(EnvelopeVerdict.Accepted));
        var problems = refusals.Select(FederationRefusals.Problem).ToList();
        Assert.All(problems, p => Assert.StartsWith("federation.", p.Code, StringComparison.Ordinal));
        Assert.All(problems, p => Assert.Contains(p.Status, new[] { 400, 401, 403, 409, 413, 422 }));
        Assert.Equal(problems.Count, problems.Select(p => p.Code).Distinct().Count());
        Assert.Throws<ArgumentOutOfRangeException>(() => FederationRefusals.Problem(EnvelopeVerdict.Accepted));
    }

    private RegisterV1 WithSenderValidity(DateTimeOffset notBefore, DateTimeOffset notAfter) =>
        register with { Nodes = [register.Nodes[0] with { Keys = [RegisterKey(sender, notBefore, notAfter)] }, register.Nodes[1]] };
}
