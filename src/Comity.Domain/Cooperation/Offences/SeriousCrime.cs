using System.Globalization;
using Comity.Domain.Legal;

namespace Comity.Domain.Cooperation.Offences;

/// <summary>
/// Serious crime (Art. 2(h)): conduct punishable by a maximum deprivation of liberty of at least
/// <see cref="ConventionNumbers.SeriousCrimeYears"/> years, or by a more serious penalty. Cooperation reaches the
/// electronic evidence of any serious crime, not only of the Convention offences (Art. 35).
/// </summary>
public static class SeriousCrime
{
    private const int MonthsPerYear = 12;

    /// <summary>The definition, cited where <see cref="ConventionNumbers.SeriousCrimeYears"/> defines the number.</summary>
    public static ArticleReference Basis => ConventionNumbers.SeriousCrimeYears.Basis;

    /// <summary>The threshold in months: the smallest maximum penalty that makes an offence a serious crime.</summary>
    public static int ThresholdMonths => ConventionNumbers.SeriousCrimeYears.Value * MonthsPerYear;

    /// <summary>True when the offence's maximum deprivation of liberty reaches the threshold; false when it has none.</summary>
    public static bool Is(NationalOffence offence)
    {
        ArgumentNullException.ThrowIfNull(offence);
        return offence.MaximumPenaltyMonths is int months && months >= ThresholdMonths;
    }

    /// <summary>The reason, in English, why the offence is or is not a serious crime in the State that lists it.</summary>
    internal static string Explain(NationalOffence offence, string state) => offence.MaximumPenaltyMonths switch
    {
        null => $"{offence} is not punishable by deprivation of liberty in the {state} State, so it is not a serious crime.",
        int months when months >= ThresholdMonths => string.Create(
            CultureInfo.InvariantCulture,
            $"{offence} carries up to {months} months in the {state} State, at least the {ThresholdMonths} months of a serious crime."),
        int months => string.Create(
            CultureInfo.InvariantCulture,
            $"{offence} carries up to {months} months in the {state} State, under the {ThresholdMonths} months of a serious crime."),
    };
}
