using System.Collections;
using System.Globalization;
using System.Resources;
using Comity.Node.Features.Treaty;

namespace Comity.Node.Tests.Features.Treaty;

public sealed class TreatyTextTests
{
    public static TheoryData<string> Languages => new("fr", "es", "ru", "ar", "zh-Hans");

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryKey_IsTranslatedIntoEveryUnLanguage(string language)
    {
        var resources = new ResourceManager(typeof(TreatyText).FullName!, typeof(TreatyText).Assembly);
        var english = Keys(resources, CultureInfo.InvariantCulture);
        var translated = Keys(resources, CultureInfo.GetCultureInfo(language));

        Assert.NotEmpty(english);
        Assert.Equal(english, translated);
    }

    private static SortedSet<string> Keys(ResourceManager resources, CultureInfo culture) =>
        new(resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().Select(e => (string)e.Key), StringComparer.Ordinal);
}
