using NodaTime;

namespace Comity.Domain.Treaty;

public static partial class ParticipantCatalogue
{
    /// <summary>
    /// Membership of the European Union (and the European Communities before it), from the day of
    /// accession to the last day of membership inclusive (open when still a member).
    /// </summary>
    private static readonly (ParticipantCode Member, LocalDate From, LocalDate? Until)[] EuropeanUnionMembership =
    [
        Eu("BE", 1958, 1, 1), Eu("DE", 1958, 1, 1), Eu("FR", 1958, 1, 1),
        Eu("IT", 1958, 1, 1), Eu("LU", 1958, 1, 1), Eu("NL", 1958, 1, 1),
        Eu("DK", 1973, 1, 1), Eu("IE", 1973, 1, 1),
        (ParticipantCode.Create("GB"), new LocalDate(1973, 1, 1), new LocalDate(2020, 1, 31)),
        Eu("GR", 1981, 1, 1),
        Eu("ES", 1986, 1, 1), Eu("PT", 1986, 1, 1),
        Eu("AT", 1995, 1, 1), Eu("FI", 1995, 1, 1), Eu("SE", 1995, 1, 1),
        Eu("CY", 2004, 5, 1), Eu("CZ", 2004, 5, 1), Eu("EE", 2004, 5, 1), Eu("HU", 2004, 5, 1),
        Eu("LV", 2004, 5, 1), Eu("LT", 2004, 5, 1), Eu("MT", 2004, 5, 1), Eu("PL", 2004, 5, 1),
        Eu("SK", 2004, 5, 1), Eu("SI", 2004, 5, 1),
        Eu("BG", 2007, 1, 1), Eu("RO", 2007, 1, 1),
        Eu("HR", 2013, 7, 1),
    ];

    /// <summary>The member States of a regional economic integration organization on a given date, ordered by code.</summary>
    public static IReadOnlyList<ParticipantCode> MembersOf(ParticipantCode reio, LocalDate on)
    {
        if (reio != EuropeanUnion)
        {
            return [];
        }

        return EuropeanUnionMembership
            .Where(m => m.From <= on && (m.Until is not LocalDate until || on <= until))
            .Select(m => m.Member)
            .OrderBy(c => c.Value, StringComparer.Ordinal)
            .ToArray();
    }

    public static bool IsMemberOf(ParticipantCode state, ParticipantCode reio, LocalDate on) =>
        reio == EuropeanUnion
        && EuropeanUnionMembership.Any(m => m.Member == state && m.From <= on && (m.Until is not LocalDate until || on <= until));

    private static (ParticipantCode, LocalDate, LocalDate?) Eu(string code, int year, int month, int day) =>
        (ParticipantCode.Create(code), new LocalDate(year, month, day), null);
}
