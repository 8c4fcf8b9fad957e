using Comity.Domain.Cooperation;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Comity.Node.Features.Requests.Clocks;

/// <summary>Settings of the 24/7 requests (<c>Comity:Requests</c>).</summary>
public sealed class RequestOptions
{
    public const string Section = "Comity:Requests";

    /// <summary>How often the clocks worker looks for due clocks. Default 30 seconds.</summary>
    public TimeSpan ClockSweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether the clocks worker runs (default true); tests switch it off and sweep by hand under a fake clock.</summary>
    public bool ClockWorkerEnabled { get; set; } = true;

    /// <summary>
    /// Whether the prosecutor who drafted a central-authority request may also send it (default false: four eyes,
    /// another central-authority officer or a supervisor sends it). For offices of one person.
    /// </summary>
    public bool OneOfficerMayDraftAndSend { get; set; }

    /// <summary>
    /// The clocks of a kind, by its wire name (<c>Comity:Requests:Kinds:emergencyDisclosure:AcknowledgeWithin</c>
    /// = <c>00:10:00</c>); what is not set keeps <see cref="CooperationClockSettings.Default"/>'s value.
    /// </summary>
    public Dictionary<string, KindClockOptions> Kinds { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long before a preservation expires the requester is reminded (<c>Comity:Requests:PreservationReminders:0</c> = <c>14.00:00:00</c>, …); unset keeps 14 and 3 days.</summary>
    public List<TimeSpan>? PreservationReminders { get; set; }

    /// <summary>The clocks in force: <see cref="CooperationClockSettings.Default"/> with <see cref="Kinds"/> and <see cref="PreservationReminders"/> applied on start.</summary>
    public CooperationClockSettings Clocks { get; set; } = CooperationClockSettings.Default;

    /// <summary>
    /// What is wrong with the configured <see cref="Kinds"/> and <see cref="PreservationReminders"/> (an unknown
    /// kind, a duration that is not positive), each naming its configuration key; empty when they can be applied.
    /// </summary>
    internal IReadOnlyList<string> ConfiguredClockProblems()
    {
        var problems = new List<string>();
        foreach (var (name, configured) in Kinds)
        {
            if (!RequestKinds.TryParse(name, out _))
            {
                problems.Add($"{Section}:Kinds:{name}: unknown request kind; the kinds are {string.Join(", ", Enum.GetValues<RequestKind>().Select(k => k.Wire()))}.");
            }

            if (configured.AcknowledgeWithin <= TimeSpan.Zero)
            {
                problems.Add($"{Section}:Kinds:{name}:AcknowledgeWithin must be a positive duration (Art. 41: the 24/7 network answers without delay).");
            }

            if (configured.StaleAfter <= TimeSpan.Zero)
            {
                problems.Add($"{Section}:Kinds:{name}:StaleAfter must be a positive duration.");
            }
        }

        for (var i = 0; i < (PreservationReminders?.Count ?? 0); i++)
        {
            if (PreservationReminders![i] <= TimeSpan.Zero)
            {
                problems.Add($"{Section}:PreservationReminders:{i} must be a positive duration (a reminder comes before the preservation ends, Art. 42).");
            }
        }

        return problems;
    }

    /// <summary>Applies the configured <see cref="Kinds"/> and <see cref="PreservationReminders"/> to <see cref="Clocks"/>; call only when <see cref="ConfiguredClockProblems"/> is empty.</summary>
    internal void ApplyConfiguredClocks()
    {
        var kinds = new Dictionary<RequestKind, KindClocks>(Clocks.Kinds);
        foreach (var (name, configured) in Kinds)
        {
            if (!RequestKinds.TryParse(name, out var kind))
            {
                throw new InvalidOperationException($"{Section}:Kinds:{name}: unknown request kind (checked by ConfiguredClockProblems first).");
            }

            var current = Clocks.For(kind);
            kinds[kind] = new KindClocks(
                configured.AcknowledgeWithin is { } a ? Duration.FromTimeSpan(a) : current.AcknowledgeWithin,
                configured.StaleAfter is { } s ? Duration.FromTimeSpan(s) : current.StaleAfter);
        }

        Clocks = new CooperationClockSettings
        {
            Kinds = kinds,
            PreservationRemindersBeforeExpiry = PreservationReminders is { } reminders
                ? [.. reminders.Distinct().OrderDescending().Select(Duration.FromTimeSpan)]
                : Clocks.PreservationRemindersBeforeExpiry,
        };
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
    public void PostConfigure(string? name, RequestOptions options)
    {
        // A bad setting is left out here and reported by Validate, which stops the node on start.
        if (options.ConfiguredClockProblems().Count == 0)
        {
            options.ApplyConfiguredClocks();
        }
    }

    public ValidateOptionsResult Validate(string? name, RequestOptions options)
    {
        var found = new List<string>(options.ConfiguredClockProblems());
        if (options.ClockSweepInterval <= TimeSpan.Zero)
        {
            found.Add($"{RequestOptions.Section}:ClockSweepInterval must be a positive duration.");
        }

        found.AddRange(options.Clocks.Problems().Select(p => $"{RequestOptions.Section}: {p}"));
        return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
    }
}
