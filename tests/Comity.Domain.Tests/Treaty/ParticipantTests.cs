using System.Globalization;
using Comity.Domain.Treaty;
using NodaTime;
using static Comity.Domain.Tests.Treaty.TreatyBuilder;

namespace Comity.Domain.Tests.Treaty;

public sealed class ParticipantCodeTests
{
    [Theory]
    [InlineData("fr", "FR")]
    [InlineData(" EU ", "EU")]
    [InlineData("Gb", "GB")]
    public void TryCreate_WellFormed_NormalizesToUpperCase(string input, string expected)
    {
        Assert.True(ParticipantCode.TryCreate(input, out var code));
        Assert.Equal(expected, code.Value);
        Assert.Equal(expected, code.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("FRA")]
    [InlineData("F1")]
    [InlineData("É")]
    public void TryCreate_Malformed_ReturnsFalse(string? input)
    {
        Assert.False(ParticipantCode.TryCreate(input, out _));
        if (input is not null)
        {
            Assert.Throws<ArgumentException>(() => ParticipantCode.Create(input));
        }
    }
}

public sealed class ParticipantCatalogueTests
{
    [Fact]
    public void All_HasUnMembersObserversAndEu()
    {
        var all = ParticipantCatalogue.All;
        Assert.Equal(193, all.Count(p => p.Kind == ParticipantKind.MemberState));
        Assert.Equal(2, all.Count(p => p.Kind == ParticipantKind.ObserverState));
        Assert.Equal(1, all.Count(p => p.Kind == ParticipantKind.RegionalEconomicIntegrationOrganization));
        Assert.Equal(all.Count, all.Select(p => p.Code).Distinct().Count());
        Assert.Equal(all.Count, all.Select(p => p.UnName).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void TryFind_EveryNameInUntcExtract_Resolves()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "untc-signatures-2025-11.csv");
        var names = File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[0]).ToArray();
        Assert.Equal(31, names.Length);
        Assert.All(names, n => Assert.True(ParticipantCatalogue.TryFind(n, out _), n));
    }

    [Theory]
    [InlineData("fr", "FR")]
    [InlineData("Czechia", "CZ")]
    [InlineData("czech republic", "CZ")]
    [InlineData("Côte d’Ivoire", "CI")]
    [InlineData("Democratic People’s Republic of Korea", "KP")]
    [InlineData("Türkiye", "TR")]
    [InlineData("Netherlands (Kingdom of the)", "NL")]
    [InlineData("European Union", "EU")]
    [InlineData("Holy See", "VA")]
    [InlineData("State of Palestine", "PS")]
    public void TryFind_CodeNameOrAlias_Finds(string text, string code)
    {
        Assert.True(ParticipantCatalogue.TryFind(text, out var participant));
        Assert.Equal(code, participant.Code.Value);
    }

    [Theory]
    [InlineData("XK")]
    [InlineData("Atlantis")]
    [InlineData("")]
    public void TryFind_Unknown_ReturnsFalse(string text) => Assert.False(ParticipantCatalogue.TryFind(text, out _));

    [Theory]
    [InlineData("FR", "fr", "France")]
    [InlineData("FR", "en", "France")]
    [InlineData("DE", "es", "Alemania")]
    [InlineData("EU", "zh-Hans", "欧洲联盟")]
    [InlineData("EU", "ar", "الاتحاد الأوروبي")]
    [InlineData("VA", "fr", "Saint-Siège")]
    [InlineData("IR", "en", "Iran (Islamic Republic of)")]
    public void DisplayName_KnownNames(string code, string culture, string expected) =>
        Assert.Equal(expected, ParticipantCatalogue.DisplayName(P(code), CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void DisplayName_RussianChineseArabic_UseTheirScripts()
    {
        Assert.Contains("Германия", ParticipantCatalogue.DisplayName(P("DE"), CultureInfo.GetCultureInfo("ru")), StringComparison.Ordinal);
        Assert.DoesNotContain(ParticipantCatalogue.DisplayName(P("DE"), CultureInfo.GetCultureInfo("zh-Hans")), c => c < 0x250);
        Assert.DoesNotContain(ParticipantCatalogue.DisplayName(P("DE"), CultureInfo.GetCultureInfo("ar")), c => c is >= 'A' and <= 'z');
        Assert.Equal("Франция", ParticipantCatalogue.DisplayName(P("FR"), CultureInfo.GetCultureInfo("ru-RU")));
    }

    [Fact]
    public void DisplayName_EveryParticipantInEveryUnLanguage_IsNonEmpty()
    {
        foreach (var culture in ParticipantCatalogue.UnLanguages)
        {
            Assert.All(ParticipantCatalogue.All, p => Assert.False(string.IsNullOrWhiteSpace(ParticipantCatalogue.DisplayName(p.Code, culture))));
        }
    }

    [Fact]
    public void MembersOf_EuToday_Has27()
    {
        var members = ParticipantCatalogue.MembersOf(ParticipantCatalogue.EuropeanUnion, new LocalDate(2026, 1, 1));
        Assert.Equal(27, members.Count);
        Assert.DoesNotContain(P("GB"), members);
        Assert.Contains(P("HR"), members);
    }

    [Theory]
    [InlineData("1972-12-31", false)]
    [InlineData("1973-01-01", true)]
    [InlineData("2020-01-31", true)]
    [InlineData("2020-02-01", false)]
    public void IsMemberOf_UnitedKingdom_FollowsAccessionAndWithdrawal(string date, bool expected) =>
        Assert.Equal(expected, ParticipantCatalogue.IsMemberOf(P("GB"), ParticipantCatalogue.EuropeanUnion, D(date)));

    [Fact]
    public void MembersOf_NotAnOrganization_IsEmpty() =>
        Assert.Empty(ParticipantCatalogue.MembersOf(P("FR"), new LocalDate(2026, 1, 1)));
}
