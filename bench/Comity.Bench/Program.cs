using BenchmarkDotNet.Running;

if (args.Contains("--directory-latency"))
{
    Comity.Bench.Directory.DirectorySearchBenchmarks.ReportLatency(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
