using Comity.Protocol.V1;
using Microsoft.Extensions.Options;

namespace Comity.Node.Federation.Envelopes;

/// <summary>Envelope delivery and reception (section <c>Comity:Federation:Envelopes</c>).</summary>
public sealed class EnvelopeOptions
{
    public const string Section = "Comity:Federation:Envelopes";

    /// <summary>Largest envelope accepted, in bytes of JWS text. Default 1 MiB.</summary>
    public int MaxEnvelopeBytes { get; set; } = EnvelopeVerifier.DefaultMaxBytes;

    /// <summary>How far ahead of this node's clock an envelope's <c>createdAt</c> may be. Default 5 minutes.</summary>
    public TimeSpan MaxClockSkew { get; set; } = EnvelopeVerifier.DefaultClockSkew;

    /// <summary>How old an envelope may be when it arrives (senders retry from their outbox after outages). Default 7 days.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How many envelopes are in flight to one peer at most. Default 64.</summary>
    public int MaxInFlightPerPeer { get; set; } = 64;

    /// <summary>Retry back-off: the first delay. Default 1 second.</summary>
    public TimeSpan RetryMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Retry back-off: the largest delay. Default 5 minutes.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one attempt may take before it counts as failed. Default 30 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Consecutive failed attempts to one peer (within <see cref="CircuitSamplingDuration"/>) that open its circuit. Default 5.</summary>
    public int CircuitFailureThreshold { get; set; } = 5;

    /// <summary>Window in which failures are counted for the circuit breaker. Default 60 seconds.</summary>
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an open circuit stays open before one trial attempt (half-open). Default 30 seconds.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An envelope still not delivered this long after it was sent raises an alert. Default 1 hour.</summary>
    public TimeSpan UndeliverableAlertAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the delivery worker looks for due retries when nothing wakes it. Default 1 second.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Seed of the back-off jitter, for reproducible tests; default a random seed.</summary>
    public int? RandomSeed { get; set; }

    /// <summary>Whether the delivery worker runs in the background. Default true; tests may drive it with <c>RunOnceAsync</c>.</summary>
    public bool DeliveryWorkerEnabled { get; set; } = true;
}

internal sealed class EnvelopeOptionsValidator : IValidateOptions<EnvelopeOptions>
{
    public ValidateOptionsResult Validate(string? name, EnvelopeOptions options)
    {
        var errors = new List<string>();
        var prefix = EnvelopeOptions.Section + ":";
        if (options.MaxEnvelopeBytes is < 1024 or > 64 * 1024 * 1024)
        {
            errors.Add(prefix + "MaxEnvelopeBytes must be between 1024 and 67108864.");
        }

        if (options.MaxClockSkew < TimeSpan.Zero || options.MaxAge < TimeSpan.Zero)
        {
            errors.Add(prefix + "MaxClockSkew and MaxAge cannot be negative.");
        }

        if (options.MaxInFlightPerPeer is < 1 or > 1024)
        {
            errors.Add(prefix + "MaxInFlightPerPeer must be between 1 and 1024.");
        }

        if (options.RetryMinDelay <= TimeSpan.Zero || options.RetryMaxDelay < options.RetryMinDelay)
        {
            errors.Add(prefix + "RetryMinDelay must be positive and at most RetryMaxDelay.");
        }

        if (options.AttemptTimeout < TimeSpan.FromMilliseconds(10) || options.AttemptTimeout > TimeSpan.FromDays(1))
        {
            errors.Add(prefix + "AttemptTimeout must be between 00:00:00.010 and 1.00:00:00.");
        }

        if (options.CircuitFailureThreshold < 2)
        {
            errors.Add(prefix + "CircuitFailureThreshold must be at least 2.");
        }

        if (options.CircuitSamplingDuration < TimeSpan.FromMilliseconds(500) || options.CircuitBreakDuration < TimeSpan.FromMilliseconds(500))
        {
            errors.Add(prefix + "CircuitSamplingDuration and CircuitBreakDuration must be at least 00:00:00.5.");
        }

        if (options.SweepInterval <= TimeSpan.Zero)
        {
            errors.Add(prefix + "SweepInterval must be positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
