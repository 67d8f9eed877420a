using System.Globalization;
using BenchmarkDotNet.Running;
using Frontdesk.Benchmarks;

if (args.Length == 2 && args[0] == IndexMemoryReport.OneSwitch)
{
    IndexMemoryReport.RunOne(int.Parse(args[1], CultureInfo.InvariantCulture), Console.Out);
    return 0;
}

if (args.Contains(IndexMemoryReport.Switch))
{
    return IndexMemoryReport.Run(Console.Out) ? 0 : 1;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
