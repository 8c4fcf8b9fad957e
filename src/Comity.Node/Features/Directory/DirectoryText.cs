using System.Globalization;
using Comity.Domain.Directory;
using Microsoft.Extensions.Localization;
using Comity.Node.Ui.Localization;

namespace Comity.Node.Features.Directory;

/// <summary>The directory pages' strings: <c>DirectoryText.resx</c> beside this type, one file per UN language.</summary>
public sealed class DirectoryText;

/// <summary>Formatting for the directory pages.</summary>
internal static class DirectoryDisplay
{
    public static readonly IReadOnlyList<string> CommonTimeZones =
        ["UTC", "Europe/Paris", "Europe/London", "Europe/Moscow", "Africa/Cairo", "Africa/Nairobi", "Asia/Dubai", "Asia/Kolkata", "Asia/Singapore", "Asia/Shanghai", "Asia/Tokyo", "Australia/Sydney", "America/New_York", "America/Bogota", "America/Sao_Paulo", "America/Los_Angeles"];

    public static string Role(this IStringLocalizer<DirectoryText> text, string wire) =>
        DesignationRoles.TryParse(wire, out var role) ? text["Role_" + role.Wire()] : wire;

    public static string Day(int isoDay) => CultureInfo.CurrentCulture.DateTimeFormat.GetAbbreviatedDayName((DayOfWeek)(isoDay % 7));

    public static string Days(IReadOnlyList<int> days) => string.Join(" ", days.Order().Select(Day));

    public static string Instant(DateTimeOffset instant) => UiNames.Utc(instant);

    /// <summary>An article reference or other Latin-script code kept left-to-right inside Arabic text.</summary>
    public static string Ltr(object value) => "\u2066" + value + "\u2069";
}
