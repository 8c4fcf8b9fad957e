using System.Globalization;
using Comity.Testing.Processes;
using Spectre.Console;

namespace Comity.Bench.Federation;

/// <summary>
/// <c>--federation-faults [--envelopes 2000] [--kills 10] [--cuts 3] [--seed S] [--run-folder DIR]</c>:
/// the fault run of issue 4 with a progress bar and a summary; exit code 0 only when no envelope was
/// lost or applied twice and every receipt verified.
/// </summary>
public static class FederationFaults
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seed = BenchArgs.Int(args, "--seed") ?? Environment.TickCount & 0x7fffffff;
        var folder = BenchArgs.String(args, "--run-folder")
            ?? Path.Combine(Path.GetTempPath(), "comity-faults", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + seed.ToString(CultureInfo.InvariantCulture));
        var options = new FederationFaultOptions
        {
            RunFolder = folder,
            Envelopes = BenchArgs.Int(args, "--envelopes") ?? 2000,
            Kills = BenchArgs.Int(args, "--kills") ?? 10,
            Cuts = BenchArgs.Int(args, "--cuts") ?? 3,
            Seed = seed,
            Submitters = BenchArgs.Int(args, "--submitters") ?? 4,
            Conversations = BenchArgs.Int(args, "--conversations") ?? 8,
            ConversationShare = (BenchArgs.Int(args, "--conversation-percent") ?? 70) / 100.0,
            DrainTimeout = TimeSpan.FromSeconds(BenchArgs.Int(args, "--drain-timeout") ?? 300),
        };

        var console = AnsiConsole.Console;
        console.MarkupLineInterpolated($"Fault run: [bold]{options.Envelopes}[/] pings XA → XB, [bold]{options.Kills}[/] SIGKILLs, [bold]{options.Cuts}[/] network cuts, seed [bold]{seed}[/]");
        console.MarkupLineInterpolated($"Node data and logs: {folder}");
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        FederationFaultReport? report = null;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var sending = context.AddTask("starting the nodes", maxValue: options.Envelopes);
                var delivering = context.AddTask("delivered (XA outbox)", maxValue: options.Envelopes);
                var progress = new Progress<FaultProgress>(p =>
                {
                    sending.Description = string.Create(CultureInfo.InvariantCulture, $"{p.Phase}: acknowledged {p.Acknowledged}, uncertain {p.Uncertain}, kills {p.Kills}, cuts {p.Cuts}");
                    sending.Value = p.Acknowledged;
                    if (p.Delivered is { } delivered)
                    {
                        delivering.MaxValue = Math.Max(options.Envelopes, delivered);
                        delivering.Value = delivered;
                    }
                });
                report = await new FederationFaultRun(options).RunAsync(progress, stop.Token);
                sending.StopTask();
                delivering.StopTask();
            });

        Print(console, report!);
        return report!.Passed ? 0 : 1;
    }

    public static void Print(IAnsiConsole console, FederationFaultReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Fault run");
        table.AddColumn("measure");
        table.AddColumn(new TableColumn("value").RightAligned());
        void Row(string name, object value) => table.AddRow(Markup.Escape(name), Markup.Escape(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
        Row("sent (XA outbox → XB, ground truth)", report.Sent);
        Row("acknowledged by XA (202, harness count)", report.Acknowledged);
        Row("uncertain submissions (answer lost)", report.Uncertain);
        Row("submissions refused while XA was down (retried)", report.RefusedWhileDown);
        Row("acknowledged but missing from the outbox", report.AcknowledgedButMissing);
        Row("delivered / pending / undeliverable", $"{report.Delivered} / {report.Pending} / {report.Undeliverable}");
        Row("applied on XB (rows)", report.Applied);
        Row("applied on XB (distinct envelopes)", report.AppliedDistinct);
        Row("duplicates", report.Duplicates);
        Row("lost", report.Lost);
        Row("applied but never sent", report.Unexpected);
        Row("receipts verified by XA", report.ReceiptsVerifiedByNode);
        Row("receipts verified by the harness", report.ReceiptsVerifiedByHarness);
        Row("conversations / order violations", $"{report.Conversations} / {report.OrderViolations}");
        Row("kills (XA + XB)", $"{report.Kills} ({report.KillsOfSender} + {report.KillsOfReceiver})");
        Row("network cuts", report.Cuts);
        Row("duration", $"{report.Duration.TotalSeconds:0.0} s (drain {report.Drain.TotalSeconds:0.0} s)");
        console.Write(table);
        if (report.Passed)
        {
            console.MarkupLine("[green]PASSED[/]: every envelope XA sent was applied exactly once on XB and holds a verified receipt.");
        }
        else
        {
            console.MarkupLine("[red]FAILED[/]:");
            foreach (var failure in report.Failures)
            {
                console.MarkupLineInterpolated($"  - {failure}");
            }
        }

        console.MarkupLineInterpolated($"Logs: {report.RunFolder}");
    }
}

/// <summary>Reads <c>--name value</c> pairs from the bench's command line.</summary>
internal static class BenchArgs
{
    public static string? String(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    public static int? Int(string[] args, string name) =>
        String(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
}
