using Comity.Domain.Cooperation.Offences;
using Comity.Domain.Legal;
using static Comity.Domain.Tests.Cooperation.Offences.OffenceBuilder;

namespace Comity.Domain.Tests.Cooperation.Offences;

[Trait("Article", "2(h)")]
public sealed class SeriousCrimeTests
{
    [Fact]
    public void ThresholdMonths_IsTheConventionsYearsInMonths()
    {
        Assert.Equal(ConventionNumbers.SeriousCrimeYears.Value * 12, SeriousCrime.ThresholdMonths);
        Assert.Equal(48, SeriousCrime.ThresholdMonths);
        Assert.Equal(ConventionNumbers.SeriousCrimeYears.Basis, SeriousCrime.Basis);
    }

    [Theory]
    [InlineData(47, false)]
    [InlineData(48, true)]
    [InlineData(49, true)]
    [InlineData(0, false)]
    public void Is_AtTheBoundary_IsSeriousFromFortyEightMonths(int months, bool serious) =>
        Assert.Equal(serious, SeriousCrime.Is(Offence(months: months)));

    [Fact]
    public void Is_NotPunishableByDeprivationOfLiberty_IsNotSerious() =>
        Assert.False(SeriousCrime.Is(Offence(months: null)));
}
