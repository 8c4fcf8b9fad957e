using System.Globalization;
using Comity.Domain.Cooperation;
using Comity.Domain.Directory;
using Comity.Node.Kernel;
using Microsoft.Extensions.Localization;
using NodaTime;
using Comity.Node.Ui.Localization;

namespace Comity.Node.Features.Requests;

/// <summary>Formatting for the request pages: names, clocks in two zones, countdowns.</summary>
internal static class RequestsDisplay
{
    /// <summary>The localized name of a wire value (<c>Kind_expeditedPreservation</c>), or the wire value itself when there is none.</summary>
    public static string Name(this IStringLocalizer<RequestsText> text, string prefix, string? wire)
    {
        if (string.IsNullOrEmpty(wire))
        {
            return "";
        }

        var found = text[prefix + wire];
        return found.ResourceNotFound ? wire : found.Value;
    }

    /// <summary>An instant in UTC in the reader's language ("November 2, 2026 09:15 UTC"): the month in words, so that no reader takes 2/11 for 11/2.</summary>
    public static string Utc(DateTimeOffset at) => UiNames.Utc(at);

    /// <summary>Whether a wire value is an instant (ISO 8601 with a time and an offset, as events carry <c>until</c>): never shown raw.</summary>
    public static bool TryInstant(string? value, out DateTimeOffset instant)
    {
        instant = default;
        return value is { Length: >= 20 and <= 40 } && value.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out instant);
    }

    /// <summary>The instant in an IANA zone, in the reader's language, with the zone's name ("2 novembre 2026 10:15 Europe/Paris"); UTC when the zone is unknown.</summary>
    public static string InZone(DateTimeOffset at, string? zoneId)
    {
        var zone = ContactValidation.TimeZone(zoneId);
        if (zone is null)
        {
            return Utc(at);
        }

        var local = Instant.FromDateTimeOffset(at).InZone(zone).LocalDateTime;
        return UiNames.LongDate(DateOnly.FromDateTime(local.ToDateTimeUnspecified())) + " " + local.ToString("HH:mm", CultureInfo.InvariantCulture) + " " + zone.Id;
    }

    /// <summary>"42 min", "3 h 5 min", "2 d 4 h", in whole minutes (rounded as <paramref name="up"/> says): the same as requests.js.</summary>
    public static string Duration(this IStringLocalizer<RequestsText> text, TimeSpan span, bool up = false)
    {
        var exact = Math.Abs(span.TotalMinutes);
        var minutes = (long)(up ? Math.Ceiling(exact) : Math.Floor(exact));
        if (minutes < 60)
        {
            return text["DurationMinutes", minutes];
        }

        if (minutes < 24 * 60)
        {
            return text["DurationHoursMinutes", minutes / 60, minutes % 60];
        }

        return text["DurationDaysHours", minutes / (24 * 60), minutes % (24 * 60) / 60];
    }

    /// <summary>"in 42 min" or "overdue by 5 min".</summary>
    public static string Relative(this IStringLocalizer<RequestsText> text, DateTimeOffset due, DateTimeOffset now) =>
        // Time left rounds up (14 min 30 s is "in 15 min"), time overdue rounds down: neither claims more time than there is.
        due > now ? text["DueIn", text.Duration(due - now, up: true)] : text["OverdueBy", text.Duration(now - due)];

    public static string UrgencyChip(string urgency) => urgency switch
    {
        "overdue" => "chip chip--urgent",
        "dueSoon" => "chip chip--due",
        "final" => "chip chip--ok",
        _ => "chip chip--neutral",
    };

    /// <summary>The chip of a delivery status: red refused, amber not yet, green delivered.</summary>
    public static string DeliveryChip(string? status) => status switch
    {
        "undeliverable" => "chip chip--urgent",
        "retrying" or "pending" => "chip chip--due",
        "delivered" => "chip chip--ok",
        _ => "chip chip--neutral",
    };

    public static string SignatureChip(bool verified) => verified ? "chip chip--ok" : "chip chip--urgent";

    /// <summary>An article reference or other Latin-script code kept left-to-right inside Arabic text.</summary>
    public static string Ltr(object? value) => "\u2066" + value + "\u2069";
}

/// <summary>Problems as the officer reads them: localized for the codes the pages know, with the field and the article.</summary>
internal static class RequestProblems
{
    public static string Message(this IStringLocalizer<RequestsText> text, ProblemError problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var article = string.IsNullOrWhiteSpace(problem.Article) ? "" : " (" + RequestsDisplay.Ltr(problem.Article) + ")";
        if (problem.Code == RequestDraftValidator.MissingContent && problem.Field?.StartsWith("contents.", StringComparison.Ordinal) == true)
        {
            return text["ProblemMissingContent", text.Name("Content_", problem.Field["contents.".Length..])] + article;
        }

        // Codes with a bound (a length, a number of days) format it into their text in the reader's culture.
        var known = problem.Limit is int limit ? text["Problem_" + problem.Code, limit] : text["Problem_" + problem.Code];
        return (known.ResourceNotFound ? problem.Message : known.Value) + article;
    }

    /// <summary>Why an operation was refused, one line a problem.</summary>
    public static IReadOnlyList<string> Messages(this IStringLocalizer<RequestsText> text, Error? error) =>
        error is null ? []
        : error.Items.Count == 0 ? [text.Name("Problem_", error.Code) is var m && m != error.Code ? m : error.Title]
        : [.. error.Items.Select(text.Message)];

}
