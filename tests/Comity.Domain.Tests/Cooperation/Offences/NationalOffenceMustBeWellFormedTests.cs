using Comity.Domain.Cooperation.Offences;
using Comity.Domain.Legal;
using static Comity.Domain.Tests.Cooperation.Offences.OffenceBuilder;

namespace Comity.Domain.Tests.Cooperation.Offences;

public sealed class NationalOffenceMustBeWellFormedTests
{
    [Fact]
    public void Check_CompleteOffence_IsValid()
    {
        var offence = new NationalOffence("FR-CP-323-1", "Accès frauduleux à un système de traitement automatisé de données", 24, ["illegalAccess"]);

        Assert.True(NationalOffenceMustBeWellFormed.Check(offence).IsValid);
    }

    [Fact]
    public void Check_NoConventionOffencesAndNoDeprivationOfLiberty_IsValid() =>
        Assert.True(NationalOffenceMustBeWellFormed.Check(Offence(months: null)).IsValid);

    [Fact]
    public void Check_CodeOfExactlyTheMaximumLength_IsValid() =>
        Assert.True(NationalOffenceMustBeWellFormed.Check(Offence(new string('X', NationalOffence.MaxCodeLength))).IsValid);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Check_BlankCode_IsRefusedNamingTheField(string code)
    {
        var violation = Assert.Single(NationalOffenceMustBeWellFormed.Check(Offence(code)).Violations);

        Assert.Equal((NationalOffenceMustBeWellFormed.CodeMissing, "code"), (violation.Code, violation.Field));
        Assert.Equal(nameof(NationalOffenceMustBeWellFormed), violation.Rule);
    }

    [Fact]
    public void Check_CodeLongerThanSixtyFour_IsRefusedNamingTheField()
    {
        var violation = Assert.Single(NationalOffenceMustBeWellFormed.Check(Offence(new string('X', 65))).Violations);

        Assert.Equal((NationalOffenceMustBeWellFormed.CodeTooLong, "code"), (violation.Code, violation.Field));
        Assert.Contains("65", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BlankTitle_IsRefusedNamingTheField()
    {
        var violation = Assert.Single(NationalOffenceMustBeWellFormed.Check(Offence() with { Title = " " }).Violations);

        Assert.Equal((NationalOffenceMustBeWellFormed.TitleMissing, "title"), (violation.Code, violation.Field));
    }

    [Fact]
    [Trait("Article", "2(h)")]
    public void Check_NegativePenalty_IsRefusedCitingTheDefinitionOfSeriousCrime()
    {
        var violation = Assert.Single(NationalOffenceMustBeWellFormed.Check(Offence(months: -1)).Violations);

        Assert.Equal((NationalOffenceMustBeWellFormed.PenaltyNegative, "maximumPenaltyMonths"), (violation.Code, violation.Field));
        Assert.Equal(Convention.Art(2, null, "h"), violation.Basis);
        Assert.True(NationalOffenceMustBeWellFormed.Check(Offence(months: 0)).IsValid);
    }

    [Fact]
    [Trait("Article", "35")]
    public void Check_UnknownConventionOffenceCodes_AreEachRefusedNamingTheCodeAndItsPosition()
    {
        var offence = Offence(conventionCodes: ["illegalAccess", "computerFraud", "IllegalInterception"]);

        var violations = NationalOffenceMustBeWellFormed.Check(offence).Violations;

        Assert.Equal(["conventionOffenceCodes[1]", "conventionOffenceCodes[2]"], violations.Select(v => v.Field));
        Assert.All(violations, v => Assert.Equal(NationalOffenceMustBeWellFormed.UnknownConventionOffence, v.Code));
        Assert.All(violations, v => Assert.Equal(Convention.Art(35), v.Basis));
        Assert.Contains("'computerFraud'", violations[0].Message, StringComparison.Ordinal);
        Assert.Contains("'IllegalInterception'", violations[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_EverythingWrong_ReportsEveryViolation()
    {
        var offence = new NationalOffence("", "", -5, ["", "nope"]);

        var violations = NationalOffenceMustBeWellFormed.Check(offence).Violations;

        Assert.Equal(
            ["code", "title", "maximumPenaltyMonths", "conventionOffenceCodes[0]", "conventionOffenceCodes[1]"],
            violations.Select(v => v.Field));
    }

    [Fact]
    public void Check_NullOffenceOrNullList_DoesNotThrow()
    {
        Assert.Equal(
            [NationalOffenceMustBeWellFormed.CodeMissing, NationalOffenceMustBeWellFormed.TitleMissing],
            NationalOffenceMustBeWellFormed.Check(null).Violations.Select(v => v.Code));
        Assert.True(NationalOffenceMustBeWellFormed.Check(Offence() with { ConventionOffenceCodes = null! }).IsValid);
    }

    [Fact]
    public void CoveredConventionOffences_KeepsKnownCodesInArticleOrder()
    {
        var offence = Offence(conventionCodes: ["launderingOfProceeds", "unknown", "illegalAccess"]);

        Assert.Equal([ConventionOffences.IllegalAccess, ConventionOffences.LaunderingOfProceeds], offence.CoveredConventionOffences);
    }
}
