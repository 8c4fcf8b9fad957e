using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Comity.Node.Federation.Register;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Comity.Protocol.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Comity.Node.Federation.Envelopes;

/// <summary>
/// Delivers the outbox: newly committed envelopes at once (signalled by the outbox), due retries and
/// anything left over by a crash on each sweep (every <see cref="EnvelopeOptions.SweepInterval"/> of the
/// node's clock, or when woken). Always the stored bytes; exponential back-off with jitter per row;
/// per-peer concurrency limit and circuit breaker. At least once: a row not marked delivered is sent
/// again, and the receiver answers a duplicate with its stored receipt.
/// </summary>
internal sealed partial class DeliveryWorker(
    IServiceScopeFactory scopes,
    IHttpClientFactory httpClients,
    DeliverySignals signals,
    PeerCircuits circuits,
    FederationRegisterView view,
    IOptions<EnvelopeOptions> options,
    TimeProvider time,
    EnvelopeMetrics metrics,
    SqliteWriteGate writeGate,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    public const string HttpClientName = "comity-envelopes";
    private const int SweepBatch = 2000;
    private const int MaxReceiptBytes = 256 * 1024;

    private readonly ConcurrentDictionary<Guid, Task> inFlight = new();
    private GroupCommit<AttemptRecord, OutboxEnvelope?>? records;
    private readonly Random random = options.Value.RandomSeed is { } seed ? new Random(seed) : new Random();
    private readonly Lock randomGate = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DeliveryWorkerEnabled)
        {
            return;
        }

        var fast = Task.Run(() => ConsumeReadyAsync(stoppingToken), stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
                await signals.WaitForSweepAsync(options.Value.SweepInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                LogSweepFailed(e);
                await signals.WaitForSweepAsync(options.Value.SweepInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        try
        {
            await fast;
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>One sweep (due retries, left-overs, overdue alerts), then waits for every delivery in flight. Returns how many it started.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var started = await SweepAsync(cancellationToken);
        await WhenIdleAsync();
        return started;
    }

    /// <summary>Waits until no delivery is in flight.</summary>
    public async Task WhenIdleAsync()
    {
        while (!inFlight.IsEmpty)
        {
            await Task.WhenAll(inFlight.Values);
        }
    }

    private async Task ConsumeReadyAsync(CancellationToken cancellationToken)
    {
        await foreach (var item in signals.ReadyEnvelopes.ReadAllAsync(cancellationToken))
        {
            Dispatch(item, cancellationToken);
        }
    }

    private async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComityDbContext>();
        var now = time.GetUtcNow();
        var due = await db.Outbox().AsNoTracking()
            .Where(o => o.Status == OutboxStatus.Pending && o.NextAttemptAt <= now)
            .OrderBy(o => o.NextAttemptAt)
            .Select(o => o.Id)
            .Take(SweepBatch)
            .ToListAsync(cancellationToken);
        var ids = due.Where(id => !inFlight.ContainsKey(id)).ToList();
        var started = 0;
        if (ids.Count > 0)
        {
            var items = await db.Outbox().AsNoTracking()
                .Where(o => ids.Contains(o.Id) && o.Status == OutboxStatus.Pending)
                .Select(o => new DeliveryItem(o.Id, o.Peer, o.Bytes))
                .ToListAsync(cancellationToken);
            foreach (var item in items)
            {
                started += Dispatch(item, cancellationToken) ? 1 : 0;
            }
        }

        await AlertOverdueAsync(db, scope.ServiceProvider.GetRequiredService<IIdGenerator>(), now, cancellationToken);
        return started;
    }

    /// <summary>Raises one alert per envelope still not delivered <see cref="EnvelopeOptions.UndeliverableAlertAfter"/> after it was sent.</summary>
    private async Task AlertOverdueAsync(ComityDbContext db, IIdGenerator ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var threshold = options.Value.UndeliverableAlertAfter;
        var before = now - threshold;
        var overdue = await db.Outbox()
            .Where(o => o.Status == OutboxStatus.Pending && o.CreatedAt <= before && o.OverdueAlertedAt == null)
            .OrderBy(o => o.CreatedAt)
            .Take(100)
            .ToListAsync(cancellationToken);
        if (overdue.Count == 0)
        {
            return;
        }

        foreach (var row in overdue)
        {
            row.OverdueAlertedAt = now;
            db.FederationAlerts().Add(new FederationAlert
            {
                Id = ids.NewId(),
                Kind = FederationAlert.Overdue,
                Peer = row.Peer,
                EnvelopeId = row.Id,
                Detail = $"Envelope {row.Id} to {row.Peer} is still not delivered after {Duration(now - row.CreatedAt)} ({row.Attempts.ToString(CultureInfo.InvariantCulture)} attempts; last error: {row.LastError ?? "none"}).",
                CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private bool Dispatch(DeliveryItem item, CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!inFlight.TryAdd(item.Id, started.Task))
        {
            return false;
        }

        _ = RunAsync();
        return true;

        async Task RunAsync()
        {
            try
            {
                await DeliverAsync(item, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping: the row stays pending and is sent again after the restart.
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or JsonException)
            {
                LogDeliveryFailed(item.Id, e);
            }
            finally
            {
                inFlight.TryRemove(item.Id, out _);
                started.TrySetResult();
            }
        }
    }

    private async Task DeliverAsync(DeliveryItem item, CancellationToken cancellationToken)
    {
        var peer = circuits.For(item.Peer);
        await peer.Limit.WaitAsync(cancellationToken);
        try
        {
            bool sqlite;
            RegisterV1? register;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ComityDbContext>();
                sqlite = db.Database.IsSqlite();
                register = await view.GetAsync(db, scope.ServiceProvider.GetRequiredService<ICurrentRegister>(), cancellationToken);
            }

            var node = register is null ? null : RegisterLookups.NodeFor(register, item.Peer);
            AttemptResult result;
            if (register is null || node is null)
            {
                result = new AttemptResult(AttemptKind.Transient, register is null
                    ? "This node holds no Register yet, so it does not know where to send."
                    : $"The Register (serial {register.Serial.ToString(CultureInfo.InvariantCulture)}) lists no node for {item.Peer}.");
            }
            else
            {
                result = await AttemptAsync(peer, item, node.Endpoint, register, cancellationToken);
            }

            var batches = LazyInitializer.EnsureInitialized(ref records, () => new GroupCommit<AttemptRecord, OutboxEnvelope?>(writeGate, RecordBatchAsync));
            var settled = await batches.SubmitAsync(new AttemptRecord(peer, item, result), sqlite, cancellationToken);
            if (settled is not null)
            {
                signals.Settled(settled);
                await PublishSettledAsync(settled, cancellationToken);
            }
        }
        finally
        {
            peer.Limit.Release();
        }
    }

    /// <summary>Tells the features (after the commit) that an envelope they sent is delivered or refused, so their live pages update.</summary>
    private async Task PublishSettledAsync(OutboxEnvelope settled, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CommittedEvents<EnvelopeSettled>>()
            .CommittedAsync(new EnvelopeSettled(settled.Id, settled.Peer, settled.Conversation, settled.Type, settled.Status), cancellationToken);
    }

    private async Task<AttemptResult> AttemptAsync(PeerChannel peer, DeliveryItem item, Uri endpoint, RegisterV1 register, CancellationToken cancellationToken)
    {
        try
        {
            return await peer.Pipeline.ExecuteAsync(async token => await SendAsync(item, endpoint, register, token), cancellationToken);
        }
        catch (BrokenCircuitException)
        {
            return new AttemptResult(AttemptKind.Transient, $"The circuit to {item.Peer} is open after repeated failures; next try in {Duration(options.Value.CircuitBreakDuration)}.") { CircuitOpen = true, RetryAfter = options.Value.CircuitBreakDuration };
        }
        catch (TimeoutRejectedException)
        {
            return new AttemptResult(AttemptKind.Transient, $"{item.Peer} did not answer within {Duration(options.Value.AttemptTimeout)}.");
        }
        catch (HttpRequestException e)
        {
            return new AttemptResult(AttemptKind.Transient, $"Could not reach {item.Peer} at {endpoint}: {e.Message}");
        }
        catch (IOException e)
        {
            return new AttemptResult(AttemptKind.Transient, $"The connection to {item.Peer} failed: {e.Message}");
        }
    }

    private async Task<AttemptResult> SendAsync(DeliveryItem item, Uri endpoint, RegisterV1 register, CancellationToken cancellationToken)
    {
        using var http = httpClients.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(WithSlash(endpoint), "federation/v1/envelopes"))
        {
            Content = new ByteArrayContent(item.Bytes),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(EnvelopeEndpoints.EnvelopeMediaType);
        request.Headers.Accept.ParseAdd(EnvelopeEndpoints.ReceiptMediaType);
        request.Headers.Accept.ParseAdd("application/problem+json");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var status = (int)response.StatusCode;
        var body = await ReadLimitedAsync(response.Content, cancellationToken);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            if (body is null)
            {
                return new AttemptResult(AttemptKind.Transient, "The receipt is larger than " + MaxReceiptBytes.ToString(CultureInfo.InvariantCulture) + " bytes.", status, BadReceipt: true);
            }

            var verification = ReceiptVerifier.Verify(body, item.Bytes, register, item.Peer);
            return verification.IsAccepted
                ? new AttemptResult(AttemptKind.Delivered, null, status, null, body, verification.Receipt)
                : new AttemptResult(AttemptKind.Transient, $"The receipt from {item.Peer} does not verify ({verification.Verdict}): {verification.Message}", status, BadReceipt: true);
        }

        if (status is >= 400 and < 500 and not 408 and not 429)
        {
            var (code, detail) = ReadProblem(body);
            return new AttemptResult(AttemptKind.Refused, detail ?? $"{item.Peer} refused the envelope ({status.ToString(CultureInfo.InvariantCulture)}).", status, code ?? "http-" + status.ToString(CultureInfo.InvariantCulture));
        }

        var (transientCode, transientDetail) = ReadProblem(body);
        return new AttemptResult(AttemptKind.Transient, $"{item.Peer} answered {status.ToString(CultureInfo.InvariantCulture)} {response.ReasonPhrase}{(transientCode is null ? "" : $" ({transientCode})")}{(transientDetail is null ? "" : ": " + transientDetail)}", status, transientCode);
    }

    /// <summary>
    /// Records attempts in one transaction (group commit: the receipts of deliveries that end together cost
    /// one fsync). Returns, per attempt, the row when it is now delivered or undeliverable (null when it
    /// stays pending or was already settled). If the batch fails as a whole, each attempt is recorded on its own.
    /// </summary>
    private async Task<IReadOnlyList<GroupCommitOutcome<OutboxEnvelope?>>> RecordBatchAsync(IReadOnlyList<AttemptRecord> attempts)
    {
        try
        {
            return await RecordAsync(attempts);
        }
        catch (Exception e) when (attempts.Count > 1 && e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            var outcomes = new List<GroupCommitOutcome<OutboxEnvelope?>>();
            foreach (var attempt in attempts)
            {
                try
                {
                    outcomes.AddRange(await RecordAsync([attempt]));
                }
                catch (Exception single) when (single is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
                {
                    outcomes.Add(GroupCommitOutcome<OutboxEnvelope?>.Failure(single));
                }
            }

            return outcomes;
        }
    }

    private async Task<IReadOnlyList<GroupCommitOutcome<OutboxEnvelope?>>> RecordAsync(IReadOnlyList<AttemptRecord> attempts)
    {
        var cancellationToken = CancellationToken.None;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComityDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
        var ids = scope.ServiceProvider.GetRequiredService<IIdGenerator>();
        var wanted = attempts.Select(a => a.Item.Id).Distinct().ToList();
        var rows = await db.Outbox().Where(o => wanted.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var settled = new OutboxEnvelope?[attempts.Count];
        for (var i = 0; i < attempts.Count; i++)
        {
            var (peer, item, result) = attempts[i];
            if (rows.TryGetValue(item.Id, out var row) && Record(db, audit, ids, peer, item, result, row))
            {
                settled[i] = row;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return [.. settled.Select(GroupCommitOutcome<OutboxEnvelope?>.Success)];
    }

    /// <summary>Applies one attempt to its row; true when the row is settled by it (delivered or undeliverable).</summary>
    private bool Record(ComityDbContext db, IAuditTrail audit, IIdGenerator ids, PeerChannel peer, DeliveryItem item, AttemptResult result, OutboxEnvelope row)
    {
        var now = time.GetUtcNow();
        if (row.Status != OutboxStatus.Pending)
        {
            return false;
        }

        if (!result.CircuitOpen)
        {
            row.Attempts++;
            row.LastAttemptAt = now;
        }

        var sha256 = row.Sha256;
        switch (result.Kind)
        {
            case AttemptKind.Delivered:
                row.Status = OutboxStatus.Delivered;
                row.DeliveredAt = now;
                row.Receipt = result.Receipt;
                row.ReceiptVerified = true;
                row.ReceiptReceivedAt = result.ReceiptPayload!.ReceivedAt;
                row.ReceiptHasCheckpoint = result.ReceiptPayload.Checkpoint is not null;
                row.LastError = null;
                audit.Record(new AuditRecord("node", "envelope.delivered", "envelope", item.Id.ToString("D"), sha256));
                peer.Succeeded(now);
                metrics.Delivered.Add(1, new KeyValuePair<string, object?>("peer", item.Peer));
                break;
            case AttemptKind.Refused:
                row.Status = OutboxStatus.Undeliverable;
                row.ProblemCode = Truncate(result.Code, 100);
                row.ProblemStatus = result.Status;
                row.ProblemDetail = Truncate(result.Error, 2000);
                row.LastError = Truncate($"{result.Status} {result.Code}: {result.Error}", 1000);
                audit.Record(new AuditRecord("node", "envelope.refused", "envelope", item.Id.ToString("D"), sha256));
                db.FederationAlerts().Add(new FederationAlert
                {
                    Id = ids.NewId(),
                    Kind = FederationAlert.Refused,
                    Peer = item.Peer,
                    EnvelopeId = item.Id,
                    Detail = Truncate($"{item.Peer} refused envelope {item.Id} ({result.Status} {result.Code}): {result.Error}", 2000)!,
                    CreatedAt = now,
                });
                peer.Answered();
                metrics.Undeliverable.Add(1, new KeyValuePair<string, object?>("code", result.Code));
                LogRefused(item.Id, item.Peer, result.Code ?? "", result.Error ?? "");
                break;
            default:
                row.LastError = Truncate(result.Error, 1000);
                row.NextAttemptAt = result.CircuitOpen
                    ? now + (result.RetryAfter ?? options.Value.CircuitBreakDuration)
                    : now + Backoff(row.Attempts);
                if (result.BadReceipt)
                {
                    db.FederationAlerts().Add(new FederationAlert
                    {
                        Id = ids.NewId(),
                        Kind = FederationAlert.BadReceipt,
                        Peer = item.Peer,
                        EnvelopeId = item.Id,
                        Detail = Truncate(result.Error, 2000)!,
                        CreatedAt = now,
                    });
                }

                if (!result.CircuitOpen)
                {
                    peer.Failed(result.Error ?? "failed", now);
                }

                metrics.FailedAttempts.Add(1, new KeyValuePair<string, object?>("peer", item.Peer));
                break;
        }

        return row.Status != OutboxStatus.Pending;
    }

    /// <summary>Exponential back-off with jitter: between half and all of min × 2^(attempts−1), capped at the maximum.</summary>
    public TimeSpan Backoff(int attempts)
    {
        var settings = options.Value;
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var ceiling = Math.Min(settings.RetryMaxDelay.Ticks, settings.RetryMinDelay.Ticks * Math.Pow(2, exponent));
        double factor;
        lock (randomGate)
        {
            factor = 0.5 + (random.NextDouble() * 0.5);
        }

        return TimeSpan.FromTicks(Math.Max(settings.RetryMinDelay.Ticks / 2, (long)(ceiling * factor)));
    }

    private static string Duration(TimeSpan span) => span.ToString("c", CultureInfo.InvariantCulture);

    private static Uri WithSlash(Uri endpoint) => endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");

    private static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text[..length];

    private static (string? Code, string? Detail) ReadProblem(string? body)
    {
        if (body is null)
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind != JsonValueKind.Object ? (null, null) : (
                root.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null,
                root.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String ? detail.GetString() : null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static async Task<string?> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var bytes = await EnvelopeInbox.ReadLimitedAsync(stream, content.Headers.ContentLength, MaxReceiptBytes, cancellationToken);
        return bytes is null ? null : System.Text.Encoding.UTF8.GetString(bytes);
    }

    /// <summary>One finished attempt on its way to the outbox row.</summary>
    private sealed record AttemptRecord(PeerChannel Peer, DeliveryItem Item, AttemptResult Result);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox sweep failed; it runs again at the next tick")]
    private partial void LogSweepFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering envelope {EnvelopeId} failed; the row stays pending")]
    private partial void LogDeliveryFailed(Guid envelopeId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Envelope {EnvelopeId} to {Peer} was refused ({Code}): {Detail}. It is undeliverable and will not be retried.")]
    private partial void LogRefused(Guid envelopeId, string peer, string code, string detail);
}
