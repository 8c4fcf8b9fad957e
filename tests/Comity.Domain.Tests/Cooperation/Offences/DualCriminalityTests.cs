using Comity.Domain.Cooperation.Offences;
using Comity.Domain.Legal;
using static Comity.Domain.Tests.Cooperation.Offences.OffenceBuilder;

namespace Comity.Domain.Tests.Cooperation.Offences;

[Trait("Article", "35")]
public sealed class DualCriminalityTests
{
    private static readonly NationalOffence Hacking = Offence("XA-PC-1", 60, "illegalAccess", "interferenceWithElectronicData");
    private static readonly NationalOffence Drugs = Offence("XA-PC-9", 120);

    private static readonly NationalOffence[] RequestedState =
    [
        Offence("XB-CP-323-1", 24, "illegalAccess"),
        Offence("XB-CP-313-1", 84, "ictSystemRelatedTheftOrFraud"),
    ];

    [Fact]
    public void Assess_RequestedStateCoversTheSameConventionOffence_IsMet()
    {
        var assessment = DualCriminality.Assess(Hacking, RequestedState, AssistanceMeasure.Coercive);

        Assert.True(assessment.DualCriminalityMet.Holds);
        Assert.Equal(Convention.Art(35), assessment.DualCriminalityMet.Basis);
        Assert.Equal(["XB-CP-323-1"], assessment.MatchingOffences.Select(o => o.Code));
        Assert.Contains("Illegal access (Art. 7)", assessment.DualCriminalityMet.Reason, StringComparison.Ordinal);
        Assert.False(assessment.MayBeRefusedForLackOfDualCriminality.Holds);
    }

    [Fact]
    public void Assess_NoRequestedOffenceCoversTheSameConventionOffences_IsNotMet()
    {
        var fraud = Offence("XA-PC-2", 60, "ictSystemRelatedForgery");

        var assessment = DualCriminality.Assess(fraud, RequestedState, AssistanceMeasure.Coercive);

        Assert.False(assessment.DualCriminalityMet.Holds);
        Assert.Empty(assessment.MatchingOffences);
        Assert.False(assessment.SeriousInRequestedState.Holds);
        Assert.Contains("officer", assessment.DualCriminalityMet.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_OffenceOutsideTheConvention_IsNotAConventionOffence_AndTheMappingsCannotShowDualCriminality()
    {
        var assessment = DualCriminality.Assess(Drugs, RequestedState, AssistanceMeasure.NonCoercive);

        Assert.False(assessment.IsConventionOffence.Holds);
        Assert.Empty(assessment.CoveredConventionOffences);
        Assert.True(assessment.SeriousInRequestingState.Holds);
        Assert.False(assessment.DualCriminalityMet.Holds);
        Assert.Contains("officer compares the conduct", assessment.DualCriminalityMet.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Article", "7")]
    public void Assess_ConventionOffence_CitesTheArticleOfTheOffence()
    {
        var assessment = DualCriminality.Assess(Hacking, RequestedState, AssistanceMeasure.Coercive);

        Assert.True(assessment.IsConventionOffence.Holds);
        Assert.Equal(Convention.Art(7), assessment.IsConventionOffence.Basis);
        Assert.Equal([ConventionOffences.IllegalAccess, ConventionOffences.InterferenceWithElectronicData], assessment.CoveredConventionOffences);
    }

    [Fact]
    [Trait("Article", "2(h)")]
    public void Assess_SeriousCrime_IsJudgedInEachStateByItsOwnMaximum()
    {
        var assessment = DualCriminality.Assess(Hacking, RequestedState, AssistanceMeasure.Coercive);

        Assert.True(assessment.SeriousInRequestingState.Holds);
        Assert.False(assessment.SeriousInRequestedState.Holds);
        Assert.Contains("24 months", assessment.SeriousInRequestedState.Reason, StringComparison.Ordinal);

        var serious = DualCriminality.Assess(Hacking, [Offence("XB-1", 47, "illegalAccess"), Offence("XB-2", 48, "interferenceWithElectronicData")], AssistanceMeasure.Coercive);
        Assert.True(serious.SeriousInRequestedState.Holds);
        Assert.Contains("XB-2", serious.SeriousInRequestedState.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    [Trait("Article", "42")]
    public void Assess_Preservation_IsNeverRefusableForLackOfDualCriminality(bool conventionOffence)
    {
        var offence = conventionOffence ? Offence("XA-1", 12, "ictSystemRelatedForgery") : Drugs;

        var assessment = DualCriminality.Assess(offence, RequestedState, AssistanceMeasure.Preservation);

        Assert.False(assessment.DualCriminalityMet.Holds);
        Assert.False(assessment.MayBeRefusedForLackOfDualCriminality.Holds);
        Assert.Equal(Convention.Art(42), assessment.MayBeRefusedForLackOfDualCriminality.Basis);
    }

    [Fact]
    [Trait("Article", "42(5)")]
    public void Assess_PreservationUnderTheReservation_IsRefusableOnlyForOffencesOutsideTheConvention()
    {
        var outside = DualCriminality.Assess(Drugs, RequestedState, AssistanceMeasure.Preservation, requestedStateReservedPreservation: true);
        var convention = DualCriminality.Assess(Offence("XA-1", 12, "ictSystemRelatedForgery"), RequestedState, AssistanceMeasure.Preservation, requestedStateReservedPreservation: true);

        Assert.True(outside.MayBeRefusedForLackOfDualCriminality.Holds);
        Assert.Equal(Convention.Art(42, 5), outside.MayBeRefusedForLackOfDualCriminality.Basis);
        Assert.False(convention.MayBeRefusedForLackOfDualCriminality.Holds);
        Assert.Equal(Convention.Art(42, 5), convention.MayBeRefusedForLackOfDualCriminality.Basis);
    }

    [Fact]
    [Trait("Article", "40")]
    public void Assess_CoerciveAssistanceWithoutDualCriminality_IsRefusable()
    {
        var assessment = DualCriminality.Assess(Drugs, RequestedState, AssistanceMeasure.Coercive);

        Assert.True(assessment.MayBeRefusedForLackOfDualCriminality.Holds);
        Assert.Equal(AssistanceProvisions.DualCriminality, assessment.MayBeRefusedForLackOfDualCriminality.Basis);
        Assert.Contains("discretion", assessment.MayBeRefusedForLackOfDualCriminality.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Article", "40")]
    public void Assess_NonCoerciveAssistanceWithoutDualCriminality_IsRefusableToo_AsTheReferenceDrawsNoLine()
    {
        var assessment = DualCriminality.Assess(Drugs, RequestedState, AssistanceMeasure.NonCoercive);

        Assert.True(assessment.MayBeRefusedForLackOfDualCriminality.Holds);
        Assert.Equal(AssistanceProvisions.DualCriminality, assessment.MayBeRefusedForLackOfDualCriminality.Basis);
        Assert.Equal(DualCriminality.RuleFor(AssistanceMeasure.Coercive) with { Measure = AssistanceMeasure.NonCoercive }, DualCriminality.RuleFor(AssistanceMeasure.NonCoercive));
    }

    [Fact]
    public void Rules_OnePerMeasure_InTheEnumsOrder()
    {
        Assert.Equal(Enum.GetValues<AssistanceMeasure>(), DualCriminality.Rules.Select(r => r.Measure));
        Assert.All(Enum.GetValues<AssistanceMeasure>(), m => Assert.Equal(m, DualCriminality.RuleFor(m).Measure));
        Assert.Throws<ArgumentOutOfRangeException>(() => DualCriminality.RuleFor((AssistanceMeasure)99));
    }

    [Fact]
    public void Assess_EveryMeasureAndCase_EachConclusionCitesAnArticleAndGivesAReason()
    {
        NationalOffence[] requesting = [Hacking, Drugs, Offence("XA-3", null, "misuseOfDevices")];
        var cases =
            from offence in requesting
            from measure in Enum.GetValues<AssistanceMeasure>()
            from reserved in new[] { false, true }
            select DualCriminality.Assess(offence, RequestedState, measure, reserved);

        Assert.All(cases, assessment =>
        {
            Assert.Equal(5, assessment.Conclusions.Count);
            Assert.All(assessment.Conclusions, c =>
            {
                Assert.InRange(c.Basis.Article, 1, Convention.ArticleCount);
                Assert.False(string.IsNullOrWhiteSpace(c.Reason));
            });
        });
    }
}
