using System.Diagnostics;
using System.Globalization;
using Frontdesk.Core.Catalogue;
using Frontdesk.Core.Text;

namespace Frontdesk.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- --index-memory</c>: the retained size of the products and of the index built over
/// them (GC heap after full collections, before and after), and how long a build takes.
/// </summary>
public static class IndexMemoryReport
{
    public const string Switch = "--index-memory";

    public static void Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("| Products | Products retained (MB) | Index retained (MB) | Index bytes / product | Build (ms) | Terms |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var count in new[] { 500, 10_000, 100_000 })
        {
            var before = Retained();
            var products = CatalogueGenerator.Generate(count);
            var afterProducts = Retained();
            var watch = Stopwatch.StartNew();
            var index = CatalogueIndex.Build(products);
            watch.Stop();
            var afterIndex = Retained();
            var indexBytes = afterIndex - afterProducts;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {count:N0} | {(afterProducts - before) / 1048576.0:F1} | {indexBytes / 1048576.0:F1} | {indexBytes / count:N0} | {watch.ElapsedMilliseconds:N0} | {TermCount(index, products):N0} |"));
            GC.KeepAlive(index);
            GC.KeepAlive(products);
        }
    }

    private static long Retained()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static int TermCount(CatalogueIndex index, IReadOnlyList<Product> products)
    {
        GC.KeepAlive(index);
        return products.SelectMany(p => TextNormaliser.Terms($"{p.Title} {p.Description} {p.Collection} {string.Join(' ', p.Keywords)}")).Distinct().Count();
    }
}
