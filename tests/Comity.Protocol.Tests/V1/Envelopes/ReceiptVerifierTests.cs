using System.Text;
using System.Text.Json.Nodes;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;
using NSec.Cryptography;
using static Comity.Protocol.Tests.V1.Envelopes.FederationTestVector;

namespace Comity.Protocol.Tests.V1.Envelopes;

/// <summary>Every verdict of <see cref="ReceiptVerifier"/>.</summary>
public sealed class ReceiptVerifierTests : IDisposable
{
    private readonly Key sender = SenderKey();
    private readonly Key receiver = ReceiverKey();
    private readonly RegisterV1 register = Register();
    private readonly byte[] envelopeBytes = Encoding.UTF8.GetBytes(EnvelopeJws());

    public void Dispose()
    {
        sender.Dispose();
        receiver.Dispose();
    }

    private string Signed(ReceiptV1 receipt, Key? key = null, string? kid = null) => ReceiptSigner.Sign(receipt, key ?? receiver, kid ?? ReceiverKid);

    private ReceiptVerification Verify(string receiptJws, byte[]? envelope = null, RegisterV1? withRegister = null, string receiverState = "XB") =>
        ReceiptVerifier.Verify(receiptJws, envelope ?? envelopeBytes, withRegister ?? register, receiverState);

    [Fact]
    public void GoodReceipt_IsAccepted()
    {
        var result = Verify(ReceiptJws());

        Assert.Equal(ReceiptVerdict.Accepted, result.Verdict);
        Assert.Equal(EnvelopeId, result.Receipt!.EnvelopeId);
    }

    [Fact]
    public void ReceiptWithACheckpoint_RoundTripsTheNoteExactly()
    {
        const string note = "xb.comity.example/log\n42\nqs3ZzV8T2xZ7n0bq1tq0mZ8aHf8gQ9Zx3xVZb0b4P2k=\n\n— xb.comity.example/log AAAA\n";
        var receipt = Receipt() with { Checkpoint = note };

        var result = Verify(Signed(receipt));

        Assert.Equal(ReceiptVerdict.Accepted, result.Verdict);
        Assert.Equal(note, result.Receipt!.Checkpoint);
    }

    [Fact]
    public void ReceiptForOtherBytes_IsWrongEnvelope()
    {
        // Same envelope id, but the sender sent different bytes (e.g. re-signed): the hash does not match.
        var otherBytes = Encoding.UTF8.GetBytes(EnvelopeSigner.Sign(Envelope() with { Seq = 2 }, sender, SenderKid));

        var result = Verify(ReceiptJws(), otherBytes);

        Assert.Equal(ReceiptVerdict.WrongEnvelope, result.Verdict);
        Assert.Contains("SHA-256", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReceiptNamingAnotherEnvelopeId_IsWrongEnvelope()
    {
        var receipt = Receipt() with { EnvelopeId = "0197cb1e-9c00-7a5e-8f00-00000000e002" };

        var result = Verify(Signed(receipt));

        Assert.Equal(ReceiptVerdict.WrongEnvelope, result.Verdict);
        Assert.Contains("e002", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReceiptFromAnotherReceiver_IsWrongReceiver()
    {
        var result = Verify(Signed(Receipt() with { Receiver = "XA" }, sender, SenderKid));

        Assert.Equal(ReceiptVerdict.WrongReceiver, result.Verdict);
    }

    [Fact]
    public void ReceiptSignedWithTheSendersKey_IsUnknownKey()
    {
        // Claims to be XB's receipt but is signed with XA's key: XB's node lists no such key.
        Assert.Equal(ReceiptVerdict.UnknownKey, Verify(Signed(Receipt(), sender, SenderKid)).Verdict);
    }

    [Fact]
    public void TamperedReceipt_IsBadSignature()
    {
        var jws = JsonNode.Parse(ReceiptJws())!.AsObject();
        var payload = JsonNode.Parse(FederationJson.SerializeToUtf8Bytes(Receipt()))!.AsObject();
        payload["receivedAt"] = "2026-07-01T12:00:00Z";
        jws["payload"] = Base64Url.Encode(Encoding.UTF8.GetBytes(payload.ToJsonString()));

        Assert.Equal(ReceiptVerdict.BadSignature, Verify(jws.ToJsonString()).Verdict);
    }

    [Fact]
    public void KeyExpiredBeforeReceivedAt_IsKeyNotValid()
    {
        var expired = register with { Nodes = [register.Nodes[0], register.Nodes[1] with { Keys = [RegisterKey(receiver, KeysNotBefore, ReceivedAt)] }] };

        Assert.Equal(ReceiptVerdict.KeyNotValid, Verify(ReceiptJws(), withRegister: expired).Verdict);
    }

    [Fact]
    public void KeyExpiredAfterReceivedAt_StillVerifies_ReceiptsAreKeptForever()
    {
        var laterExpired = register with { Nodes = [register.Nodes[0], register.Nodes[1] with { Keys = [RegisterKey(receiver, KeysNotBefore, ReceivedAt.AddSeconds(1))] }] };

        Assert.Equal(ReceiptVerdict.Accepted, Verify(ReceiptJws(), withRegister: laterExpired).Verdict);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("{\"protected\":\"e30\",\"payload\":\"e30\",\"signature\":\"AA\"}")]
    public void Garbage_IsMalformed(string jws)
    {
        Assert.Equal(ReceiptVerdict.Malformed, Verify(jws).Verdict);
    }

    [Fact]
    public void AnEnvelopeGivenAsAReceipt_IsMalformed()
    {
        var result = Verify(EnvelopeJws());

        Assert.Equal(ReceiptVerdict.Malformed, result.Verdict);
        Assert.Contains("typ", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("envelopeSha256", "\"abc\"")]
    [InlineData("envelopeSha256", "null")]
    [InlineData("receivedAt", "\"2026-07-02T12:00:01\"")]
    [InlineData("checkpoint", "\"\"")]
    [InlineData("envelopeId", "\"0197cb1e-9c00-4a5e-8f00-00000000e001\"")]
    public void PayloadBreakingARule_IsMalformed(string member, string json)
    {
        var payload = JsonNode.Parse(FederationJson.SerializeToUtf8Bytes(Receipt()))!.AsObject();
        payload[member] = JsonNode.Parse(json);
        var jws = JwsFlattened.Sign(Encoding.UTF8.GetBytes(payload.ToJsonString()), new JwsHeader(JwsHeader.EdDsa, ReceiverKid, ReceiptV1.MediaType), receiver);

        Assert.Equal(ReceiptVerdict.Malformed, Verify(jws).Verdict);
    }

    [Fact]
    public void MissingCheckpointMember_IsMalformed_NullIsFine()
    {
        var payload = JsonNode.Parse(FederationJson.SerializeToUtf8Bytes(Receipt()))!.AsObject();
        payload.Remove("checkpoint");
        var jws = JwsFlattened.Sign(Encoding.UTF8.GetBytes(payload.ToJsonString()), new JwsHeader(JwsHeader.EdDsa, ReceiverKid, ReceiptV1.MediaType), receiver);

        Assert.Equal(ReceiptVerdict.Malformed, Verify(jws).Verdict);
    }

    [Fact]
    public void Version2_IsUnsupportedVersion()
    {
        var payload = JsonNode.Parse(FederationJson.SerializeToUtf8Bytes(Receipt()))!.AsObject();
        payload["version"] = 2;
        var jws = JwsFlattened.Sign(Encoding.UTF8.GetBytes(payload.ToJsonString()), new JwsHeader(JwsHeader.EdDsa, ReceiverKid, ReceiptV1.MediaType), receiver);

        Assert.Equal(ReceiptVerdict.UnsupportedVersion, Verify(jws).Verdict);
    }
}
