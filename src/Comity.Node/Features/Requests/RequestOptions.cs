using Comity.Domain.Cooperation;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Comity.Node.Features.Requests;

/// <summary>Settings of the 24/7 requests (<c>Comity:Requests</c>).</summary>
public sealed class RequestOptions
{
    public const string Section = "Comity:Requests";

    /// <summary>How often the clocks worker looks for due clocks. Default 30 seconds.</summary>
    public TimeSpan ClockSweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether the clocks worker runs (default true); tests switch it off and sweep by hand under a fake clock.</summary>
    public bool ClockWorkerEnabled { get; set; } = true;

    /// <summary>
    /// The clocks of a kind, by its wire name (<c>Comity:Requests:Kinds:emergencyDisclosure:AcknowledgeWithin</c>
    /// = <c>00:10:00</c>); what is not set keeps <see cref="CooperationClockSettings.Default"/>'s value.
    /// </summary>
    public Dictionary<string, KindClockOptions> Kinds { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long before a preservation expires the requester is reminded (<c>Comity:Requests:PreservationReminders:0</c> = <c>14.00:00:00</c>, …); unset keeps 14 and 3 days.</summary>
    public List<TimeSpan>? PreservationReminders { get; set; }

    /// <summary>The clocks in force: <see cref="CooperationClockSettings.Default"/> with <see cref="Kinds"/> and <see cref="PreservationReminders"/> applied on start.</summary>
    public CooperationClockSettings Clocks { get; set; } = CooperationClockSettings.Default;

    /// <summary>What <see cref="ApplyConfiguredClocks"/> found wrong, for validation on start.</summary>
    internal IReadOnlyList<string> ConfigurationProblems { get; set; } = [];

    /// <summary>The configured settings applied to <see cref="Clocks"/>, and what is wrong with them (an unknown kind, a duration that is not positive), each naming its configuration key.</summary>
    internal IReadOnlyList<string> ApplyConfiguredClocks()
    {
        var problems = new List<string>();
        var kinds = new Dictionary<RequestKind, KindClocks>(Clocks.Kinds);
        foreach (var (name, configured) in Kinds)
        {
            var kind = Enum.GetValues<RequestKind>().Cast<RequestKind?>().FirstOrDefault(k => string.Equals(k!.Value.Wire(), name, StringComparison.OrdinalIgnoreCase));
            if (kind is not { } known)
            {
                problems.Add($"{Section}:Kinds:{name}: unknown request kind; the kinds are {string.Join(", ", Enum.GetValues<RequestKind>().Select(k => k.Wire()))}.");
                continue;
            }

            var current = Clocks.For(known);
            if (configured.AcknowledgeWithin is { } ack && ack <= TimeSpan.Zero)
            {
                problems.Add($"{Section}:Kinds:{name}:AcknowledgeWithin must be a positive duration (Art. 41: the 24/7 network answers without delay).");
            }

            if (configured.StaleAfter is { } stale && stale <= TimeSpan.Zero)
            {
                problems.Add($"{Section}:Kinds:{name}:StaleAfter must be a positive duration.");
            }

            kinds[known] = new KindClocks(
                configured.AcknowledgeWithin is { } a ? Duration.FromTimeSpan(a) : current.AcknowledgeWithin,
                configured.StaleAfter is { } s ? Duration.FromTimeSpan(s) : current.StaleAfter);
        }

        var reminders = Clocks.PreservationRemindersBeforeExpiry;
        if (PreservationReminders is { } configuredReminders)
        {
            for (var i = 0; i < configuredReminders.Count; i++)
            {
                if (configuredReminders[i] <= TimeSpan.Zero)
                {
                    problems.Add($"{Section}:PreservationReminders:{i} must be a positive duration (a reminder comes before the preservation ends, Art. 42).");
                }
            }

            reminders = [.. configuredReminders.Distinct().OrderDescending().Select(Duration.FromTimeSpan)];
        }

        if (problems.Count == 0)
        {
            Clocks = new CooperationClockSettings { Kinds = kinds, PreservationRemindersBeforeExpiry = reminders };
        }

        return problems;
    }
}

/// <summary>The configurable clocks of one request kind; unset values keep the defaults.</summary>
public sealed class KindClockOptions
{
    /// <summary>How long after submission the requested side must acknowledge (tightest for emergencies).</summary>
    public TimeSpan? AcknowledgeWithin { get; set; }

    /// <summary>How long without movement before the request is escalated as stale.</summary>
    public TimeSpan? StaleAfter { get; set; }
}

/// <summary>Applies the configured clocks on start and refuses to start on a bad one, naming its key.</summary>
internal sealed class RequestOptionsSetup : IPostConfigureOptions<RequestOptions>, IValidateOptions<RequestOptions>
{
    public void PostConfigure(string? name, RequestOptions options) =>
        options.ConfigurationProblems = options.ApplyConfiguredClocks();

    public ValidateOptionsResult Validate(string? name, RequestOptions options)
    {
        var found = new List<string>(options.ConfigurationProblems);
        if (options.ClockSweepInterval <= TimeSpan.Zero)
        {
            found.Add($"{RequestOptions.Section}:ClockSweepInterval must be a positive duration.");
        }

        found.AddRange(options.Clocks.Problems().Select(p => $"{RequestOptions.Section}: {p}"));
        return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
    }
}
