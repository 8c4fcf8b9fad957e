using System.Globalization;
using NodaTime;
using Spectre.Console;

namespace Comity.Cli.Requests;

/// <summary>How the request verbs show clocks, instants and states: text first, colour only as a second signal.</summary>
internal static class RequestView
{
    /// <summary>"due in 42 min", "due in 3 h 05 min", "due in 59 d 4 h", "OVERDUE 5 min".</summary>
    public static string Countdown(DateTimeOffset due, DateTimeOffset now)
    {
        var left = due - now;
        return left >= TimeSpan.Zero ? "due in " + Span(left) : "OVERDUE " + Span(-left);
    }

    /// <summary>The countdown with its colour: red when overdue, yellow within the hour.</summary>
    public static string CountdownMarkup(DateTimeOffset due, DateTimeOffset now)
    {
        var text = Markup.Escape(Countdown(due, now));
        var left = due - now;
        return left < TimeSpan.Zero ? $"[red bold]{text}[/]" : left < TimeSpan.FromHours(1) ? $"[yellow]{text}[/]" : text;
    }

    public static string Span(TimeSpan span)
    {
        var inv = CultureInfo.InvariantCulture;
        if (span < TimeSpan.FromMinutes(1))
        {
            return string.Create(inv, $"{Math.Max(0, (int)span.TotalSeconds)} s");
        }

        if (span < TimeSpan.FromHours(1))
        {
            return string.Create(inv, $"{(int)span.TotalMinutes} min");
        }

        return span < TimeSpan.FromDays(1)
            ? string.Create(inv, $"{(int)span.TotalHours} h {span.Minutes:00} min")
            : string.Create(inv, $"{(int)span.TotalDays} d {span.Hours} h");
    }

    /// <summary>An instant in UTC, and in the other office's time zone when it is known: "2026-11-02 09:00Z (17:00 Asia/Singapore)".</summary>
    public static string Instant(DateTimeOffset instant, string? timeZone)
    {
        var utc = instant.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "Z";
        if (timeZone is null || DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone) is not { } zone)
        {
            return utc;
        }

        var local = Instant_(instant).InZone(zone);
        var sameDay = local.Date == Instant_(instant).InUtc().Date;
        var format = sameDay ? "HH:mm" : "yyyy-MM-dd HH:mm";
        return $"{utc} ({local.ToString(format, CultureInfo.InvariantCulture)} {timeZone})";
    }

    private static NodaTime.Instant Instant_(DateTimeOffset instant) => NodaTime.Instant.FromDateTimeOffset(instant);

    /// <summary>A state as text with a marker that does not rely on colour.</summary>
    public static string State(string state) => state switch
    {
        "submitted" or "received" => $"[yellow]● {Markup.Escape(state)}[/]",
        "acknowledged" or "awaitingInformation" => $"[blue]◐ {Markup.Escape(state)}[/]",
        "preserved" => $"[green]■ {Markup.Escape(state)}[/]",
        "disclosed" or "answered" or "closed" => $"[green]✓ {Markup.Escape(state)}[/]",
        "refused" => $"[red]✗ {Markup.Escape(state)}[/]",
        "withdrawn" => $"[grey]↶ {Markup.Escape(state)}[/]",
        _ => Markup.Escape(state),
    };

    public static string Urgency(string urgency) => urgency switch
    {
        "overdue" => "[red bold]OVERDUE[/]",
        "dueSoon" => "[yellow]due soon[/]",
        "open" => "open",
        "final" => "[grey]final[/]",
        _ => Markup.Escape(urgency),
    };

    /// <summary>A table with two columns and no header, for key/value panels.</summary>
    public static Table Pairs(string title)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title)).HideHeaders();
        table.AddColumn("");
        table.AddColumn("");
        return table;
    }

    public static void Pair(Table table, string name, string? value, bool markup = false)
    {
        if (!string.IsNullOrEmpty(value))
        {
            table.AddRow(new Markup("[bold]" + Markup.Escape(name) + "[/]"), new Markup(markup ? value : Markup.Escape(value)));
        }
    }
}
