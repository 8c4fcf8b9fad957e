using System.Globalization;
using System.Reflection;
using System.Resources;
using Comity.Domain.Cooperation;
using Comity.Node.Features.Requests;
using Comity.Node.Features.Requests.Validate;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Comity.Node.Tests.Features.Requests;

/// <summary>
/// Every problem code the request API can give an officer has its own text in the pages' resources, so no
/// message reaches a page in English only (TranslationCompletenessTests then holds each text to six languages).
/// </summary>
public sealed class RequestProblemTextTests
{
    /// <summary>Codes that only a peer node can meet (refused envelopes): the officer never sees them on a page.</summary>
    private static readonly string[] PeerOnly = [RequestEnvelopeRules.Malformed, RequestEnvelopeRules.NotAParty, RequestEnvelopeRules.OutOfSequence];

    public static TheoryData<string> Codes()
    {
        var constants = new[] { typeof(RequestDraftValidator), typeof(RequestCodes), typeof(RequestDraftChecker), typeof(RequestEnvelopeRules) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy))
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);
        return [.. TransitionRules.All.Select(r => r.Code).Concat(constants).Where(c => c.Contains('.', StringComparison.Ordinal)).Except(PeerOnly).Distinct().Order(StringComparer.Ordinal)];
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void ProblemCode_HasItsOwnTextForThePages(string code)
    {
        var resources = new ResourceManager(typeof(RequestsText).FullName!, typeof(RequestsText).Assembly);
        var neutral = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;

        // A missing content item is worded per item ("Data to preserve: …"), through its content label.
        var key = code == RequestDraftValidator.MissingContent ? "ProblemMissingContent" : "Problem_" + code;
        Assert.False(string.IsNullOrWhiteSpace(neutral.GetString(key)), $"No '{key}' in RequestsText.resx: the pages would show '{code}' in English only.");
    }

    [Fact]
    public void ProblemCodes_FoundByReflection_IncludeTheNodesOwn()
    {
        var codes = Codes().Select(row => row.Data).ToList();
        Assert.Contains(RequestCodes.TextTooLong, codes);
        Assert.Contains("preservation.period-too-short", codes);
        Assert.Contains(RequestDraftValidator.RetentionInvalid, codes);
    }

    [Theory]
    [InlineData("en", "Too long: at most 8,000 characters.")]
    [InlineData("fr", "Trop long : 8\u202f000 caractères au plus.")]
    [InlineData("ru", "Слишком длинно: не более 8\u00a0000 символов.")]
    public void ProblemWithALimit_IsFormattedInTheReadersCulture(string culture, string expected)
    {
        var text = new StringLocalizer<RequestsText>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            var message = text.Message(RequestWire.TooLong("note", RequestLimits.NoteText));

            Assert.StartsWith(expected, message, StringComparison.Ordinal);
            Assert.Contains("Art. 41", message, StringComparison.Ordinal);
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }
}
