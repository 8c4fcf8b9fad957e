using System.Globalization;
using Comity.Domain.Treaty;
using NodaTime;
using NodaTime.Text;

namespace Comity.Domain.Tests.Treaty;

/// <summary>Short ways to write instruments in tests.</summary>
internal static class TreatyBuilder
{
    public static LocalDate D(string iso) => LocalDatePattern.Iso.Parse(iso).Value;

    public static ParticipantCode P(string code) => ParticipantCode.Create(code);

    public static Instrument Sign(string code, string date) => new(P(code), InstrumentKind.Signature, D(date));

    public static Instrument Ratify(string code, string date) => new(P(code), InstrumentKind.Ratification, D(date));

    public static Instrument Accede(string code, string date) => new(P(code), InstrumentKind.Accession, D(date));

    public static Instrument Denounce(string code, string date) => new(P(code), InstrumentKind.Denunciation, D(date));

    /// <summary>States that are not EU members, ordered by code, so EU rules never interfere.</summary>
    public static IReadOnlyList<ParticipantCode> NonEuStates { get; } = ParticipantCatalogue.All
        .Where(p => p.IsState && !ParticipantCatalogue.IsMemberOf(p.Code, ParticipantCatalogue.EuropeanUnion, new LocalDate(2026, 1, 1)))
        .Select(p => p.Code)
        .OrderBy(c => c.Value, StringComparer.Ordinal)
        .ToArray();

    /// <summary>The first <paramref name="count"/> non-EU States each accede on the given date.</summary>
    public static IEnumerable<Instrument> Accessions(int count, string date, int skip = 0) =>
        NonEuStates.Skip(skip).Take(count).Select(c => new Instrument(c, InstrumentKind.Accession, D(date)));

    public static TreatyHistory Built(IEnumerable<Instrument> instruments)
    {
        var result = TreatyHistory.Build(instruments);
        Assert.True(result.IsBuilt, string.Join("; ", result.Violations.Select(v => v.ToString())) + " at " + result.FailedInstrument);
        return result.History!;
    }

    public static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
