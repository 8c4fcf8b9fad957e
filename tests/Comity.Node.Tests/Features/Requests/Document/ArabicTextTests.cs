using System.Text;
using Comity.Node.Features.Requests.Document;

namespace Comity.Node.Tests.Features.Requests.Document;

/// <summary>The Arabic shaper and the visual ordering of lines for the formal document's PDF, on known words.</summary>
public sealed class ArabicTextTests
{
    [Theory]
    [InlineData("سلام", "\uFEB3\uFEFC\uFEE1")] // seen initial, lam-alef final, meem isolated (alef does not join on)
    [InlineData("محمد", "\uFEE3\uFEA4\uFEE4\uFEAA")] // meem initial, hah medial, meem medial, dal final
    [InlineData("العربية", "\uFE8D\uFEDF\uFECC\uFEAE\uFE91\uFEF4\uFE94")] // alef, lam initial, ain medial, reh final, beh initial, yeh medial, teh marbuta final
    [InlineData("لا", "\uFEFB")] // lam-alef isolated
    [InlineData("ء", "\uFE80")] // hamza has one form
    [InlineData("في", "\uFED3\uFEF2")] // feh initial, yeh final
    [InlineData("على", "\uFECB\uFEE0\uFEF0")] // ain initial, lam medial, alef maksura final
    public void Shape_KnownWords_GiveTheirPresentationForms(string word, string expected)
    {
        Assert.Equal(expected, ArabicText.Shape(word));
    }

    [Theory]
    [InlineData("طلب المساعدة القانونية المتبادلة")]
    [InlineData("المادة 40 من الاتفاقية")]
    [InlineData("بَيْت")]
    public void Shape_ThenNfkc_GivesTheLettersBack(string text)
    {
        var shaped = ArabicText.Shape(text);
        Assert.NotEqual(text, shaped);
        Assert.Equal(text.Normalize(NormalizationForm.FormKC), shaped.Normalize(NormalizationForm.FormKC));
    }

    [Fact]
    public void Shape_LatinAndChinese_Unchanged()
    {
        Assert.Equal("Art. 40(15) 请求", ArabicText.Shape("Art. 40(15) 请求"));
    }

    [Fact]
    public void Visual_ArabicParagraph_ReversesTheLetters_KeepsNumbersAndLatinLeftToRight()
    {
        // The Arabic words swap places and read right to left; "40" and "Art. 7" do not.
        var line = "طلب 40 من Art. 7";
        var visual = ArabicText.Visual(line, rightToLeft: true);
        Assert.Equal("Art. 7 نم 40 بلط", visual);
    }

    [Fact]
    public void Visual_ArabicParagraph_MirrorsBrackets()
    {
        Assert.Equal("(بلط)", ArabicText.Visual("(طلب)", rightToLeft: true));
    }

    [Fact]
    public void Visual_ArabicLabelWithArticle_KeepsTheBracketedArticleOneLeftToRightUnit()
    {
        Assert.Equal("(Art. 40(15)) عوضوم", ArabicText.Visual("موضوع (Art. 40(15))", rightToLeft: true));
    }

    [Fact]
    public void Visual_LatinParagraphWithArabicWord_ReversesOnlyTheArabic()
    {
        // As the bidirectional algorithm has it: a number after Arabic belongs to the Arabic run, so it is drawn on its left.
        Assert.Equal("Request 40 بلط sent", ArabicText.Visual("Request طلب 40 sent", rightToLeft: false));
    }

    [Theory]
    [InlineData("طلب Request", true)]
    [InlineData("12 طلب", true)]
    [InlineData("Request طلب", false)]
    [InlineData("2026", false)]
    public void IsRightToLeft_FollowsTheFirstStrongCharacter(string text, bool expected)
    {
        Assert.Equal(expected, ArabicText.IsRightToLeft(text));
    }
}
