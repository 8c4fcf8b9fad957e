using System.ComponentModel;
using System.Globalization;
using Comity.Cli.Treaty;
using Comity.Node.Features.Requests;
using Comity.Node.Features.Requests.Alerts;
using Comity.Node.Features.Requests.Kinds;
using Comity.Node.Features.Requests.List;
using Comity.Node.Features.Requests.Show;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Comity.Cli.Requests;

internal sealed class RequestListSettings : RequestSettings
{
    [CommandOption("--box <BOX>")]
    [Description("incoming (requests to this State) or outgoing (its own); default both.")]
    public string? Box { get; init; }

    [CommandOption("--state <STATE>")]
    [Description("Only requests in this state: submitted, received, acknowledged, awaitingInformation, preserved, disclosed, answered, refused, withdrawn, closed.")]
    public string? State { get; init; }

    [CommandOption("--kind <KIND>")]
    [Description("Only requests of this kind (comity request kinds).")]
    public string? Kind { get; init; }

    [CommandOption("--open")]
    [Description("Only requests not in a final state.")]
    public bool Open { get; init; }

    [CommandOption("--limit <N>")]
    [Description("At most this many (1–500, default 100).")]
    public int? Limit { get; init; }

    public override ValidationResult Validate() =>
        Box is not null && Box is not ("incoming" or "outgoing") ? ValidationResult.Error($"--box is incoming or outgoing, not '{Box}'.")
            : Limit is < 1 or > 500 ? ValidationResult.Error("--limit is between 1 and 500.")
            : base.Validate();
}

internal sealed class RequestIdSettings : RequestSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The request's id (as comity request list shows it).")]
    public string Id { get; init; } = "";

    public override ValidationResult Validate() =>
        !Guid.TryParse(Id, out _) ? ValidationResult.Error($"ID must be a request id such as 0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11, not '{Id}'.") : base.Validate();
}

internal sealed class RequestAlertsSettings : RequestSettings
{
    [CommandOption("--audience <ROLE>")]
    [Description("duty-officer or supervisor; default both.")]
    public string? Audience { get; init; }

    [CommandOption("--limit <N>")]
    [Description("At most this many (default 100).")]
    public int? Limit { get; init; }

    public override ValidationResult Validate() =>
        Audience is not null && Audience is not ("duty-officer" or "supervisor") ? ValidationResult.Error($"--audience is duty-officer or supervisor, not '{Audience}'.")
            : Limit is < 1 or > 500 ? ValidationResult.Error("--limit is between 1 and 500.")
            : base.Validate();
}

/// <summary><c>comity request kinds</c>: <c>GET /api/v1/requests/kinds</c> (every signed-in user).</summary>
internal sealed class RequestKindsCommand(CliEnvironment environment) : AsyncCommand<RequestSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RequestSettings settings, CancellationToken cancellationToken)
    {
        using var connection = RequestConnection.Resolve(settings, environment);
        if (connection is null)
        {
            return ExitCodes.Invalid;
        }

        return await connection.ShowAsync("api/v1/requests/kinds", "any", settings.Json, body =>
        {
            if (RequestJson.Read<RequestKindsResponse>(body, environment) is not { } kinds)
            {
                return ExitCodes.Failure;
            }

            foreach (var kind in kinds.Kinds)
            {
                var table = new Table().Border(TableBorder.Rounded)
                    .Title(Markup.Escape($"{kind.Title} — {kind.Kind} ({kind.Article})"))
                    .Caption(Markup.Escape($"Channel {kind.Channel} (Art. 41(1)); acknowledge within {RequestView.Span(kind.Clocks.AcknowledgeWithin)}, stale after {RequestView.Span(kind.Clocks.StaleAfter)} without movement. "
                        + $"Refusal grounds: {string.Join(", ", kind.RefusalGrounds.Select(g => $"{g.Value} ({g.Article})"))}."));
                table.AddColumn("Required content");
                table.AddColumn("Draft field");
                table.AddColumn("Article");
                table.AddColumn("What to write");
                foreach (var item in kind.RequiredContents)
                {
                    table.AddRow(Markup.Escape(item.Item), Markup.Escape(item.Field), Markup.Escape(item.Article), Markup.Escape(item.Description));
                }

                environment.Out.Write(table);
            }

            environment.Out.MarkupLineInterpolated($"Legal bases (Art. 35(1)): {string.Join(", ", kinds.LegalBases.Select(b => b.Value + (b.Article is null ? "" : " (" + b.Article + ")")))}.");
            environment.Out.MarkupLineInterpolated($"Preservation lasts at least {kinds.MinimumPreservationDays} days ({kinds.MinimumPreservationArticle}); reminders {string.Join(" and ", kinds.PreservationRemindersBeforeExpiry.Select(RequestView.Span))} before it ends.");
            environment.Out.MarkupLineInterpolated($"Conditions ({kinds.Conditions.Article}), least restrictive first: confidentiality {string.Join(" < ", kinds.Conditions.Confidentiality)}; use {string.Join(" < ", kinds.Conditions.UseLimitation)}; onward transfer {string.Join(" < ", kinds.Conditions.OnwardTransfer)}.");
            return ExitCodes.Ok;
        }, cancellationToken);
    }
}

/// <summary><c>comity request list</c>: <c>GET /api/v1/requests</c>, most urgent first, with countdowns.</summary>
internal sealed class RequestListCommand(CliEnvironment environment) : AsyncCommand<RequestListSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RequestListSettings settings, CancellationToken cancellationToken)
    {
        using var connection = RequestConnection.Resolve(settings, environment);
        if (connection is null)
        {
            return ExitCodes.Invalid;
        }

        var path = NodeConnection.WithQuery("api/v1/requests",
            ("box", settings.Box), ("state", settings.State), ("kind", settings.Kind), ("open", settings.Open ? "true" : null),
            ("limit", settings.Limit?.ToString(CultureInfo.InvariantCulture)));
        var answer = await RequestConnection.GetAsync(connection, environment, path, RequestConnection.ReadRoles, cancellationToken);
        if (answer.Body is not { } body)
        {
            return answer.ExitCode;
        }

        if (settings.Json)
        {
            environment.WriteMachineOutput(body);
            return ExitCodes.Ok;
        }

        if (RequestJson.Read<RequestListResponse>(body, environment) is not { } list)
        {
            return ExitCodes.Failure;
        }

        var now = environment.Time.GetUtcNow();
        var overdue = await OverdueClocksAsync(connection, list.Items, cancellationToken);
        var title = settings.Box switch { "incoming" => "Incoming requests", "outgoing" => "Outgoing requests", _ => "Requests" } + $" at {connection.Node}, most urgent first";
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));
        foreach (var column in new[] { "Urgency", "Next clock", "Due (UTC)", "Box", "Kind", "From → to", "State", "Your move", "Alerts", "Reference", "Id" })
        {
            table.AddColumn(column);
        }

        foreach (var r in list.Items)
        {
            table.AddRow(
                (r.Delivery switch { "undeliverable" => "[red bold]NOT DELIVERED[/] ", "retrying" => "[yellow]not delivered yet[/] ", _ => "" }) + RequestView.Urgency(r.Urgency),
                overdue.TryGetValue(r.Id, out var passed)
                    ? RequestView.CountdownMarkup(passed.Due, now) + " " + Markup.Escape(passed.Kind)
                    : r.NextDueAt is { } due ? RequestView.CountdownMarkup(due, now) + (r.NextDueKind is null ? "" : " " + Markup.Escape(r.NextDueKind)) : "",
                overdue.TryGetValue(r.Id, out var late) ? Markup.Escape(RequestView.Instant(late.Due, null))
                    : r.NextDueAt is { } at ? Markup.Escape(RequestView.Instant(at, null)) : "",
                Markup.Escape(r.Box),
                Markup.Escape($"{r.Kind} ({r.Article})"),
                Markup.Escape($"{r.RequestingState} → {r.RequestedState}"),
                RequestView.State(r.State),
                r.AwaitingUs ? "[bold]yes[/]" : "",
                r.OpenAlerts > 0 ? $"[red]{r.OpenAlerts.ToString(CultureInfo.InvariantCulture)}[/]" : "",
                Markup.Escape(r.Reference ?? ""),
                Markup.Escape(r.Id.ToString("D")));
        }

        if (list.Items.Count == 0)
        {
            table.AddRow("none", "", "", "", "", "", "", "", "", "", "");
        }

        environment.Out.Write(table);

        // What the other side owes and has let pass: say so, and whom to call.
        foreach (var r in list.Items.Where(r => r.TheirOverdue is not null))
        {
            var theirs = r.TheirOverdue!;
            var other = r.Box == "incoming" ? r.RequestingState : r.RequestedState;
            var line = $"[red bold]{Markup.Escape(other)} has not acknowledged[/] {Markup.Escape(r.Id.ToString("D"))} ({Markup.Escape(r.Reference ?? r.Kind)}): {RequestView.CountdownMarkup(theirs.Due, now)} ({Markup.Escape(theirs.Article)}).";
            if (theirs.Contact is { } c)
            {
                var channels = string.Join(", ", c.Channels.Select(ch => $"{ch.Kind} {ch.Value}"));
                line += $" Call {Markup.Escape(other)}'s 24/7 point of contact: {Markup.Escape(c.Office)}" + (channels.Length > 0 ? $" ({Markup.Escape(channels)})" : "")
                    + (c.OnDuty is { } officer
                        ? $"; on duty now: {Markup.Escape(officer)}" + (c.OnDutyChannels.Count > 0 ? $" ({Markup.Escape(string.Join(", ", c.OnDutyChannels.Select(ch => $"{ch.Kind} {ch.Value}")))})" : "")
                        : "; nobody on its roster now") + ".";
            }
            else
            {
                line += $" The Register this node holds lists no office of {Markup.Escape(other)} for it.";
            }

            environment.Out.MarkupLine(line);
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// The clock that has passed, for each overdue row: a row's <c>nextDueAt</c> is the next clock still
    /// running, so the one that made it overdue (and by how much) comes from the request itself.
    /// </summary>
    private static async Task<Dictionary<Guid, RequestClockDto>> OverdueClocksAsync(NodeConnection connection, IReadOnlyList<RequestSummary> rows, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, RequestClockDto>();
        foreach (var row in rows.Where(r => r.Urgency == "overdue"))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/requests/{row.Id:D}");
            if (await connection.SendAsync(request, cancellationToken) is not { Status: System.Net.HttpStatusCode.OK } answer)
            {
                continue;
            }

            try
            {
                var detail = System.Text.Json.JsonSerializer.Deserialize<RequestDetail>(answer.Body, RequestJson.Options);
                if (detail?.Clocks.Where(c => c.IsDue && c.Kind != "preservationReminder").MinBy(c => c.Due) is { } clock)
                {
                    found[row.Id] = clock;
                }
            }
            catch (System.Text.Json.JsonException)
            {
                // The row still shows as overdue, with the next running clock.
            }
        }

        return found;
    }
}

/// <summary><c>comity request show ID</c>: <c>GET /api/v1/requests/{id}</c>, with the signed history as a timeline.</summary>
internal sealed class RequestShowCommand(CliEnvironment environment) : AsyncCommand<RequestIdSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RequestIdSettings settings, CancellationToken cancellationToken)
    {
        using var connection = RequestConnection.Resolve(settings, environment);
        if (connection is null)
        {
            return ExitCodes.Invalid;
        }

        var answer = await RequestConnection.GetAsync(connection, environment, $"api/v1/requests/{Guid.Parse(settings.Id):D}", RequestConnection.ReadRoles, cancellationToken);
        if (answer.Body is not { } body)
        {
            return answer.ExitCode;
        }

        if (settings.Json)
        {
            environment.WriteMachineOutput(body);
            return ExitCodes.Ok;
        }

        if (RequestJson.Read<RequestDetail>(body, environment) is not { } detail)
        {
            return ExitCodes.Failure;
        }

        RequestDetailView.Write(environment, detail, await ContentArticlesAsync(connection, detail.Header.Kind, cancellationToken));
        return ExitCodes.Ok;
    }

    /// <summary>Which article requires each content item of the kind, from <c>/kinds</c>; empty when it cannot be read (the contents still show).</summary>
    private static async Task<IReadOnlyDictionary<string, string>> ContentArticlesAsync(NodeConnection connection, string kind, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/requests/kinds");
        if (await connection.SendAsync(request, cancellationToken) is not { Status: System.Net.HttpStatusCode.OK } answer)
        {
            return new Dictionary<string, string>();
        }

        try
        {
            var kinds = System.Text.Json.JsonSerializer.Deserialize<RequestKindsResponse>(answer.Body, RequestJson.Options);
            return kinds?.Kinds.FirstOrDefault(k => k.Kind == kind)?.RequiredContents.ToDictionary(c => c.Item, c => c.Article, StringComparer.Ordinal)
                ?? new Dictionary<string, string>();
        }
        catch (System.Text.Json.JsonException)
        {
            return new Dictionary<string, string>();
        }
    }
}

/// <summary><c>comity request alerts</c>: <c>GET /api/v1/requests/alerts</c>: reminders and escalations, newest first.</summary>
internal sealed class RequestAlertsCommand(CliEnvironment environment) : AsyncCommand<RequestAlertsSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RequestAlertsSettings settings, CancellationToken cancellationToken)
    {
        using var connection = RequestConnection.Resolve(settings, environment);
        if (connection is null)
        {
            return ExitCodes.Invalid;
        }

        var path = NodeConnection.WithQuery("api/v1/requests/alerts", ("audience", settings.Audience), ("limit", settings.Limit?.ToString(CultureInfo.InvariantCulture)));
        var answer = await RequestConnection.GetAsync(connection, environment, path, RequestConnection.ReadRoles, cancellationToken);
        if (answer.Body is not { } body)
        {
            return answer.ExitCode;
        }

        if (settings.Json)
        {
            environment.WriteMachineOutput(body);
            return ExitCodes.Ok;
        }

        if (RequestJson.Read<RequestAlertsResponse>(body, environment) is not { } alerts)
        {
            return ExitCodes.Failure;
        }

        environment.Out.Write(RequestAlertsView.Table($"Alerts at {connection.Node}", alerts.Items, environment.Time.GetUtcNow()));
        return ExitCodes.Ok;
    }
}

internal static class RequestAlertsView
{
    public static Table Table(string title, IReadOnlyList<RequestAlertDto> alerts, DateTimeOffset now)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));
        foreach (var column in new[] { "Kind", "For", "Clock", "Due", "Raised (UTC)", "Message", "Article", "Request" })
        {
            table.AddColumn(column);
        }

        foreach (var a in alerts)
        {
            table.AddRow(
                a.Kind == "escalation" ? "[red]▲ escalation[/]" : "[yellow]● reminder[/]",
                Markup.Escape(a.Audience),
                Markup.Escape(a.Clock),
                RequestView.CountdownMarkup(a.Due, now),
                Markup.Escape(RequestView.Instant(a.RaisedAt, null)),
                Markup.Escape(a.Message),
                Markup.Escape(a.Article),
                Markup.Escape(a.RequestId.ToString("D")));
        }

        if (alerts.Count == 0)
        {
            table.AddRow("none", "", "", "", "", "", "", "");
        }

        return table;
    }
}
