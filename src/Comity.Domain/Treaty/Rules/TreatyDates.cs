using NodaTime;

namespace Comity.Domain.Treaty.Rules;

/// <summary>Dates fixed by Art. 64(1) [V] S1 and the depositary notification C.N.196.2025.TREATIES-XVIII.16.</summary>
public static class TreatyDates
{
    /// <summary>Opening for signature in Hanoi (25–26 October 2025).</summary>
    public static readonly LocalDate OpenedForSignature = new(2025, 10, 25);

    /// <summary>First day of signature at UN Headquarters, New York.</summary>
    public static readonly LocalDate OpenAtHeadquarters = new(2025, 10, 27);

    /// <summary>Last day for signature (inclusive); afterwards participants join by accession.</summary>
    public static readonly LocalDate ClosedForSignatureAfter = new(2026, 12, 31);

    internal static string Iso(this LocalDate date) =>
        date.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
