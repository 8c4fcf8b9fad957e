using Comity.Domain.Cooperation;
using Comity.Domain.Cooperation.Offences;
using Comity.Domain.Legal;

namespace Comity.Domain.Tests.Cooperation;

[Trait("Article", "40")]
public sealed class AssistancePurposesTests
{
    [Fact]
    public void All_ThirteenPurposesInTheReferencesOrder_WithUniqueCamelCaseCodes()
    {
        var codes = AssistancePurposes.All.Select(p => p.Code).ToList();

        Assert.Equal(13, codes.Count);
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(codes, c => Assert.Matches("^[a-z]+([A-Z][a-z0-9]*)*$", c));
        Assert.Equal("takingEvidenceOrStatements", codes[0]);
        Assert.Equal("otherAssistance", codes[^1]);
        Assert.All(AssistancePurposes.All, p => Assert.False(string.IsNullOrWhiteSpace(p.Label)));
    }

    [Fact]
    [Trait("Article", "44")]
    [Trait("Article", "45")]
    [Trait("Article", "46")]
    public void All_EachPurposeCitesTheListOfPurposes_OrTheArticleTheReferenceNamesForIt()
    {
        var bases = AssistancePurposes.All.ToDictionary(p => p.Code, p => p.Basis);

        Assert.Equal(Convention.Art(44), bases["accessingStoredData"]);
        Assert.Equal(Convention.Art(45), bases["realTimeCollectionOfTrafficData"]);
        Assert.Equal(Convention.Art(46), bases["interceptionOfContentData"]);
        Assert.All(
            bases.Where(b => b.Key is not ("accessingStoredData" or "realTimeCollectionOfTrafficData" or "interceptionOfContentData")),
            b => Assert.Equal(AssistanceProvisions.Purposes, b.Value));
        Assert.Contains(ArticleCatalogue.KnownDoubts, d => d.Reference == AssistanceProvisions.Purposes);
    }

    [Fact]
    public void All_OnlyServiceOfDocumentsNeedsNoSummaryOfFacts()
    {
        Assert.Equal(["serviceOfDocuments"], AssistancePurposes.All.Where(p => !p.RequiresSummaryOfFacts).Select(p => p.Code));
        Assert.Equal(AssistanceProvisions.RequestContents, AssistancePurposes.SummaryOfFactsBasis);
    }

    [Fact]
    public void All_OnlyPurposesThatCompelNoOneAreNonCoercive()
    {
        Assert.Equal(
            ["serviceOfDocuments", "informationEvidenceAndExpertEvaluations", "voluntaryAppearance"],
            AssistancePurposes.All.Where(p => !p.IsCoercive).Select(p => p.Code));
        Assert.All(AssistancePurposes.All, p => Assert.Equal(p.IsCoercive ? AssistanceMeasure.Coercive : AssistanceMeasure.NonCoercive, p.Measure));
    }

    [Fact]
    public void TryGet_KnownAndUnknownCodes()
    {
        Assert.True(AssistancePurposes.TryGet("serviceOfDocuments", out var service));
        Assert.False(service.IsCoercive);
        Assert.False(AssistancePurposes.TryGet("ServiceOfDocuments", out _));
        Assert.False(AssistancePurposes.TryGet(null, out _));
    }
}
