using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using Comity.Node.Hosting;
using Comity.Node.Ui.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Comity.Node.Tests.Ui;

/// <summary>
/// Every resource file of the node (found by reflection, so files added later are covered too) has
/// every key in each of the other five official languages, with a non-empty value, and no key the
/// English file lacks.
/// </summary>
public sealed class TranslationCompletenessTests
{
    private static readonly Assembly Node = typeof(ComityNodeHost).Assembly;

    public static TheoryData<string> Translations => ["fr", "es", "ru", "ar", "zh-Hans"];

    [Fact]
    public void NeutralResources_AreFound()
    {
        Assert.Contains(typeof(UiText).FullName, NeutralBaseNames());
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void EveryResource_InLanguage_HasEveryKeyAndNoExtra(string culture)
    {
        var problems = new List<string>();
        foreach (var baseName in NeutralBaseNames())
        {
            var manager = new ResourceManager(baseName, Node);
            var neutral = Entries(manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false));
            var translated = Entries(manager.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false));
            if (translated is null)
            {
                problems.Add($"{baseName}: no {culture} resource file");
                continue;
            }

            problems.AddRange(neutral!.Keys.Where(k => !translated.TryGetValue(k, out var v) || string.IsNullOrWhiteSpace(v))
                .Select(k => $"{baseName}.{culture}: missing or empty '{k}'"));
            problems.AddRange(translated.Keys.Where(k => !neutral.ContainsKey(k))
                .Select(k => $"{baseName}.{culture}: '{k}' is not in the neutral file"));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Localizer_French_ReturnsFrenchText()
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        var localizer = factory.Create(typeof(UiText));
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");
            var text = localizer["SignOut"];

            Assert.False(text.ResourceNotFound);
            Assert.Equal("Se déconnecter", text.Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static List<string> NeutralBaseNames() =>
        [.. Node.GetManifestResourceNames()
            .Where(n => n.EndsWith(".resources", StringComparison.Ordinal))
            .Select(n => n[..^".resources".Length])
            .Order(StringComparer.Ordinal)];

    private static Dictionary<string, string?>? Entries(ResourceSet? set)
    {
        if (set is null)
        {
            return null;
        }

        var entries = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in set)
        {
            entries[(string)entry.Key] = entry.Value as string;
        }

        return entries;
    }
}
