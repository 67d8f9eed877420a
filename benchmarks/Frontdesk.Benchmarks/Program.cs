using System.Globalization;
using BenchmarkDotNet.Running;
using Frontdesk.Benchmarks;

if (args.Length == 3 && args[0] == IndexMemoryReport.OneSwitch)
{
    IndexMemoryReport.RunOne(int.Parse(args[1], CultureInfo.InvariantCulture), args[2], Console.Out);
    return 0;
}

if (args.Contains(CatalogueReport.Switch))
{
    return CatalogueReport.Run(Console.Out) ? 0 : 1;
}

if (args.Contains(IndexMemoryReport.Switch))
{
    return IndexMemoryReport.Run(Console.Out) ? 0 : 1;
}

if (args.Contains("--many-numbers"))
{
    return ManyNumbersReport.Run(Console.Out) ? 0 : 1;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
