using BenchmarkDotNet.Running;

if (args.Contains("--directory-latency"))
{
    Comity.Bench.Directory.DirectorySearchBenchmarks.ReportLatency(Console.Out);
    return 0;
}

if (args.Contains("--federation-faults"))
{
    return await Comity.Bench.Federation.FederationFaults.RunAsync(args);
}

if (args.Contains("--federation-throughput"))
{
    return await Comity.Bench.Federation.FederationThroughput.RunAsync(args);
}

if (args.Contains("--request-latency"))
{
    return await Comity.Bench.Requests.RequestLatency.RunAsync(args);
}

if (args.Contains("--request-list"))
{
    return await Comity.Bench.Requests.RequestListBenchmark.RunAsync(args);
}

if (args.Contains("--baseline-peer"))
{
    return await Comity.Bench.Federation.BaselinePeer.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
