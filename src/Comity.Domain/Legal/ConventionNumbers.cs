namespace Comity.Domain.Legal;

/// <summary>
/// Every fixed number of the Convention that Comity applies, defined once with its citation.
/// Paragraph numbers are corrected in <see cref="ArticleCatalogue"/>'s verification notes and here,
/// never in the rules that use them.
/// </summary>
public static class ConventionNumbers
{
    public static readonly CitedNumber InstrumentsForEntryIntoForce =
        new(40, Convention.Art(65, 1), "instruments of ratification, acceptance, approval or accession");

    public static readonly CitedNumber DaysAfterFortiethInstrument =
        new(90, Convention.Art(65, 1), "days after deposit of the fortieth instrument");

    public static readonly CitedNumber DaysAfterLaterDeposit =
        new(30, Convention.Art(65, 2), "days after a deposit made after the fortieth instrument");

    public static readonly CitedNumber AmendmentBarYears =
        new(5, Convention.Art(66, 1), "years after entry into force before amendments may be proposed");

    public static readonly CitedNumber PartiesForProtocols =
        new(60, Convention.Art(62, 1), "States Parties before a supplementary protocol may be considered");

    public static readonly CitedNumber DenunciationTakesEffectAfterYears =
        new(1, Convention.Art(67, 1), "year after receipt of a denunciation by the Secretary-General");

    /// <summary>Paragraph number UNVERIFIED (REFERENCE.md §5.7).</summary>
    public static readonly CitedNumber MinimumPreservationDays =
        new(60, Convention.Art(42), "days minimum for expedited preservation of stored electronic data");

    /// <summary>Subparagraph letter UNVERIFIED (REFERENCE.md §2.2).</summary>
    public static readonly CitedNumber SeriousCrimeYears =
        new(4, Convention.Art(2, null, "h"), "years maximum deprivation of liberty or more defining a serious crime");

    public static IReadOnlyList<CitedNumber> All { get; } =
    [
        InstrumentsForEntryIntoForce,
        DaysAfterFortiethInstrument,
        DaysAfterLaterDeposit,
        AmendmentBarYears,
        PartiesForProtocols,
        DenunciationTakesEffectAfterYears,
        MinimumPreservationDays,
        SeriousCrimeYears,
    ];
}
