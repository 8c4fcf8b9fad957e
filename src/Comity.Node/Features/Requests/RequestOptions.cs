using Comity.Domain.Cooperation;

namespace Comity.Node.Features.Requests;

/// <summary>Settings of the 24/7 requests (<c>Comity:Requests</c>).</summary>
public sealed class RequestOptions
{
    public const string Section = "Comity:Requests";

    /// <summary>How often the clocks worker looks for due clocks. Default 30 seconds.</summary>
    public TimeSpan ClockSweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether the clocks worker runs (default true); tests switch it off and sweep by hand under a fake clock.</summary>
    public bool ClockWorkerEnabled { get; set; } = true;

    /// <summary>The clocks of each kind and the preservation reminders. Default <see cref="CooperationClockSettings.Default"/> (not bound from configuration yet).</summary>
    public CooperationClockSettings Clocks { get; set; } = CooperationClockSettings.Default;
}
