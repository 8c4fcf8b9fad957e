using Comity.Domain.Directory;
using Comity.Domain.Legal;

namespace Comity.Domain.Tests.Directory;

public sealed class ContactValidationTests
{
    [Theory]
    [Trait("Article", "40(14)")]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("ar")]
    [InlineData("zh")]
    [InlineData("zh-Hans")]
    [InlineData("es-419")]
    [InlineData("ru")]
    [InlineData("pt-BR")]
    [InlineData("sr-Latn-RS")]
    public void CheckLanguage_Bcp47Tags_AreAccepted(string tag) => Assert.Null(ContactValidation.CheckLanguage(tag));

    [Theory]
    [InlineData("")]
    [InlineData("english")]
    [InlineData("e")]
    [InlineData("en_GB")]
    [InlineData("fr-")]
    [InlineData("12")]
    public void CheckLanguage_Others_AreRefused(string tag) => Assert.NotNull(ContactValidation.CheckLanguage(tag));

    [Fact]
    public void NormalizeLanguage_FixesCase()
    {
        Assert.Equal("zh-Hans", ContactValidation.NormalizeLanguage("ZH-hans"));
        Assert.Equal("pt-BR", ContactValidation.NormalizeLanguage("pt-br"));
    }

    [Theory]
    [InlineData(ChannelKind.Phone, "+33 1 23 45 67 89", true)]
    [InlineData(ChannelKind.Phone, "+65-6123-4567", true)]
    [InlineData(ChannelKind.Phone, "0123456789", false)]
    [InlineData(ChannelKind.Phone, "+1 234", false)]
    [InlineData(ChannelKind.Email, "duty@ca.xa.example", true)]
    [InlineData(ChannelKind.Email, "duty at ca", false)]
    [InlineData(ChannelKind.Platform, "https://node.xa.example/", true)]
    [InlineData(ChannelKind.Platform, "http://node.xa.example/", false)]
    [InlineData(ChannelKind.Portal, "ftp://le.example", false)]
    public void CheckChannel_ByKind(ChannelKind kind, string value, bool valid) =>
        Assert.Equal(valid, ContactValidation.CheckChannel(kind, value) is null);

    [Fact]
    public void TimeZone_IanaIds_FromEmbeddedTzdb()
    {
        Assert.NotNull(ContactValidation.TimeZone("Asia/Singapore"));
        Assert.NotNull(ContactValidation.TimeZone("America/Bogota"));
        Assert.Null(ContactValidation.TimeZone("Mars/Olympus"));
        Assert.Null(ContactValidation.TimeZone("CET+1"));
    }

    [Fact]
    public void Roles_CiteTheirArticles_AndEveryCitationIsListedAsDoubtful()
    {
        Assert.Equal("Art. 40(13)", DesignationRole.CentralAuthority.Basis().ToString());
        Assert.Equal("Art. 41(1)", DesignationRole.PointOfContact247.Basis().ToString());
        Assert.Equal("Art. 37", DesignationRole.ExtraditionAuthority.Basis().ToString());
        Assert.Equal("Art. 53", DesignationRole.PreventionAuthority.Basis().ToString());
        Assert.All(DesignationRoles.All, r => Assert.Contains(ArticleCatalogue.KnownDoubts, d => d.Reference == r.Basis()));
        Assert.All(DesignationRoles.All, r => Assert.True(DesignationRoles.TryParse(r.Wire(), out var parsed) && parsed == r));
    }
}
