using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;

namespace Comity.Testing.Processes;

/// <summary>What a fault run does.</summary>
public sealed record FederationFaultOptions
{
    /// <summary>Folder for the nodes' data and logs.</summary>
    public required string RunFolder { get; init; }

    /// <summary>How many pings the harness must see acknowledged (202) by the sender. The outbox ends with at least this many.</summary>
    public int Envelopes { get; init; } = 2000;

    /// <summary>SIGKILLs in total, each to the sender XA or the receiver XB (at least one each when there are two or more).</summary>
    public int Kills { get; init; } = 10;

    /// <summary>Network cuts by the proxy in front of XB.</summary>
    public int Cuts { get; init; } = 3;

    /// <summary>Seed of every random choice of the harness (workload, fault moments, victims, down times).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Long conversations; the pings not in one are single pings, each its own conversation.</summary>
    public int Conversations { get; init; } = 8;

    /// <summary>Share of the pings that go into the long conversations.</summary>
    public double ConversationShare { get; init; } = 0.7;

    /// <summary>Concurrent submitters.</summary>
    public int Submitters { get; init; } = 4;

    /// <summary>How long to wait, after the last fault, for the sender's backlog to drain.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>How long a node may take to be ready after a (re)start.</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(180);

    /// <summary>Longest time a killed node stays down before it is restarted.</summary>
    public TimeSpan MaxDownTime { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Longest time the proxy refuses connections after a cut.</summary>
    public TimeSpan MaxCut { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Node configuration for the run. The defaults shorten the delivery back-off and circuit break (30 s,
    /// 5 minutes in production) to a couple of seconds so that a run of a few minutes sees many retries.
    /// </summary>
    public IReadOnlyDictionary<string, string?> NodeSettings { get; init; } = DefaultNodeSettings;

    public static IReadOnlyDictionary<string, string?> DefaultNodeSettings { get; } = new Dictionary<string, string?>
    {
        ["Comity:Federation:Envelopes:RetryMinDelay"] = "00:00:00.200",
        ["Comity:Federation:Envelopes:RetryMaxDelay"] = "00:00:02",
        ["Comity:Federation:Envelopes:CircuitBreakDuration"] = "00:00:02",
        ["Comity:Federation:Envelopes:AttemptTimeout"] = "00:00:10",
        ["Comity:Federation:Envelopes:SweepInterval"] = "00:00:00.250",
        ["Logging:LogLevel:Default"] = "Information",
    };
}

/// <summary>What the harness sees while it runs.</summary>
public sealed record FaultProgress(string Phase, int Acknowledged, int Target, int Uncertain, int Kills, int Cuts, int? Delivered);

/// <summary>The outcome of a fault run. <see cref="Passed"/> is the verdict; <see cref="Failures"/> says why not.</summary>
public sealed record FederationFaultReport
{
    /// <summary>Submissions the sender answered 202 (the harness's count of "sent").</summary>
    public required int Acknowledged { get; init; }

    /// <summary>Submissions whose answer was lost (reset, timeout, process killed): each may or may not be in the outbox.</summary>
    public required int Uncertain { get; init; }

    /// <summary>Submissions refused before they reached the node (connection refused: the node was down); retried.</summary>
    public required int RefusedWhileDown { get; init; }

    /// <summary>Answers other than 202 (4xx/5xx) to a submission; none is expected.</summary>
    public required int ErrorAnswers { get; init; }

    /// <summary>The ground truth of "sent": envelopes in XA's outbox to XB at the end.</summary>
    public required int Sent { get; init; }

    /// <summary>Outbox status counts at the end.</summary>
    public required int Delivered { get; init; }

    public required int Pending { get; init; }

    public required int Undeliverable { get; init; }

    /// <summary>Ping applications on XB (rows; a double apply counts twice).</summary>
    public required int Applied { get; init; }

    /// <summary>Distinct envelope ids applied on XB.</summary>
    public required int AppliedDistinct { get; init; }

    /// <summary>Applications beyond the first of an envelope id.</summary>
    public int Duplicates => Applied - AppliedDistinct;

    /// <summary>Envelopes in XA's outbox never applied on XB.</summary>
    public required int Lost { get; init; }

    /// <summary>Envelope ids applied on XB that XA's outbox does not hold.</summary>
    public required int Unexpected { get; init; }

    /// <summary>Envelopes XA acknowledged (202) that its outbox does not hold: an acknowledged write lost by a crash.</summary>
    public required int AcknowledgedButMissing { get; init; }

    /// <summary>Outbox envelopes whose receipt XA stored as verified.</summary>
    public required int ReceiptsVerifiedByNode { get; init; }

    /// <summary>Outbox envelopes whose receipt the harness verified itself (<see cref="ReceiptVerifier"/>, bytes from XA's outbox, the Secretariat's Register).</summary>
    public required int ReceiptsVerifiedByHarness { get; init; }

    /// <summary>Conversations whose applied seqs are not exactly 1..n, or applied out of order.</summary>
    public required int OrderViolations { get; init; }

    public required int Conversations { get; init; }

    public required int KillsOfSender { get; init; }

    public required int KillsOfReceiver { get; init; }

    public int Kills => KillsOfSender + KillsOfReceiver;

    public required int Cuts { get; init; }

    public required TimeSpan Duration { get; init; }

    /// <summary>From the end of the faults until the backlog drained (or the timeout).</summary>
    public required TimeSpan Drain { get; init; }

    public required string RunFolder { get; init; }

    /// <summary>What went wrong, one line each; empty when the run passed.</summary>
    public required IReadOnlyList<string> Failures { get; init; }

    public bool Passed => Failures.Count == 0;
}

/// <summary>
/// The fault run of issue 4: XA sends pings to XB (long conversations and single pings) while the harness
/// kills XA and XB with SIGKILL at random moments and restarts them, and cuts the network in front of XB.
/// Then it waits for the backlog to drain and checks, from both nodes' databases, that every envelope in
/// XA's outbox was applied exactly once on XB and holds a receipt that verifies, and that XB applied
/// nothing XA did not send. The bench (<c>--federation-faults</c>) and the test suite run this same code.
/// </summary>
public sealed class FederationFaultRun(FederationFaultOptions options)
{
    private const string Sender = "XA";
    private const string Receiver = "XB";

    /// <summary>How long XB may keep envelopes waiting once XA has nothing left to send before the run calls it stuck.</summary>
    private static readonly TimeSpan StuckAfter = TimeSpan.FromSeconds(15);

    private readonly ConcurrentBag<Guid> acknowledged = [];
    private readonly ConcurrentQueue<string> errors = new();
    private int acknowledgedCount;
    private int uncertain;
    private int refused;
    private int errorAnswers;

    public async Task<FederationFaultReport> RunAsync(IProgress<FaultProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(options.Seed);
        await using var network = await ProcessNetwork.StartAsync(new ProcessNetworkOptions
        {
            RunFolder = options.RunFolder,
            States = [Sender, Receiver],
            Proxied = [Receiver],
            Settings = options.NodeSettings,
            ReadyTimeout = options.ReadyTimeout,
            RequestTimeout = TimeSpan.FromSeconds(10),
        }, cancellationToken);

        var slots = PlanSlots(random);
        var faults = PlanFaults(random);
        var kills = new Dictionary<string, int>(StringComparer.Ordinal) { [Sender] = 0, [Receiver] = 0 };
        var cuts = 0;
        string phase = "sending";
        int? delivered = null;
        void Report() => progress?.Report(new FaultProgress(phase, Volatile.Read(ref acknowledgedCount), options.Envelopes, Volatile.Read(ref uncertain), kills[Sender] + kills[Receiver], cuts, delivered));

        using var stopReporting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reporter = Task.Run(async () =>
        {
            while (!stopReporting.IsCancellationRequested)
            {
                Report();
                await Task.Delay(TimeSpan.FromMilliseconds(200), stopReporting.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }, CancellationToken.None);

        // Submitters and the fault loop run together; faults fire when the acknowledged count crosses their moments.
        var next = -1;
        var submitters = Enumerable.Range(0, options.Submitters).Select(_ => Task.Run(() => SubmitLoopAsync(network, slots, () => Interlocked.Increment(ref next), cancellationToken), cancellationToken)).ToArray();
        foreach (var fault in faults)
        {
            while (Volatile.Read(ref acknowledgedCount) < fault.At && !submitters.All(s => s.IsCompleted))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(fault.Jitter), cancellationToken);
            if (fault.Victim is { } victim)
            {
                await network[victim].KillAsync();
                kills[victim]++;
                await Task.Delay(fault.Down, cancellationToken);
                await network[victim].StartAsync(options.ReadyTimeout, cancellationToken);
            }
            else
            {
                network.Proxy(Receiver).Cut(fault.Down);
                cuts++;
            }
        }

        await Task.WhenAll(submitters);
        var faultsEnded = clock.Elapsed;

        // Drain: XA's outbox has nothing pending and XB has nothing waiting for a predecessor. When XA has
        // nothing left to send but XB keeps waiting, nothing can change any more: stop early.
        phase = "draining";
        var drained = false;
        var waiting = 0;
        var stuckSince = (TimeSpan?)null;
        var senderApi = network.Api(Sender);
        while (clock.Elapsed - faultsEnded < options.DrainTimeout)
        {
            try
            {
                var stats = await senderApi.GetOkAsync("api/v1/federation/stats", cancellationToken);
                var outbox = stats.GetProperty("outbox");
                delivered = outbox.GetProperty("delivered").GetInt32();
                var pending = outbox.GetProperty("pending").GetInt32();
                waiting = await FederationLedger.InboxWaitingAsync(network[Receiver].Options.DataFolder, cancellationToken);
                if (pending == 0 && waiting == 0)
                {
                    drained = true;
                    break;
                }

                stuckSince = pending == 0 ? stuckSince ?? clock.Elapsed : null;
                if (stuckSince is { } since && clock.Elapsed - since > StuckAfter)
                {
                    break;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // A node that was being restarted when the faults ended answers shortly.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        var drain = clock.Elapsed - faultsEnded;
        phase = "checking";
        var register = await FetchRegisterAsync(network, cancellationToken);
        var outboxRows = (await FederationLedger.OutboxAsync(network[Sender].Options.DataFolder, cancellationToken))
            .Where(o => o.Peer == Receiver).ToList();
        var applied = (await FederationLedger.AppliedPingsAsync(network[Receiver].Options.DataFolder, cancellationToken))
            .Where(p => p.From == Sender).ToList();
        await stopReporting.CancelAsync();
        await reporter;

        var report = Check(outboxRows, applied, register, drained, waiting, drain, clock.Elapsed, kills, cuts);
        phase = report.Passed ? "passed" : "failed";
        Report();
        return report;
    }

    private FederationFaultReport Check(
        List<SentEnvelope> outbox,
        List<AppliedPing> applied,
        RegisterV1 register,
        bool drained,
        int waiting,
        TimeSpan drain,
        TimeSpan duration,
        Dictionary<string, int> kills,
        int cuts)
    {
        var failures = new List<string>();
        var sentIds = outbox.Select(o => o.Id).ToHashSet();
        var appliedCounts = applied.GroupBy(p => p.EnvelopeId).ToDictionary(g => g.Key, g => g.Count());
        var lost = sentIds.Count(id => !appliedCounts.ContainsKey(id));
        var unexpected = appliedCounts.Keys.Count(id => !sentIds.Contains(id));
        var duplicates = appliedCounts.Where(p => p.Value > 1).ToList();
        var ackMissing = acknowledged.Distinct().Count(id => !sentIds.Contains(id));

        var harnessVerified = 0;
        foreach (var envelope in outbox)
        {
            if (envelope.Receipt is { } receipt && ReceiptVerifier.Verify(receipt, envelope.Bytes, register, Receiver) is { IsAccepted: true } verification
                && verification.Receipt!.EnvelopeId == envelope.Id.ToString("D"))
            {
                harnessVerified++;
            }
        }

        var byConversation = applied.GroupBy(p => p.Conversation).ToList();
        var orderViolations = 0;
        foreach (var conversation in byConversation)
        {
            var inSeq = conversation.OrderBy(p => p.Seq).ToList();
            var gapFree = inSeq.Select(p => p.Seq).SequenceEqual(Enumerable.Range(1, inSeq.Count).Select(i => (long)i));
            var inOrder = inSeq.Zip(inSeq.Skip(1)).All(p => p.First.AppliedAt <= p.Second.AppliedAt);
            var sentCount = outbox.Count(o => o.Conversation == conversation.Key);
            if (!gapFree || !inOrder || sentCount != inSeq.Count)
            {
                orderViolations++;
                if (orderViolations <= 5)
                {
                    failures.Add($"conversation {conversation.Key}: applied seqs {Describe(inSeq.Select(p => p.Seq))} (sent {sentCount}), in order: {inOrder}");
                }
            }
        }

        var delivered = outbox.Count(o => o.Status == "delivered");
        var pending = outbox.Count(o => o.Status == "pending");
        var undeliverable = outbox.Count(o => o.Status == "undeliverable");
        var nodeVerified = outbox.Count(o => o.Status == "delivered" && o.ReceiptVerified);
        if (!drained)
        {
            failures.Add(pending == 0 && waiting > 0
                ? $"stuck: XA has nothing left to send but XB holds {waiting} envelopes waiting for a predecessor"
                : $"the backlog did not drain within {options.DrainTimeout.TotalSeconds:0} s ({pending} pending on XA, {waiting} waiting on XB)");
        }

        if (outbox.Count < options.Envelopes)
        {
            failures.Add($"XA's outbox holds {outbox.Count} envelopes to XB, fewer than the {options.Envelopes} acknowledged");
        }

        AddIf(failures, duplicates.Count > 0, $"{applied.Count - appliedCounts.Count} duplicate applications, e.g. {string.Join(", ", duplicates.Take(3).Select(d => $"{d.Key} ×{d.Value}"))}");
        AddIf(failures, lost > 0, $"{lost} envelopes in XA's outbox never applied on XB, e.g. {string.Join(", ", sentIds.Where(id => !appliedCounts.ContainsKey(id)).Take(3))}");
        AddIf(failures, unexpected > 0, $"{unexpected} envelopes applied on XB that XA's outbox does not hold");
        AddIf(failures, ackMissing > 0, $"{ackMissing} envelopes acknowledged (202) by XA are missing from its outbox");
        AddIf(failures, undeliverable > 0, $"{undeliverable} envelopes undeliverable (refused by XB)");
        AddIf(failures, nodeVerified != outbox.Count, $"{outbox.Count - nodeVerified} envelopes without a receipt XA verified");
        AddIf(failures, harnessVerified != outbox.Count, $"{outbox.Count - harnessVerified} receipts do not verify for the harness");
        AddIf(failures, errorAnswers > 0, $"{errorAnswers} submissions answered with an error: {string.Join(" | ", errors.Take(3))}");
        AddIf(failures, kills[Sender] + kills[Receiver] < options.Kills, $"only {kills[Sender] + kills[Receiver]} of {options.Kills} kills happened");

        return new FederationFaultReport
        {
            Acknowledged = acknowledgedCount,
            Uncertain = uncertain,
            RefusedWhileDown = refused,
            ErrorAnswers = errorAnswers,
            Sent = outbox.Count,
            Delivered = delivered,
            Pending = pending,
            Undeliverable = undeliverable,
            Applied = applied.Count,
            AppliedDistinct = appliedCounts.Count,
            Lost = lost,
            Unexpected = unexpected,
            AcknowledgedButMissing = ackMissing,
            ReceiptsVerifiedByNode = nodeVerified,
            ReceiptsVerifiedByHarness = harnessVerified,
            OrderViolations = orderViolations,
            Conversations = byConversation.Count,
            KillsOfSender = kills[Sender],
            KillsOfReceiver = kills[Receiver],
            Cuts = cuts,
            Duration = duration,
            Drain = drain,
            RunFolder = options.RunFolder,
            Failures = failures,
        };
    }

    private static void AddIf(List<string> failures, bool condition, string failure)
    {
        if (condition)
        {
            failures.Add(failure);
        }
    }

    private static string Describe(IEnumerable<long> seqs)
    {
        var list = seqs.ToList();
        return list.Count <= 8 ? string.Join(",", list) : $"{string.Join(",", list.Take(4))}…{string.Join(",", list.TakeLast(2))} ({list.Count})";
    }

    private async Task SubmitLoopAsync(ProcessNetwork network, IReadOnlyList<string?> slots, Func<int> take, CancellationToken cancellationToken)
    {
        var api = network.Api(Sender);
        while (Volatile.Read(ref acknowledgedCount) < options.Envelopes)
        {
            var index = take();
            var conversation = slots[index % slots.Count];
            var message = string.Create(CultureInfo.InvariantCulture, $"fault run {options.Seed}, submission {index}");
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    var answer = await api.PostAsync("api/v1/federation/pings", new { to = Receiver, message, conversation, wait = false }, cancellationToken);
                    if (answer.Status == 202)
                    {
                        acknowledged.Add(answer.Json.GetProperty("envelopeId").GetGuid());
                        Interlocked.Increment(ref acknowledgedCount);
                    }
                    else
                    {
                        Interlocked.Increment(ref errorAnswers);
                        errors.Enqueue(answer.ToString());
                    }

                    break;
                }
                catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
                {
                    // XA is down: nothing was sent. Try the same submission again shortly.
                    Interlocked.Increment(ref refused);
                    await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
                }
                catch (Exception e) when ((e is HttpRequestException or TaskCanceledException or JsonException) && !cancellationToken.IsCancellationRequested)
                {
                    // The request may have reached XA before it died: enqueued or not, nobody knows. XA's outbox will tell.
                    Interlocked.Increment(ref uncertain);
                    break;
                }
            }
        }
    }

    /// <summary>For each submission, its conversation: one of the long ones, or null for a single ping (the node makes a new conversation).</summary>
    private List<string?> PlanSlots(Random random)
    {
        var run = string.Create(CultureInfo.InvariantCulture, $"fault-{options.Seed}-{random.Next():x8}");
        var slots = new List<string?>(options.Envelopes);
        for (var i = 0; i < options.Envelopes; i++)
        {
            slots.Add(options.Conversations > 0 && random.NextDouble() < options.ConversationShare
                ? string.Create(CultureInfo.InvariantCulture, $"{run}-c{random.Next(options.Conversations):00}")
                : null);
        }

        return slots;
    }

    private sealed record Fault(int At, int Jitter, string? Victim, TimeSpan Down);

    /// <summary>Kills and cuts at random moments of the run (as fractions of the pings acknowledged), in order.</summary>
    private List<Fault> PlanFaults(Random random)
    {
        var victims = Enumerable.Range(0, options.Kills).Select(i => i % 2 == 0 ? Sender : Receiver).OrderBy(_ => random.Next()).ToList();
        var faults = new List<Fault>();
        foreach (var victim in victims)
        {
            faults.Add(new Fault(
                (int)(options.Envelopes * (0.03 + (0.9 * random.NextDouble()))),
                random.Next(0, 300),
                victim,
                TimeSpan.FromMilliseconds(random.Next(0, (int)options.MaxDownTime.TotalMilliseconds + 1))));
        }

        for (var i = 0; i < options.Cuts; i++)
        {
            faults.Add(new Fault(
                (int)(options.Envelopes * (0.03 + (0.9 * random.NextDouble()))),
                random.Next(0, 300),
                null,
                TimeSpan.FromMilliseconds(random.Next(200, (int)options.MaxCut.TotalMilliseconds + 1))));
        }

        return [.. faults.OrderBy(f => f.At)];
    }

    private static async Task<RegisterV1> FetchRegisterAsync(ProcessNetwork network, CancellationToken cancellationToken)
    {
        using var anonymous = new HttpClient { BaseAddress = network.Secretariat.BaseAddress };
        var jws = await anonymous.GetStringAsync("federation/v1/register", cancellationToken);
        var key = JsonSerializer.Deserialize<Jwk>(await anonymous.GetStringAsync("federation/v1/register/key", cancellationToken))
            ?? throw new InvalidOperationException("The Secretariat served no Register key.");
        var verification = JwsFlattened.Verify(jws, key);
        return verification.IsValid
            ? RegisterJson.Deserialize(verification.Payload)
            : throw new InvalidOperationException($"The Register does not verify: {verification.Reason}");
    }
}
