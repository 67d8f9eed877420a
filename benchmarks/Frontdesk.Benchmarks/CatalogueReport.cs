using System.Runtime.InteropServices;

namespace Frontdesk.Benchmarks;

/// <summary>
/// <c>--catalogue-report</c>: everything docs/performance.md shows about the catalogue, from one command — memory
/// per size (each measured alone, twice), Lucene.Net's memory, build times, result agreement and quality, the
/// BenchmarkDotNet medians of both engines, and twenty 100,000-product numbers under the cache's memory bound.
/// Exits non-zero when any self-check fails.
/// </summary>
public static class CatalogueReport
{
    public const string Switch = "--catalogue-report";

    public static bool Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.ProcessArchitecture}; load average {LoadAverage()}.");
        output.WriteLine();
        output.WriteLine("## Retained memory (each size alone, twice)");
        var ok = IndexMemoryReport.Run(output);
        output.WriteLine();
        ok &= IndexMemoryReport.RunOthers(output, 100_000);
        output.WriteLine();
        output.WriteLine("## Frontdesk and Lucene.Net on the same 100,000 products");
        ok &= LuceneComparison.RunQuality(output);
        output.WriteLine();
        output.WriteLine("## Latency against Lucene.Net (BenchmarkDotNet ShortRun, in process, 100,000 products)");
        ok &= LuceneComparison.RunLatency(output);
        output.WriteLine();
        output.WriteLine("## Latency before and after the compact index (same run, same products)");
        var notSlower = SideBySide.Run<CompactIndexBenchmarks>(
            output, nameof(CompactIndexBenchmarks.Compact), "Compact", nameof(CompactIndexBenchmarks.Before), "Before");
        output.WriteLine(notSlower ? "The compact index is at or below the old one's median on every query." : "Some query's median is above the old index's (shown above; within noise on a loaded machine?).");
        output.WriteLine();
        output.WriteLine("## Twenty numbers under Catalogue__MaxIndexMegabytes = 512");
        ok &= ManyNumbersReport.Run(output);
        output.WriteLine();
        output.WriteLine(ok ? "All self-checks passed." : "A SELF-CHECK FAILED (see above).");
        return ok;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
