using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Comity.Node.Federation.Envelopes;

/// <summary>How one attempt to deliver ended.</summary>
internal enum AttemptKind
{
    /// <summary>A receipt that verified.</summary>
    Delivered,

    /// <summary>A refusal (4xx problem document): permanent.</summary>
    Refused,

    /// <summary>Transport failure, timeout, 5xx, 408/429, a receipt that did not verify: retried.</summary>
    Transient,
}

/// <summary>The outcome of one attempt.</summary>
internal sealed record AttemptResult(AttemptKind Kind, string? Error = null, int? Status = null, string? Code = null, string? Receipt = null, Protocol.V1.ReceiptV1? ReceiptPayload = null, bool BadReceipt = false)
{
    /// <summary>Not attempted: the peer's circuit is open.</summary>
    public bool CircuitOpen { get; init; }

    /// <summary>When the open circuit lets a trial through.</summary>
    public TimeSpan? RetryAfter { get; init; }
}

/// <summary>
/// Per peer: a concurrency limit, a circuit breaker with an attempt timeout (Polly, on the node's
/// <see cref="TimeProvider"/>), and the health figures the peers API shows. In memory: a restart closes
/// every circuit, and the outbox rows keep what must survive.
/// </summary>
internal sealed class PeerCircuits(IOptions<EnvelopeOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, PeerChannel> peers = new(StringComparer.Ordinal);

    public PeerChannel For(string state) => peers.GetOrAdd(state, s => new PeerChannel(s, options.Value, time));

    public PeerChannel? Find(string state) => peers.TryGetValue(state, out var peer) ? peer : null;
}

internal sealed class PeerChannel
{
    private readonly CircuitBreakerStateProvider state = new();
    private readonly Lock gate = new();
    private int consecutiveFailures;

    public PeerChannel(string peer, EnvelopeOptions options, TimeProvider time)
    {
        Peer = peer;
        Limit = new SemaphoreSlim(options.MaxInFlightPerPeer, options.MaxInFlightPerPeer);
        Pipeline = new ResiliencePipelineBuilder<AttemptResult> { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<AttemptResult>
            {
                FailureRatio = 1.0,
                MinimumThroughput = options.CircuitFailureThreshold,
                SamplingDuration = options.CircuitSamplingDuration,
                BreakDuration = options.CircuitBreakDuration,
                StateProvider = state,
                ShouldHandle = new PredicateBuilder<AttemptResult>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .Handle<IOException>()
                    .HandleResult(r => r.Kind == AttemptKind.Transient),
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    public string Peer { get; }

    /// <summary>Envelopes in flight to this peer at most.</summary>
    public SemaphoreSlim Limit { get; }

    public ResiliencePipeline<AttemptResult> Pipeline { get; }

    /// <summary><c>closed</c>, <c>open</c> or <c>half-open</c>.</summary>
    public string Circuit => state.CircuitState switch
    {
        CircuitState.Open or CircuitState.Isolated => "open",
        CircuitState.HalfOpen => "half-open",
        _ => "closed",
    };

    public int ConsecutiveFailures => Volatile.Read(ref consecutiveFailures);

    public string? LastError { get; private set; }

    public DateTimeOffset? LastErrorAt { get; private set; }

    public DateTimeOffset? LastSuccessAt { get; private set; }

    public void Succeeded(DateTimeOffset now)
    {
        lock (gate)
        {
            consecutiveFailures = 0;
            LastSuccessAt = now;
        }
    }

    /// <summary>The peer answered (a refusal): it is reachable, whatever it thought of the envelope.</summary>
    public void Answered()
    {
        lock (gate)
        {
            consecutiveFailures = 0;
        }
    }

    public void Failed(string error, DateTimeOffset now)
    {
        lock (gate)
        {
            consecutiveFailures++;
            LastError = error;
            LastErrorAt = now;
        }
    }
}
