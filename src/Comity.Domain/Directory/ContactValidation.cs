using System.Text.RegularExpressions;
using NodaTime;

namespace Comity.Domain.Directory;

/// <summary>How an office can be reached.</summary>
public enum ChannelKind
{
    /// <summary>A Comity node address (https URL of the node's federation endpoint).</summary>
    Platform,

    /// <summary>A telephone number in international form (E.164: +, country code, up to 15 digits).</summary>
    Phone,

    Email,

    /// <summary>A web portal (https URL), e.g. a service provider's law-enforcement portal.</summary>
    Portal,
}

/// <summary>
/// Shape checks for directory entries: language tags (BCP 47, Art. 40(14) languages), contact
/// channels and IANA time zones. Each returns null when the value is acceptable, otherwise the reason.
/// </summary>
public static partial class ContactValidation
{
    public const int MaxValueLength = 320;

    public static string Wire(this ChannelKind kind) => kind switch
    {
        ChannelKind.Platform => "platform",
        ChannelKind.Phone => "phone",
        ChannelKind.Email => "email",
        ChannelKind.Portal => "portal",
    };

    public static bool TryParseChannelKind(string? wire, out ChannelKind kind)
    {
        foreach (var candidate in Enum.GetValues<ChannelKind>())
        {
            if (string.Equals(candidate.Wire(), wire?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>
    /// A BCP 47 language tag (RFC 5646): a 2–3 letter primary language (the registered ones; 4–8 letter primary subtags are reserved and refused), optional script
    /// (4 letters), region (2 letters or 3 digits) and variants: <c>en</c>, <c>zh-Hans</c>, <c>es-419</c>, <c>ar</c>.
    /// </summary>
    public static string? CheckLanguage(string? tag) =>
        string.IsNullOrWhiteSpace(tag) ? "Give a language tag such as en, fr, ar, zh-Hans."
        : tag.Length <= 35 && LanguageTag().IsMatch(tag) ? null
        : $"'{tag}' is not a BCP 47 language tag (e.g. en, fr, es, ru, ar, zh-Hans, pt-BR).";

    /// <summary>Normalizes the case of a valid tag the way BCP 47 recommends: <c>ZH-hans</c> → <c>zh-Hans</c>, <c>pt-br</c> → <c>pt-BR</c>.</summary>
    public static string NormalizeLanguage(string tag)
    {
        var parts = tag.Trim().Split('-');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = i == 0 ? parts[i].ToLowerInvariant()
                : parts[i].Length == 4 && char.IsLetter(parts[i][0]) ? char.ToUpperInvariant(parts[i][0]) + parts[i][1..].ToLowerInvariant()
                : parts[i].Length == 2 ? parts[i].ToUpperInvariant()
                : parts[i].ToLowerInvariant();
        }

        return string.Join('-', parts);
    }

    public static string? CheckChannel(ChannelKind kind, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "Give the channel's value.";
        }

        if (value.Length > MaxValueLength)
        {
            return $"At most {MaxValueLength} characters.";
        }

        return kind switch
        {
            ChannelKind.Phone => Phone().IsMatch(value) ? null : $"'{value}' is not an international phone number: + then country code and number, 8 to 15 digits (spaces and hyphens allowed).",
            ChannelKind.Email => Email().IsMatch(value) ? null : $"'{value}' is not an e-mail address.",
            ChannelKind.Platform or ChannelKind.Portal => IsHttpsUrl(value) ? null : $"'{value}' is not an https URL.",
        };
    }

    public static bool IsHttpsUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host);

    /// <summary>The IANA time zone (from the tz database embedded in NodaTime), or null when unknown.</summary>
    public static DateTimeZone? TimeZone(string? id) =>
        string.IsNullOrWhiteSpace(id) ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id.Trim());

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();

    [GeneratedRegex(@"^\+[1-9](?:[ \-]?[0-9]){7,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex Email();
}
