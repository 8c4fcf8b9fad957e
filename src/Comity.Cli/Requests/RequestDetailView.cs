using System.Globalization;
using System.Text.Json;
using Comity.Node.Features.Requests;
using Comity.Node.Features.Requests.Show;
using Spectre.Console;

namespace Comity.Cli.Requests;

/// <summary>A request as <c>comity request show</c> prints it: header, texts, contents, conditions, clocks and the signed timeline.</summary>
internal static class RequestDetailView
{
    public static void Write(CliEnvironment environment, RequestDetail detail, IReadOnlyDictionary<string, string> contentArticles)
    {
        var output = environment.Out;
        var now = environment.Time.GetUtcNow();
        var h = detail.Header;
        var zone = h.RequestedTimeZone;

        var header = RequestView.Pairs($"{h.Kind} ({h.Article}) {h.RequestingState} → {h.RequestedState}");
        RequestView.Pair(header, "Id", h.Id.ToString("D"));
        RequestView.Pair(header, "State", RequestView.State(h.State), markup: true);
        RequestView.Pair(header, "This node", h.Side == "requesting" ? $"requesting side ({h.RequestingState})" : $"requested side ({h.RequestedState})");
        RequestView.Pair(header, "Requesting office", h.RequestingOffice);
        RequestView.Pair(header, "Requested office", h.RequestedOffice);
        RequestView.Pair(header, "On duty at submission", h.OfficerOnDutyAtSubmission);
        RequestView.Pair(header, "Submitted", RequestView.Instant(h.SubmittedAt, zone));
        RequestView.Pair(header, "Last movement", RequestView.Instant(h.LastMovedAt, zone));
        RequestView.Pair(header, "Reference", h.Reference);
        var basis = detail.LegalBasis;
        RequestView.Pair(header, "Legal basis", $"{basis.Kind}{(basis.Reference is null ? "" : " — " + basis.Reference)} ({basis.Article})"
            + (basis.ConventionInForceAtSubmission is { } inForce ? inForce ? "; Convention in force at submission" : "; Convention not in force at submission (Art. 65)" : ""));
        if (detail.WaitingFor is { } waiting)
        {
            RequestView.Pair(header, "Waiting for", waiting);
        }

        if (Delivery(detail) is { } delivery)
        {
            RequestView.Pair(header, "Delivery", delivery, markup: true);
        }

        RequestView.Pair(header, "You may now", detail.Actions.Count == 0 ? "nothing (no transition is open to this side)" : string.Join(", ", detail.Actions));
        output.Write(header);

        var texts = new Table().Border(TableBorder.Rounded).Title("Request text");
        texts.AddColumn($"Original ({detail.Original.Language})");
        if (detail.Translation is { } translation)
        {
            texts.AddColumn($"Translation ({translation.Language}, provided by the {translation.ProvidedBy ?? "requesting"} side)");
            texts.AddRow(Markup.Escape(detail.Original.Text), Markup.Escape(translation.Text));
        }
        else
        {
            texts.AddRow(Markup.Escape(detail.Original.Text));
        }

        output.Write(texts);

        var contents = new Table().Border(TableBorder.Rounded).Title("Contents");
        contents.AddColumn("Item");
        contents.AddColumn("Article");
        contents.AddColumn("Text");
        foreach (var (item, text) in Contents(detail.Contents))
        {
            contents.AddRow(Markup.Escape(item), Markup.Escape(contentArticles.TryGetValue(item, out var article) ? article : ""), Markup.Escape(text));
        }

        output.Write(contents);

        var c = detail.Conditions;
        var conditions = RequestView.Pairs("Handling conditions (Art. 36; Art. 40)");
        RequestView.Pair(conditions, "Confidentiality", c.Confidentiality ?? "none");
        RequestView.Pair(conditions, "Use limitation", c.UseLimitation ?? "none");
        RequestView.Pair(conditions, "Onward transfer", c.OnwardTransfer ?? "withPriorAuthorization");
        RequestView.Pair(conditions, "Retention", c.RetentionDays is { } days ? days.ToString(CultureInfo.InvariantCulture) + " days at most" : "no limit");
        if (c.DataProtection is { Count: > 0 } dp)
        {
            RequestView.Pair(conditions, "Data protection", string.Join("; ", dp));
        }

        output.Write(conditions);

        if (detail.Preservation is { } p)
        {
            var preservation = RequestView.Pairs("Preservation (Art. 42)");
            RequestView.Pair(preservation, "Preserved at", RequestView.Instant(p.PreservedAt, zone));
            RequestView.Pair(preservation, "Until", $"{RequestView.Instant(p.Until, zone)}, {RequestView.Countdown(p.Until, now).Replace("due in", "ends in", StringComparison.Ordinal)}");
            RequestView.Pair(preservation, "Extension requested", p.ExtensionPending ? "yes, awaiting the requested side" : null);
            RequestView.Pair(preservation, "Follow-up requests", p.FollowUpReferences.Count == 0 ? "none linked yet" : string.Join(", ", p.FollowUpReferences));
            output.Write(preservation);
        }

        if (detail.Refusal is { } r)
        {
            var refusal = RequestView.Pairs("Refusal");
            RequestView.Pair(refusal, "Ground", $"{r.Ground} ({r.Article})");
            RequestView.Pair(refusal, "Reasons", r.Reasons);
            output.Write(refusal);
        }

        if (detail.DualCriminality is { } guidance)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .Title(Markup.Escape($"Dual criminality (guidance, Art. 35): {guidance.OffenceTitle} [{guidance.OffenceCode}], {guidance.Measure}"));
            table.AddColumn("Conclusion");
            table.AddColumn("Holds");
            table.AddColumn("Article");
            table.AddColumn("Why");
            foreach (var conclusion in guidance.Conclusions)
            {
                table.AddRow(Markup.Escape(conclusion.Code), conclusion.Holds ? "[green]yes[/]" : "[yellow]no[/]", Markup.Escape(conclusion.Article), Markup.Escape(conclusion.Reason));
            }

            output.Write(table);
        }

        if (detail.OpenQuestion is { } question)
        {
            output.MarkupLineInterpolated($"[bold]Open question (Art. 40(16)):[/] {question}");
        }

        var clocks = new Table().Border(TableBorder.Rounded).Title("Clocks");
        clocks.AddColumn("Clock");
        clocks.AddColumn("Countdown");
        clocks.AddColumn("Due");
        clocks.AddColumn("Article");
        foreach (var clock in detail.Clocks)
        {
            clocks.AddRow(Markup.Escape(clock.Kind), RequestView.CountdownMarkup(clock.Due, now), Markup.Escape(RequestView.Instant(clock.Due, zone)), Markup.Escape(clock.Article));
        }

        if (detail.Clocks.Count == 0)
        {
            clocks.AddRow("none running", "", "", "");
        }

        output.Write(clocks);

        output.Write(Timeline(detail, zone));

        if (detail.Alerts.Count > 0)
        {
            output.Write(RequestAlertsView.Table("Alerts", detail.Alerts, now));
        }
    }

    /// <summary>The signed history, oldest first: who, when, the signing node's kid, and whether the signature verifies.</summary>
    public static Table Timeline(RequestDetail detail, string? zone)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Signed history");
        table.AddColumn("#");
        table.AddColumn("Event");
        table.AddColumn("By");
        table.AddColumn("Who");
        table.AddColumn("When");
        table.AddColumn("Signer kid");
        table.AddColumn("Signature");
        table.AddColumn("Details");
        foreach (var e in detail.Events.OrderBy(e => e.Index))
        {
            var signature = e.Signature.Verified
                ? $"[green]✓ verified[/] ({Markup.Escape(e.Signature.Signer)})"
                : $"[red]✗ NOT VERIFIED[/] ({Markup.Escape(e.Signature.Signer)}): {Markup.Escape(e.Signature.Problem ?? "no reason given")}";
            table.AddRow(
                Markup.Escape(e.Index.ToString(CultureInfo.InvariantCulture)),
                Markup.Escape(e.Type),
                Markup.Escape($"{e.Node} ({e.By})"),
                Markup.Escape(e.Actor ?? "the node"),
                Markup.Escape(RequestView.Instant(e.At, zone)),
                Markup.Escape(e.Signature.Kid),
                signature,
                Markup.Escape(Fields(e.Fields)));
        }

        return table;
    }

    /// <summary>After a submission or a transition: the state, the last event and what comes next.</summary>
    public static void WriteSummary(CliEnvironment environment, RequestDetail detail)
    {
        var now = environment.Time.GetUtcNow();
        var table = RequestView.Pairs($"{detail.Header.Kind} {detail.Header.RequestingState} → {detail.Header.RequestedState}");
        RequestView.Pair(table, "Id", detail.Header.Id.ToString("D"));
        RequestView.Pair(table, "State", RequestView.State(detail.Header.State), markup: true);
        if (detail.Events.MaxBy(e => e.Index) is { } last)
        {
            RequestView.Pair(table, "Last event", $"{last.Type} by {last.Node} at {RequestView.Instant(last.At, detail.Header.RequestedTimeZone)}, signed {last.Signature.Kid} ({(last.Signature.Verified ? "verified" : "NOT VERIFIED")})");
        }

        foreach (var clock in detail.Clocks)
        {
            RequestView.Pair(table, "Clock " + clock.Kind, $"{RequestView.CountdownMarkup(clock.Due, now)} ({Markup.Escape(RequestView.Instant(clock.Due, detail.Header.RequestedTimeZone))}, {Markup.Escape(clock.Article)})", markup: true);
        }

        RequestView.Pair(table, "Waiting for", detail.WaitingFor);
        RequestView.Pair(table, "Delivery", Delivery(detail), markup: true);
        RequestView.Pair(table, "You may now", detail.Actions.Count == 0 ? null : string.Join(", ", detail.Actions));
        environment.Out.Write(table);
    }

    /// <summary>An event the other node has not received, in words (markup); null when everything sent was delivered or is on its way.</summary>
    public static string? Delivery(RequestDetail detail)
    {
        var other = detail.Header.Side == "requested" ? detail.Header.RequestingState : detail.Header.RequestedState;
        return detail.Delivery switch
        {
            { Status: "undeliverable" } d => $"[red bold]NOT DELIVERED[/]: {Markup.Escape(other)}'s node refused {Markup.Escape(d.EventType)} "
                + $"({Markup.Escape($"{d.ProblemStatus} {d.ProblemCode}")}){(d.Detail is { Length: > 0 } why ? ": " + Markup.Escape(why) : "")}. "
                + $"{Markup.Escape(other)} has not received it. Fix the cause, then: comity request send-again {detail.Header.Id:D}",
            { Status: "retrying" } d => $"[yellow]not delivered yet[/]: {Markup.Escape(d.EventType)} to {Markup.Escape(other)}, "
                + $"{d.Attempts.ToString(CultureInfo.InvariantCulture)} attempts failed{(d.Detail is { Length: > 0 } why ? " (" + Markup.Escape(why) + ")" : "")}; the node keeps trying",
            _ => null,
        };
    }

    public static IEnumerable<(string Item, string Text)> Contents(RequestContentsDto contents)
    {
        var all = new (string, string?)[]
        {
            ("requestingAuthority", contents.RequestingAuthority), ("offence", contents.Offence), ("summaryOfFacts", contents.SummaryOfFacts),
            ("dataToPreserve", contents.DataToPreserve), ("linkToOffence", contents.LinkToOffence), ("custodianOrLocation", contents.CustodianOrLocation),
            ("preservationNecessity", contents.PreservationNecessity), ("intendedFollowUp", contents.IntendedFollowUp),
            ("preservationReference", contents.PreservationReference), ("trafficDataSought", contents.TrafficDataSought),
            ("emergency", contents.Emergency), ("dataSought", contents.DataSought), ("personSought", contents.PersonSought), ("question", contents.Question),
        };
        return all.Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => (p.Item1, p.Item2!));
    }

    /// <summary>The event's wire fields in one line: <c>until=…; reference=…</c> (conditions and long texts shortened).</summary>
    private static string Fields(JsonElement fields)
    {
        if (fields.ValueKind != JsonValueKind.Object)
        {
            return "";
        }

        var parts = new List<string>();
        foreach (var property in fields.EnumerateObject())
        {
            var value = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString() ?? "",
                JsonValueKind.Null => null,
                JsonValueKind.Object or JsonValueKind.Array => property.Value.GetRawText(),
                _ => property.Value.GetRawText(),
            };
            if (value is { Length: > 0 })
            {
                parts.Add($"{property.Name}={(value.Length > 120 ? value[..117] + "…" : value)}");
            }
        }

        return string.Join("; ", parts);
    }
}
