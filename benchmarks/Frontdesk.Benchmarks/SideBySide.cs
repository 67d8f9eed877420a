using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Frontdesk.Benchmarks;

/// <summary>
/// Runs a benchmark class with one method per engine and a <see cref="CatalogueQuery"/> parameter (ShortRun, in
/// process: BenchmarkDotNet's generated project does not build within its timeout on a loaded 2-core machine) and
/// prints the two medians per query. True when the first engine's median is at or below the second's on every query.
/// </summary>
public static class SideBySide
{
    public static bool Run<TBenchmarks>(TextWriter output, string ours, string oursLabel, string theirs, string theirsLabel)
    {
        ArgumentNullException.ThrowIfNull(output);
        var config = ManualConfig.CreateEmpty()
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(NullLogger.Instance);
        var summary = BenchmarkRunner.Run<TBenchmarks>(config);
        var medians = summary.Reports
            .Where(report => report.ResultStatistics is not null)
            .ToDictionary(
                report => (Query: report.BenchmarkCase.Parameters["Query"]!.ToString()!, Method: report.BenchmarkCase.Descriptor.WorkloadMethod.Name),
                report => report.ResultStatistics!.Median / 1000.0);
        output.WriteLine($"| Query | {oursLabel} median (µs) | {theirsLabel} median (µs) | {theirsLabel} / {oursLabel} |");
        output.WriteLine("|---|---:|---:|---:|");
        var ahead = true;
        foreach (var query in CatalogueQueries.All)
        {
            if (!medians.TryGetValue((query.Name, ours), out var first) || !medians.TryGetValue((query.Name, theirs), out var second))
            {
                output.WriteLine($"| `{query.Text}` | no result | no result | |");
                ahead = false;
                continue;
            }

            ahead &= first <= second;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `{query.Text}` | {first:N2} | {second:N2} | {second / first:N2}× |"));
        }

        return ahead;
    }
}
