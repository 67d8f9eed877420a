using System.Diagnostics;
using System.Globalization;
using Frontdesk.Core.Catalogue;

namespace Frontdesk.Benchmarks;

/// <summary>
/// Twenty numbers of 100,000 products each behind one memory bound, as the table-backed provider keeps them
/// (<see cref="CatalogueMemoryBudget"/>, least recently used evicted): every number is asked once, then the eight
/// most recent again (cache hits), then the first again (a rebuild after eviction). The GC heap is measured after
/// every step; the report fails unless it stays under the bound.
/// </summary>
public static class ManyNumbersReport
{
    private const double Megabyte = 1024 * 1024;

    public static bool Run(TextWriter output, int numbers = 20, int products = 100_000, int maxMegabytes = 512)
    {
        ArgumentNullException.ThrowIfNull(output);
        var budget = new CatalogueMemoryBudget(maxMegabytes * 1024L * 1024L);
        var cache = new Dictionary<string, CatalogueIndex>(StringComparer.Ordinal);
        var stopWords = StopWords.For("fr-FR");
        var baseline = IndexMemoryReport.Retained();
        long peak = 0;
        int builds = 0, hits = 0, evictions = 0;
        var buildTimes = new List<long>();
        var requests = Enumerable.Range(0, numbers).Concat(Enumerable.Range(numbers - 8, 8)).Append(0);
        foreach (var number in requests)
        {
            var key = $"number-{number:00}";
            if (cache.TryGetValue(key, out var index))
            {
                budget.Touch(key);
                hits++;
            }
            else
            {
                var watch = Stopwatch.StartNew();
                index = CatalogueIndex.Build(CatalogueGenerator.Generate(products, seed: 42 + number));
                buildTimes.Add(watch.ElapsedMilliseconds);
                builds++;
                cache[key] = index;
                foreach (var eviction in budget.Admit(key, index.IndexBytes + index.ProductBytes))
                {
                    cache.Remove(eviction.Key);
                    evictions++;
                }
            }

            GC.KeepAlive(index.Search("croissants", stopWords, CatalogueSearchMode.Browse, 30));
            index = null;
            peak = Math.Max(peak, IndexMemoryReport.Retained() - baseline);
        }

        var withinBound = peak <= maxMegabytes * Megabyte;
        var perNumber = (cache.Values.Sum(index => index.IndexBytes + index.ProductBytes) / (double)cache.Count) / Megabyte;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            | Numbers × products | Bound (MB) | Requests | Builds | Cache hits | Evictions | Held at the end | Charged per number (MB) | Peak retained heap (MB) | Median build (ms) | Within the bound |
            |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|
            | {numbers} × {products:N0} | {maxMegabytes:N0} | {builds + hits} | {builds} | {hits} | {evictions} | {cache.Count} | {perNumber:F1} | {peak / Megabyte:F1} | {Median(buildTimes):N0} | {(withinBound ? "yes" : "NO")} |
            """));
        return withinBound;
    }

    private static long Median(List<long> values)
    {
        values.Sort();
        return values.Count == 0 ? 0 : values[values.Count / 2];
    }
}
