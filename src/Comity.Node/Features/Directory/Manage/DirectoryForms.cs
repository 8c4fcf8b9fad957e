using System.Globalization;
using Comity.Protocol.V1;

namespace Comity.Node.Features.Directory.Manage;

/// <summary>Reads the manage page's compact text fields: lists, channels ("kind value"), hours ("1-5 09:00-17:00") and roster lines ("start end officer").</summary>
internal static class DirectoryForms
{
    public static List<string> List(string? text) =>
        [.. (text ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public static (List<ContactChannelV1> Channels, List<OfficeHoursV1> Hours, List<string> Errors) Parse(string? channels, string? hours)
    {
        var errors = new List<string>();
        var parsedChannels = new List<ContactChannelV1>();
        foreach (var line in (channels ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0)
            {
                errors.Add($"channels: '{line}' — write the kind, a space, then the value (email ca@justice.example).");
                continue;
            }

            parsedChannels.Add(new ContactChannelV1(line[..space].Trim().ToLowerInvariant(), line[(space + 1)..].Trim()));
        }

        var parsedHours = new List<OfficeHoursV1>();
        foreach (var entry in List(hours))
        {
            var parts = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var days = parts.Length == 2 ? Days(parts[0]) : null;
            var times = parts.Length == 2 ? parts[1].Split('-') : [];
            if (days is null || times.Length != 2
                || !TimeOnly.TryParseExact(times[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                || !TimeOnly.TryParseExact(times[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
            {
                errors.Add($"hours: '{entry}' — write days then times, e.g. 1-5 09:00-17:00 (1 = Monday).");
                continue;
            }

            parsedHours.Add(new OfficeHoursV1(days, from, to));
        }

        return (parsedChannels, parsedHours, errors);
    }

    public static (List<RosterShiftV1> Shifts, List<string> Errors) Roster(string? lines)
    {
        var shifts = new List<RosterShiftV1>();
        var errors = new List<string>();
        foreach (var line in (lines ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3
                || !DateTimeOffset.TryParse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start)
                || !DateTimeOffset.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var end))
            {
                errors.Add($"roster: '{line}' — write start, end (UTC, 2026-11-02T09:00Z) and the officer's name.");
                continue;
            }

            shifts.Add(new RosterShiftV1(start.ToUniversalTime(), end.ToUniversalTime(), parts[2], []));
        }

        return (shifts, errors);
    }

    private static List<int>? Days(string text)
    {
        var days = new List<int>();
        foreach (var part in text.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split('-');
            if (range.Length is < 1 or > 2
                || !int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
                || !int.TryParse(range[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var last)
                || first is < 1 or > 7 || last < first || last > 7)
            {
                return null;
            }

            days.AddRange(Enumerable.Range(first, last - first + 1));
        }

        return days.Count == 0 ? null : days;
    }
}
