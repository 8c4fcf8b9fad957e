using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;

namespace Comity.Domain.Treaty;

public static partial class ParticipantCatalogue
{
    /// <summary>The six languages of the Convention (Art. 68), as culture names.</summary>
    public static IReadOnlyList<CultureInfo> UnLanguages { get; } =
        new[] { "en", "fr", "es", "ru", "ar", "zh-Hans" }.Select(CultureInfo.GetCultureInfo).ToArray();

    // Names ICU does not give in their UN form (it has "Vatican City" and "Palestinian Territories"),
    // and the EU, which is not a region in ICU.
    private static readonly FrozenDictionary<(string Code, string Language), string> OwnNames =
        new Dictionary<(string Code, string Language), string>
        {
            [("EU", "en")] = "European Union",
            [("EU", "fr")] = "Union européenne",
            [("EU", "es")] = "Unión Europea",
            [("EU", "ru")] = "Европейский союз",
            [("EU", "ar")] = "الاتحاد الأوروبي",
            [("EU", "zh-Hans")] = "欧洲联盟",
            [("VA", "fr")] = "Saint-Siège",
            [("VA", "es")] = "Santa Sede",
            [("VA", "ru")] = "Святейший Престол",
            [("VA", "ar")] = "الكرسي الرسولي",
            [("VA", "zh-Hans")] = "教廷",
            [("PS", "fr")] = "État de Palestine",
            [("PS", "es")] = "Estado de Palestina",
            [("PS", "ru")] = "Государство Палестина",
            [("PS", "ar")] = "دولة فلسطين",
            [("PS", "zh-Hans")] = "巴勒斯坦国",
        }.ToFrozenDictionary();

    private static readonly ConcurrentDictionary<(string Code, string Language), string> IcuNames = new();

    /// <summary>
    /// The participant's name in one of the six UN languages. English is the UN Treaty Collection
    /// short name. Other languages come from ICU through <see cref="RegionInfo.NativeName"/> of the
    /// culture <c>{language}-{code}</c> (for example <c>fr-DE</c> gives "Allemagne"), which does not
    /// depend on the current UI culture; these are CLDR common names ("Corée du Nord"), not the UNTERM
    /// formal names. Cultures outside the six languages fall back to the English UN name.
    /// </summary>
    public static string DisplayName(ParticipantCode code, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var participant = Get(code);
        var language = UnLanguageOf(culture);
        if (language is null or "en")
        {
            return participant.UnName;
        }

        if (OwnNames.TryGetValue((code.Value, language), out var own))
        {
            return own;
        }

        return IcuNames.GetOrAdd((code.Value, language), static key => IcuName(key.Code, key.Language) ?? Get(ParticipantCode.Create(key.Code)).UnName);
    }

    private static string? IcuName(string code, string language)
    {
        try
        {
            var name = new RegionInfo($"{language}-{code}").NativeName;
            return string.IsNullOrWhiteSpace(name) || string.Equals(name, code, StringComparison.Ordinal) ? null : name;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? UnLanguageOf(CultureInfo culture)
    {
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            switch (c.Name)
            {
                case "en" or "fr" or "es" or "ru" or "ar" or "zh-Hans":
                    return c.Name;
                case "zh-CN" or "zh-SG":
                    return "zh-Hans";
                default:
                    break;
            }
        }

        return null;
    }
}
