using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Comity.Domain.Treaty;
using Comity.Node.Kernel;
using NodaTime;

namespace Comity.Node.Features.Treaty;

/// <summary>Shape checks shared by the treaty endpoints and pages: each failure names its field.</summary>
internal static class TreatyInput
{
    public const string DateFormat = "yyyy-MM-dd";

    public static bool TryDate(string? text, string field, List<ProblemError> errors, out LocalDate date)
    {
        date = default;
        if (!DateOnly.TryParseExact(text?.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            errors.Add(new ProblemError(field, "treaty.bad-date", $"Give the date as yyyy-MM-dd (ISO 8601), for example 2026-03-15; \"{text}\" is not one."));
            return false;
        }

        date = LocalDate.FromDateOnly(parsed);
        return true;
    }

    /// <summary>An optional date: absent means <paramref name="fallback"/>.</summary>
    public static LocalDate OptionalDate(string? text, string field, LocalDate fallback, List<ProblemError> errors) =>
        string.IsNullOrWhiteSpace(text) ? fallback : TryDate(text, field, errors, out var date) ? date : fallback;

    public static bool TryParticipant(string? text, string field, List<ProblemError> errors, [NotNullWhen(true)] out Participant? participant)
    {
        if (ParticipantCatalogue.TryFind(text, out participant))
        {
            return true;
        }

        errors.Add(new ProblemError(field, "treaty.unknown-participant", $"\"{text}\" is not a participant: give an ISO 3166-1 alpha-2 code (FR), EU, or the UN short name (France)."));
        return false;
    }

    public static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
