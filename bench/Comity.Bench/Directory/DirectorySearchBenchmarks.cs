using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Comity.Domain.Directory;
using Comity.Node.Features.Directory.Search;
using Comity.Protocol.V1;
using NodaTime;

namespace Comity.Bench.Directory;

/// <summary>
/// Directory search on a synthetic Register of 200 States × 20 offices (4,000 designations, one 24/7
/// point per State with a four-week roster of 12-hour shifts). Baseline: the same State/role/language
/// filters as a plain linear scan over the designations, without availability or ranking.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(P95))]
public class DirectorySearchBenchmarks
{
    private sealed class P95 : BenchmarkDotNet.Configs.ManualConfig
    {
        public P95() => AddColumn(BenchmarkDotNet.Columns.StatisticColumn.P95);
    }

    public const int States = 200;
    public const int OfficesPerState = 20;

    private static readonly string[] Zones = ["Europe/Paris", "Asia/Singapore", "America/Bogota", "America/New_York", "Africa/Nairobi", "Asia/Kolkata", "Australia/Sydney", "Europe/Moscow"];
    private static readonly string[] Languages = ["en", "fr", "es", "ru", "ar", "zh-Hans", "pt", "de"];
    private static readonly DesignationRole[] Roles = [DesignationRole.CentralAuthority, DesignationRole.ExtraditionAuthority, DesignationRole.PreventionAuthority];

    private RegisterV1 register = null!;
    private readonly Instant now = Instant.FromUtc(2026, 3, 29, 0, 30);

    [GlobalSetup]
    public void Setup() => register = Build(now);

    [Benchmark(Baseline = true)]
    public int LinearScan() => DirectorySearch.LinearScan(register, null, "pointOfContact247", "en");

    [Benchmark]
    public int UrgentEnglishAvailableNow() =>
        DirectorySearch.Run(register, new DirectorySearchQuery(null, DesignationRole.PointOfContact247, "en", true, null), now).Cards.Count;

    [Benchmark]
    public int OneState() =>
        DirectorySearch.Run(register, new DirectorySearchQuery("S7", null, null, false, null, DateTimeZoneProviders.Tzdb["Asia/Tokyo"]), now).Cards.Count;

    [Benchmark]
    public int FreeTextEverywhere() =>
        DirectorySearch.Run(register, new DirectorySearchQuery(null, null, null, false, "cyber"), now).Cards.Count;

    /// <summary>
    /// <c>--directory-latency</c>: p50 and p99 of single searches (a mix of the queries above, 5,000 runs
    /// after 500 warm-up runs), measured with a Stopwatch because BenchmarkDotNet's columns stop at P95.
    /// </summary>
    public static void ReportLatency(TextWriter output)
    {
        var at = Instant.FromUtc(2026, 3, 29, 0, 30);
        var data = Build(at);
        DirectorySearchQuery[] queries =
        [
            new(null, DesignationRole.PointOfContact247, "en", true, null),
            new("S42", null, null, false, null, DateTimeZoneProviders.Tzdb["Europe/Paris"]),
            new(null, DesignationRole.CentralAuthority, "fr", true, null),
            new(null, null, null, false, "cyber"),
        ];
        for (var i = 0; i < 500; i++)
        {
            DirectorySearch.Run(data, queries[i % queries.Length], at);
        }

        var samples = new double[5000];
        for (var i = 0; i < samples.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            DirectorySearch.Run(data, queries[i % queries.Length], at.Plus(Duration.FromMinutes(i)));
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(samples);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Directory search on {States} States x {OfficesPerState} offices ({data.Designations.Count} designations), {samples.Length} searches: p50 {samples[samples.Length / 2] / 1000:0.000} ms, p99 {samples[(int)(samples.Length * 0.99)] / 1000:0.000} ms, max {samples[^1] / 1000:0.000} ms"));
    }

    internal static RegisterV1 Build(Instant now)
    {
        var designations = new List<DesignationV1>();
        var from = now.ToDateTimeOffset().AddDays(-1);
        for (var s = 0; s < States; s++)
        {
            var state = "S" + s.ToString(CultureInfo.InvariantCulture);
            var zone = Zones[s % Zones.Length];
            for (var o = 0; o < OfficesPerState; o++)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"{state}-{o}");
                string[] languages = [Languages[(s + o) % Languages.Length], Languages[(s + o + 3) % Languages.Length]];
                if (o == 0)
                {
                    var roster = Enumerable.Range(0, 56).Select(i => new RosterShiftV1(from.AddHours(12 * i), from.AddHours(12 * (i + 1)), "Officer " + i.ToString(CultureInfo.InvariantCulture), [])).ToList();
                    designations.Add(new DesignationV1(id, state, $"{state} cyber 24/7 desk", "pointOfContact247", "Art. 41(1)",
                        [new ContactChannelV1("phone", "+1 555 010 " + s.ToString("0000", CultureInfo.InvariantCulture))], [.. languages, "en"], zone, [], true, roster));
                    continue;
                }

                var role = Roles[o % Roles.Length];
                designations.Add(new DesignationV1(id, state, $"{state} office {o}", role.Wire(), role.Basis().ToString(),
                    [new ContactChannelV1("email", $"office{o}@{state.ToLowerInvariant()}.example")], languages, zone,
                    [new OfficeHoursV1([1, 2, 3, 4, 5], new TimeOnly(8 + (o % 3), 0), new TimeOnly(17, 0))], false, []));
            }
        }

        return new RegisterV1(1, 1, now.ToDateTimeOffset(), now.ToDateTimeOffset().AddDays(1), new RegisterTreatyV1(null, null, null), [], [], designations, []);
    }
}
