using System.Diagnostics.Metrics;

namespace Comity.Node.Kernel;

/// <summary>Comity's own OpenTelemetry instruments (meter <c>Comity</c>).</summary>
public sealed class ComityMetrics : IDisposable
{
    public const string MeterName = "Comity";

    private readonly Meter meter;

    public ComityMetrics(IMeterFactory meters)
    {
        meter = meters.Create(MeterName);
        SignIns = meter.CreateCounter<long>("comity.sign_ins", description: "Sign-in attempts by outcome");
        RuleRefusals = meter.CreateCounter<long>("comity.rule_refusals", description: "Requests refused by a rule of the Convention, by rule code");
        RegisterRefusals = meter.CreateCounter<long>("comity.register.refusals", description: "Registers received from the Secretariat and refused (tampered, wrong key, roll-back, …), by code");
    }

    public Counter<long> SignIns { get; }

    public Counter<long> RuleRefusals { get; }

    public Counter<long> RegisterRefusals { get; }

    public void Dispose() => meter.Dispose();
}
