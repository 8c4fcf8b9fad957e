using System.Globalization;
using Comity.Domain.Legal;

namespace Comity.Domain.Cooperation.Offences;

/// <summary>
/// An offence of a State's own law as the State lists it in its directory notification: its own code and title, its
/// maximum penalty (which decides whether it is a serious crime, Art. 2(h)) and the Convention offences it covers
/// (the mapping through which Comity approximates dual criminality, Art. 35). Check it with
/// <see cref="NationalOffenceMustBeWellFormed"/> before publishing it.
/// </summary>
/// <param name="Code">The State's own identifier, at most <see cref="MaxCodeLength"/> characters: <c>FR-CP-323-1</c>.</param>
/// <param name="Title">The offence's name as the State gives it.</param>
/// <param name="MaximumPenaltyMonths">
/// The maximum deprivation of liberty, in months; null when the offence is not punishable by deprivation of liberty.
/// Comity has no separate value yet for life imprisonment or a more serious penalty: a State gives a number of months
/// that is at least the serious-crime threshold.
/// </param>
/// <param name="ConventionOffenceCodes">The codes of the <see cref="ConventionOffences"/> the offence covers; none for an offence outside Arts. 7–17.</param>
public sealed record NationalOffence(string Code, string Title, int? MaximumPenaltyMonths, IReadOnlyList<string> ConventionOffenceCodes)
{
    /// <summary>The longest code Comity accepts (a limit of Comity, not of the Convention).</summary>
    public const int MaxCodeLength = 64;

    /// <summary>The Convention offences the codes name, in article order; unknown codes are left out (the rule refuses them).</summary>
    public IReadOnlyList<ConventionOffence> CoveredConventionOffences =>
        [.. ConventionOffences.All.Where(o => ConventionOffenceCodes?.Contains(o.Code, StringComparer.Ordinal) == true)];

    public override string ToString() => $"{Title} ({Code})";
}

/// <summary>
/// A State's offence is listed with a code of at most <see cref="NationalOffence.MaxCodeLength"/> characters, a title,
/// a penalty that is not negative and only codes of Convention offences. Returns every violation, each naming its
/// field; never throws for bad input.
/// </summary>
public static class NationalOffenceMustBeWellFormed
{
    public const string CodeMissing = "offence.code-missing";
    public const string CodeTooLong = "offence.code-too-long";
    public const string TitleMissing = "offence.title-missing";
    public const string PenaltyNegative = "offence.penalty-negative";
    public const string UnknownConventionOffence = "offence.unknown-convention-offence";

    private const string Rule = nameof(NationalOffenceMustBeWellFormed);

    /// <summary>
    /// The listing exists so that the requested State can apply the conduct test of dual criminality (Art. 35); the
    /// penalty is checked against the definition of serious crime (<see cref="SeriousCrime.Basis"/>).
    /// </summary>
    public static ArticleReference Basis => DualCriminality.ConductBasis;

    public static RuleCheck Check(NationalOffence? offence)
    {
        var problems = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(offence?.Code))
        {
            problems.Add(new(CodeMissing, "Give the offence's own code, as the State's law or directory identifies it (e.g. FR-CP-323-1).", Basis) { Field = "code", Rule = Rule });
        }
        else if (offence.Code.Length > NationalOffence.MaxCodeLength)
        {
            problems.Add(new(
                CodeTooLong,
                string.Create(CultureInfo.InvariantCulture, $"The offence code has {offence.Code.Length} characters; at most {NationalOffence.MaxCodeLength} are allowed."),
                Basis)
            { Field = "code", Rule = Rule });
        }

        if (string.IsNullOrWhiteSpace(offence?.Title))
        {
            problems.Add(new(TitleMissing, "Give the offence's title.", Basis) { Field = "title", Rule = Rule });
        }

        if (offence?.MaximumPenaltyMonths is < 0)
        {
            problems.Add(new(
                PenaltyNegative,
                string.Create(CultureInfo.InvariantCulture, $"The maximum penalty is {offence.MaximumPenaltyMonths} months; give zero or more months, or none when the offence is not punishable by deprivation of liberty."),
                SeriousCrime.Basis)
            { Field = "maximumPenaltyMonths", Rule = Rule });
        }

        var codes = offence?.ConventionOffenceCodes ?? [];
        for (var i = 0; i < codes.Count; i++)
        {
            if (!ConventionOffences.TryGet(codes[i], out _))
            {
                var known = string.Join(", ", ConventionOffences.All.Select(o => o.Code));
                var message = string.IsNullOrWhiteSpace(codes[i])
                    ? $"A Convention offence code is empty; the codes are {known}."
                    : $"'{codes[i]}' is not a Convention offence code; the codes are {known}.";
                problems.Add(new(UnknownConventionOffence, message, Basis)
                {
                    Field = string.Create(CultureInfo.InvariantCulture, $"conventionOffenceCodes[{i}]"),
                    Rule = Rule,
                });
            }
        }

        return problems.Count == 0 ? RuleCheck.Valid : new RuleCheck(problems);
    }
}
