using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Comity.Domain.Directory;
using Comity.Node.Kernel;
using Comity.Protocol.V1;
using NodaTime;

namespace Comity.Node.Features.Directory;

/// <summary>Mapping between the stored entries, the wire contracts and the domain, and the checks every entry passes.</summary>
public static partial class DirectoryContent
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Request kinds a provider may accept directly from foreign authorities.</summary>
    public static IReadOnlyList<string> RequestKinds { get; } =
        ["preservation", "emergencyDisclosure", "subscriberInformation", "trafficData", "contentData"];

    public const int MaxItems = 50;

    public const int MaxRosterShifts = 2000;

    public static DesignationV1 ToV1(DirectoryDesignation d) => new(
        d.Id.ToString("D"),
        d.State,
        d.Office,
        d.Role,
        DesignationRoles.TryParse(d.Role, out var role) ? role.Basis().ToString() : "",
        d.Channels,
        d.Languages,
        d.TimeZone,
        d.Hours,
        d.Always,
        [.. d.Roster.OrderBy(s => s.Start).Select(s => new RosterShiftV1(s.Start, s.End, s.Officer, s.Channels))]);

    public static ServiceProviderV1 ToV1(DirectoryServiceProvider p) => new(
        p.Id.ToString("D"), p.State, p.Name, p.Services, p.Headquarters, p.DataLocations, p.LawEnforcementContact, p.EmergencyContact, p.AcceptsDirectly);

    /// <summary>The designation as the domain sees it; an unknown zone (never after validation) reads as UTC.</summary>
    public static DesignationSchedule Schedule(DesignationV1 d)
    {
        return new DesignationSchedule(
            DesignationRoles.TryParse(d.Role, out var role) ? role : DesignationRole.CentralAuthority,
            ContactValidation.TimeZone(d.TimeZone) ?? DateTimeZone.Utc,
            d.Always,
            [.. d.Hours.Select(h => new OfficeHours([.. h.Days.Where(x => x is >= 1 and <= 7).Select(x => (IsoDayOfWeek)x)], LocalTime.FromTicksSinceMidnight(h.From.Ticks), LocalTime.FromTicksSinceMidnight(h.To.Ticks)))],
            [.. d.Roster.Select(Shift)]);
    }

    public static RosterShift Shift(RosterShiftV1 s) => new(Instant.FromDateTimeOffset(s.Start), Instant.FromDateTimeOffset(s.End), s.Officer);

    /// <summary>SHA-256 (hex) of the content a State notifies, independent of notification id and time.</summary>
    public static string Hash(DirectoryNotificationNodeV1 node, IReadOnlyList<DesignationV1> designations, IReadOnlyList<ServiceProviderV1> providers, IReadOnlyList<NationalOffenceV1>? offences = null)
    {
        // Offences join the hash only when listed, so a directory without them hashes as before.
        var bytes = offences is { Count: > 0 }
            ? JsonSerializer.SerializeToUtf8Bytes(new { node, designations, providers, offences }, Json)
            : JsonSerializer.SerializeToUtf8Bytes(new { node, designations, providers }, Json);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>The longest offence title Comity keeps.</summary>
    public const int OffenceTitleLength = 512;

    /// <summary>The most offences one State lists.</summary>
    public const int MaxOffences = 500;

    public static NationalOffenceV1 ToV1(DirectoryOffence o) => new(o.State, o.Code, o.Title, o.MaximumPenaltyMonths, o.ConventionOffences);

    /// <summary>The offence as the domain assesses it.</summary>
    public static Comity.Domain.Cooperation.Offences.NationalOffence ToDomain(NationalOffenceV1 o) =>
        new(o.Code, o.Title, o.MaximumPenaltyMonths, o.ConventionOffences ?? []);

    /// <summary>
    /// Checks a State's offences (<see cref="Comity.Domain.Cooperation.Offences.NationalOffenceMustBeWellFormed"/>, its own State, a
    /// title Comity can keep, each code once, at most <see cref="MaxOffences"/>); adds every problem, its field prefixed with <paramref name="prefix"/>.
    /// </summary>
    public static void Check(IReadOnlyList<NationalOffenceV1?> offences, string state, string prefix, List<ProblemError> errors)
    {
        if (offences.Count > MaxOffences)
        {
            errors.Add(new ProblemError(prefix.TrimEnd('.'), "directory.too-many-offences", $"A State lists at most {MaxOffences} offences; this list has {offences.Count}."));
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < offences.Count; i++)
        {
            var at = $"{prefix}[{i}].";
            if (offences[i] is not { } o)
            {
                errors.Add(new ProblemError($"{prefix}[{i}]", "offence.code-missing", "An offence is empty: give its code, title and penalty."));
                continue;
            }

            if (o.State is { } s && !string.Equals(s, state, StringComparison.Ordinal))
            {
                errors.Add(new ProblemError(at + "state", "directory.not-own-state", $"A State can only notify its own entries: this offence is for {s}, not {state}."));
            }

            var check = Comity.Domain.Cooperation.Offences.NationalOffenceMustBeWellFormed.Check(ToDomain(o with { ConventionOffences = o.ConventionOffences ?? [] }));
            errors.AddRange(check.Violations.Select(v => ProblemError.From(v) with { Field = at + v.Field?.Replace("conventionOffenceCodes", "conventionOffences", StringComparison.Ordinal) }));
            if (o.Title is { Length: > OffenceTitleLength })
            {
                errors.Add(new ProblemError(at + "title", "directory.text-too-long", $"The title has {o.Title.Length} characters; at most {OffenceTitleLength} are kept."));
            }

            if (!string.IsNullOrWhiteSpace(o.Code) && !seen.Add(o.Code.Trim()))
            {
                errors.Add(new ProblemError(at + "code", "directory.offence-duplicate", $"The code {o.Code.Trim()} is listed twice; each offence once."));
            }
        }
    }

    /// <summary>Checks a designation of <paramref name="state"/>; adds every problem, its field prefixed with <paramref name="prefix"/>.</summary>
    public static void Check(DesignationV1 d, string state, string prefix, List<ProblemError> errors)
    {
        if (!string.Equals(d.State, state, StringComparison.Ordinal))
        {
            errors.Add(new ProblemError(prefix + "state", "directory.not-own-state", $"A State can only notify its own entries: this entry is for {d.State}, not {state}."));
        }

        Text(d.Office, 256, prefix + "office", errors);
        if (!DesignationRoles.TryParse(d.Role, out var role))
        {
            errors.Add(new ProblemError(prefix + "role", "directory.unknown-role", "Use one of: " + string.Join(", ", DesignationRoles.All.Select(r => r.Wire())) + "."));
        }
        else if (role == DesignationRole.PointOfContact247 && !d.Always)
        {
            errors.Add(new ProblemError(prefix + "always", "directory.point-of-contact-not-247", "A 24/7 point of contact answers 24 hours a day, 7 days a week: set always.", role.Basis().ToString()));
        }

        Channels(d.Channels, prefix + "channels", errors, required: true);
        Languages(d.Languages, prefix + "languages", errors);
        if (ContactValidation.TimeZone(d.TimeZone) is null)
        {
            errors.Add(new ProblemError(prefix + "timeZone", "directory.unknown-time-zone", $"'{d.TimeZone}' is not an IANA time zone (e.g. Europe/Paris, Asia/Singapore, America/Bogota)."));
        }

        if (d.Hours is null || d.Hours.Count > MaxItems)
        {
            errors.Add(new ProblemError(prefix + "hours", "directory.bad-hours", $"Give at most {MaxItems} office-hour entries."));
        }
        else
        {
            for (var i = 0; i < d.Hours.Count; i++)
            {
                var h = d.Hours[i];
                if (h.Days is null || h.Days.Count == 0 || h.Days.Any(x => x is < 1 or > 7))
                {
                    errors.Add(new ProblemError($"{prefix}hours[{i}].days", "directory.bad-days", "Days are ISO days of the week, 1 (Monday) to 7 (Sunday); give at least one."));
                }
            }

            if (!d.Always && d.Hours.Count == 0)
            {
                errors.Add(new ProblemError(prefix + "hours", "directory.no-hours", "Give the office hours, or set always for a round-the-clock office."));
            }
        }

        Roster(d.Roster, d.Always, prefix + "roster", errors);
    }

    public static void Roster(IReadOnlyList<RosterShiftV1>? roster, bool always, string field, List<ProblemError> errors)
    {
        if (roster is null)
        {
            errors.Add(new ProblemError(field, "directory.bad-roster", "Give the roster as a list (empty for none)."));
            return;
        }

        if (roster.Count > 0 && !always)
        {
            errors.Add(new ProblemError(field, "directory.roster-needs-247", "Only a round-the-clock office keeps an on-call roster."));
        }

        if (roster.Count > MaxRosterShifts)
        {
            errors.Add(new ProblemError(field, "directory.roster-too-long", $"At most {MaxRosterShifts} shifts."));
            return;
        }

        for (var i = 0; i < roster.Count; i++)
        {
            var s = roster[i];
            if (s.End <= s.Start)
            {
                errors.Add(new ProblemError($"{field}[{i}].end", "directory.shift-ends-before-start", "A shift ends after it starts."));
            }

            Text(s.Officer, 256, $"{field}[{i}].officer", errors);
            Channels(s.Channels, $"{field}[{i}].channels", errors, required: false);
        }
    }

    public static void Check(ServiceProviderV1 p, string state, string prefix, List<ProblemError> errors)
    {
        if (!string.Equals(p.ListedBy, state, StringComparison.Ordinal))
        {
            errors.Add(new ProblemError(prefix + "listedBy", "directory.not-own-state", $"A State can only notify its own entries: this provider is listed by {p.ListedBy}, not {state}."));
        }

        Text(p.Name, 256, prefix + "name", errors);
        if (p.Services is null || p.Services.Count > MaxItems || p.Services.Any(s => string.IsNullOrWhiteSpace(s) || s.Length > 128))
        {
            errors.Add(new ProblemError(prefix + "services", "directory.bad-services", $"Give at most {MaxItems} services, each 1 to 128 characters."));
        }

        if (!StateCode().IsMatch(p.Headquarters ?? ""))
        {
            errors.Add(new ProblemError(prefix + "headquarters", "directory.bad-country", "Give the country of the headquarters as an ISO 3166-1 alpha-2 code (two upper-case letters)."));
        }

        if (p.DataLocations is null || p.DataLocations.Count > MaxItems || p.DataLocations.Any(c => !StateCode().IsMatch(c ?? "")))
        {
            errors.Add(new ProblemError(prefix + "dataLocations", "directory.bad-country", "Give the countries where data is held as ISO 3166-1 alpha-2 codes."));
        }

        if (p.LawEnforcementContact is { } le)
        {
            Channel(le, prefix + "lawEnforcementContact", errors);
        }

        if (p.EmergencyContact is { } em)
        {
            Channel(em, prefix + "emergencyContact", errors);
        }

        if (p.AcceptsDirectly is null || p.AcceptsDirectly.Any(k => !RequestKinds.Contains(k, StringComparer.Ordinal)))
        {
            errors.Add(new ProblemError(prefix + "acceptsDirectly", "directory.unknown-request-kind", "Use any of: " + string.Join(", ", RequestKinds) + "."));
        }
    }

    public static bool IsStateCode(string? code) => code is not null && StateCode().IsMatch(code);

    private static void Languages(IReadOnlyList<string>? languages, string field, List<ProblemError> errors)
    {
        if (languages is null || languages.Count == 0 || languages.Count > MaxItems)
        {
            errors.Add(new ProblemError(field, "directory.languages-required", "Give the languages in which requests are accepted, as BCP 47 tags (en, fr, es, ru, ar, zh …).", "Art. 40(14)"));
            return;
        }

        for (var i = 0; i < languages.Count; i++)
        {
            if (ContactValidation.CheckLanguage(languages[i]) is { } reason)
            {
                errors.Add(new ProblemError($"{field}[{i}]", "directory.bad-language", reason, "Art. 40(14)"));
            }
        }
    }

    private static void Channels(IReadOnlyList<ContactChannelV1>? channels, string field, List<ProblemError> errors, bool required)
    {
        if (channels is null || (required && channels.Count == 0) || channels.Count > 20)
        {
            errors.Add(new ProblemError(field, "directory.channels-required", required ? "Give 1 to 20 ways to reach the office (platform, phone, email, portal)." : "Give at most 20 channels."));
            return;
        }

        for (var i = 0; i < channels.Count; i++)
        {
            Channel(channels[i], $"{field}[{i}]", errors);
        }
    }

    private static void Channel(ContactChannelV1 channel, string field, List<ProblemError> errors)
    {
        if (!ContactValidation.TryParseChannelKind(channel.Kind, out var kind))
        {
            errors.Add(new ProblemError(field + ".kind", "directory.unknown-channel", "Use platform, phone, email or portal."));
        }
        else if (ContactValidation.CheckChannel(kind, channel.Value) is { } reason)
        {
            errors.Add(new ProblemError(field + ".value", "directory.bad-channel", reason));
        }

        if (channel.Label is { Length: > 128 })
        {
            errors.Add(new ProblemError(field + ".label", "directory.bad-channel", "A label has at most 128 characters."));
        }
    }

    private static void Text(string? value, int max, string field, List<ProblemError> errors)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > max)
        {
            errors.Add(new ProblemError(field, "directory.text-required", $"Give 1 to {max} characters."));
        }
    }

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex StateCode();
}
