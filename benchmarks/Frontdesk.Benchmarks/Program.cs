using BenchmarkDotNet.Running;
using Frontdesk.Benchmarks;

if (args.Contains(IndexMemoryReport.Switch))
{
    IndexMemoryReport.Run(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
