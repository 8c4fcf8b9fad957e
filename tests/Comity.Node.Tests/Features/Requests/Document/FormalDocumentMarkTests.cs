using Comity.Node.Features.Requests.Document;

namespace Comity.Node.Tests.Features.Requests.Document;

/// <summary>The mark a formal document carries: its text form, and what is not one.</summary>
public sealed class FormalDocumentMarkTests
{
    private static readonly Guid Id = Guid.Parse("01a19b7c-a680-7c3f-ab26-bf70ec441dca");
    private static readonly string Digest = FormalDocumentMark.Sha256("a.b.c");

    [Fact]
    public void Sha256_OfTheJwsUtf8_LowercaseHex()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", FormalDocumentMark.Sha256("abc"));
    }

    [Fact]
    public void ToString_ThenTryParse_RoundTrips_RequestAndAnswer()
    {
        var request = new FormalDocumentMark(Id, Digest);
        var answer = new FormalDocumentMark(Id, Digest, 8, FormalDocumentMark.Sha256("d.e.f"));
        Assert.Equal($"comity:request:{Id:D}:sha256:{Digest}", request.ToString());
        Assert.True(FormalDocumentMark.TryParse(request.ToString(), out var parsedRequest));
        Assert.Equal(request, parsedRequest);
        Assert.True(FormalDocumentMark.TryParse(answer.ToString(), out var parsedAnswer));
        Assert.Equal(answer, parsedAnswer);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("comity:request:not-a-guid:sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("comity:request:01a19b7c-a680-7c3f-ab26-bf70ec441dca:sha256:BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD")]
    [InlineData("comity:request:01a19b7c-a680-7c3f-ab26-bf70ec441dca:sha256:ba7816bf")]
    [InlineData("comity:request:01a19b7c-a680-7c3f-ab26-bf70ec441dca:sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad:answer:-1:sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("other:request:01a19b7c-a680-7c3f-ab26-bf70ec441dca:sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    public void TryParse_NotAMark_False(string? text)
    {
        Assert.False(FormalDocumentMark.TryParse(text, out _));
    }

    [Fact]
    public void Read_NotAPdf_Null()
    {
        using var stream = new MemoryStream("%PDF-1.4 not really"u8.ToArray());
        Assert.Null(FormalDocumentMark.Read(stream));
    }
}
