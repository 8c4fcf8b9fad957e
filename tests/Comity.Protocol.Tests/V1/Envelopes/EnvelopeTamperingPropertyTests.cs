using System.Text;
using Comity.Protocol.V1;
using CsCheck;
using static Comity.Protocol.Tests.V1.Envelopes.FederationTestVector;

namespace Comity.Protocol.Tests.V1.Envelopes;

/// <summary>No single-byte change to a signed envelope or receipt, anywhere in its bytes, is accepted.</summary>
public sealed class EnvelopeTamperingPropertyTests
{
    private const long Iterations = 2_000;

    private static readonly DateTimeOffset Now = CreatedAt.AddSeconds(2);

    private readonly RegisterV1 register = Register();
    private readonly byte[] envelope = Encoding.UTF8.GetBytes(EnvelopeJws());
    private readonly string receipt = ReceiptJws();

    [Fact]
    public void AnySingleByteChange_ToTheEnvelopeJws_IsNeverAccepted()
    {
        Assert.True(EnvelopeVerifier.Verify(envelope, register, "XB", Now, EnvelopeVerifier.DefaultClockSkew, EnvelopeVerifier.DefaultMaxBytes).IsAccepted);

        Gen.Select(Gen.Int[0, envelope.Length - 1], Gen.Byte[1, 255]).Sample((index, mask) =>
        {
            var changed = (byte[])envelope.Clone();
            changed[index] ^= mask;

            var result = EnvelopeVerifier.Verify(changed, register, "XB", Now, EnvelopeVerifier.DefaultClockSkew, EnvelopeVerifier.DefaultMaxBytes);

            Assert.False(result.IsAccepted, $"byte {index} ^ {mask} was accepted: {result.Message}");
            Assert.Null(result.Envelope);
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void AnySingleByteChange_ToTheEnvelopeBytes_MakesTheReceiptWrongEnvelope()
    {
        Gen.Select(Gen.Int[0, envelope.Length - 1], Gen.Byte[1, 255]).Sample((index, mask) =>
        {
            var changed = (byte[])envelope.Clone();
            changed[index] ^= mask;

            Assert.Equal(ReceiptVerdict.WrongEnvelope, ReceiptVerifier.Verify(receipt, changed, register, "XB").Verdict);
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void AnySingleCharacterChange_ToTheReceiptJws_IsNeverAccepted()
    {
        Gen.Select(Gen.Int[0, receipt.Length - 1], Gen.Char['!', '~']).Where((index, c) => receipt[index] != c).Sample((index, replacement) =>
        {
            var changed = string.Concat(receipt.AsSpan(0, index), replacement.ToString(), receipt.AsSpan(index + 1));

            Assert.False(ReceiptVerifier.Verify(changed, envelope, register, "XB").IsAccepted, $"position {index} → {replacement} was accepted");
        }, iter: Iterations, threads: 1);
    }
}
