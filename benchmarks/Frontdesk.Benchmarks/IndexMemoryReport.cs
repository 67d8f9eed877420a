using System.Diagnostics;
using System.Globalization;
using Frontdesk.Core.Catalogue;
using Frontdesk.Core.Tests.Catalogue.Reference;

namespace Frontdesk.Benchmarks;

/// <summary>
/// <c>--index-memory</c>: the retained size of the products and of the index built over them, and how long a build
/// takes. Each measurement runs in a process of its own (<c>--index-memory-one N</c>), so nothing from another size
/// is alive or released while it is measured; every size is measured twice and the report fails unless both runs
/// agree within <see cref="Tolerance"/>, and unless the index's own byte count (what the cache budget charges) is
/// within <see cref="Tolerance"/> of the measured size.
/// </summary>
public static class IndexMemoryReport
{
    public const string Switch = "--index-memory";
    public const string OneSwitch = "--index-memory-one";

    /// <summary>How far two measurements of one size, or the estimate and the measurement, may differ.</summary>
    public const double Tolerance = 0.03;

    private const double Megabyte = 1024 * 1024;

    /// <summary>Writes the table; false when a self-check failed (the table says which).</summary>
    public static bool Run(TextWriter output, IReadOnlyList<int>? sizes = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var ok = true;
        output.WriteLine("| Products | Index retained (MB) | Index bytes / product | Index estimate (MB) | Second run, index (MB) | Build (ms) | Terms | Products as generated (MB) | Products as a table read makes them (MB) | … with repeated values pooled (MB) | Self-check |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var count in sizes ?? [500, 10_000, 100_000])
        {
            var first = MeasureInChildProcess(count);
            var second = MeasureInChildProcess(count);
            var problems = new List<string>();
            if (!Agree(first.IndexBytes, second.IndexBytes) || !Agree(first.ProductBytes, second.ProductBytes))
            {
                problems.Add("the two runs disagree");
            }

            if (!Agree(first.IndexBytes, first.IndexEstimate))
            {
                problems.Add("the estimate is off");
            }

            ok &= problems.Count == 0;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {count:N0} | {first.IndexBytes / Megabyte:F2} | {first.IndexBytes / count:N0} | {first.IndexEstimate / Megabyte:F2} | {second.IndexBytes / Megabyte:F2} | {first.BuildMs:N0} | {first.Terms:N0} | {first.ProductBytes / Megabyte:F1} | {first.TableReadBytes / Megabyte:F1} | {first.PooledReadBytes / Megabyte:F1} | {(problems.Count == 0 ? "ok" : "FAILED: " + string.Join("; ", problems))} |"));
        }

        return ok;
    }

    /// <summary>
    /// The other engines over the same products, each measured alone in the same way (two runs that must agree):
    /// the index as it was before issue 16 (the tests' reference) and Lucene.Net's.
    /// </summary>
    public static bool RunOthers(TextWriter output, int count)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("| Engine, products | Index retained (MB) | Second run (MB) | Build (ms) | Self-check |");
        output.WriteLine("|---|---:|---:|---:|---|");
        var ok = true;
        foreach (var (engine, label) in new[] { (ReferenceEngine, "Frontdesk before issue 16"), (LuceneEngine, "Lucene.Net 4.8.0-beta00017") })
        {
            var first = MeasureInChildProcess(count, engine);
            var second = MeasureInChildProcess(count, engine);
            var agree = Agree(first.IndexBytes, second.IndexBytes);
            ok &= agree;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {label}, {count:N0} | {first.IndexBytes / Megabyte:F2} | {second.IndexBytes / Megabyte:F2} | {first.BuildMs:N0} | {(agree ? "ok" : "FAILED: the runs disagree")} |"));
        }

        return ok;
    }

    /// <summary>The child's side: measure one size of one engine and print one tab-separated line.</summary>
    public static void RunOne(int count, string engine, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var lucene = engine == LuceneEngine;

        // Warm up first, so code, statics (stop words, the empty index, analysers) are not charged to this size.
        var warmUp = CatalogueGenerator.Generate(50, seed: 7);
        GC.KeepAlive(CatalogueIndex.Build(warmUp).Search("croissant", StopWords.All, CatalogueSearchMode.Browse, 30));
        if (lucene)
        {
            using var warm = new LuceneCatalogue(warmUp);
            GC.KeepAlive(warm.Search("croissant", CatalogueSearchMode.Browse, 30));
        }

        var before = Retained();
        var products = CatalogueGenerator.Generate(count);
        var afterProducts = Retained();
        var watch = Stopwatch.StartNew();
        object index = engine switch
        {
            LuceneEngine => new LuceneCatalogue(products),
            ReferenceEngine => ReferenceCatalogueIndex.Build(products),
            _ => CatalogueIndex.Build(products),
        };
        watch.Stop();
        var afterIndex = Retained();
        var (estimate, terms) = index is CatalogueIndex own ? (own.IndexBytes, own.Terms) : (0L, 0);
        var readRaw = MeasureTableRead(products, pool: null);
        var readPooled = MeasureTableRead(products, new StringPool());
        output.WriteLine(string.Join('\t', new long[] { count, afterProducts - before, afterIndex - afterProducts, watch.ElapsedMilliseconds, estimate, terms, readRaw, readPooled }.Select(n => n.ToString(CultureInfo.InvariantCulture))));
        GC.KeepAlive(products);
        GC.KeepAlive(index);
        (index as IDisposable)?.Dispose();
    }

    /// <summary>
    /// The generator shares its word-pool strings between products; a table read does not: every value of every row
    /// is a string of its own. This copies each product's strings as a read would, pooling currency, collection and
    /// keywords as <c>ProductEntity.ToProduct</c> does when given a pool, and measures what the copies retain.
    /// </summary>
    private static long MeasureTableRead(IReadOnlyList<Product> products, StringPool? pool)
    {
        var before = Retained();
        var read = products.Select(product => new Product
        {
            Sku = Copy(product.Sku),
            Title = Copy(product.Title),
            Description = CopyOrNull(product.Description),
            Price = product.Price,
            Currency = Pooled(Copy(product.Currency)),
            InStock = product.InStock,
            Collection = CopyOrNull(product.Collection) is { } collection ? Pooled(collection) : null,
            Keywords = product.Keywords.Select(keyword => Pooled(Copy(keyword))).ToArray(),
            Link = CopyOrNull(product.Link),
            ImageLink = CopyOrNull(product.ImageLink),
        }).ToArray();
        var retained = Retained() - before;
        GC.KeepAlive(read);
        return retained;

        string Pooled(string value) => pool?.Intern(value) ?? value;
        static string Copy(string value) => new(value.AsSpan());
        static string? CopyOrNull(string? value) => value is null ? null : Copy(value);
    }

    public const string LuceneEngine = "lucene";
    public const string FrontdeskEngine = "frontdesk";
    public const string ReferenceEngine = "reference";

    /// <summary>The GC heap after full, compacting collections: what is still reachable.</summary>
    public static long Retained()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static bool Agree(long a, long b) => Math.Abs(a - b) <= Tolerance * Math.Max(Math.Abs(a), Math.Abs(b)) + 16_384;

    private static Measurement MeasureInChildProcess(int count, string engine = FrontdeskEngine)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in ChildArguments())
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add(OneSwitch);
        start.ArgumentList.Add(count.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(engine);
        using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the measuring process.");
        var line = child.StandardOutput.ReadToEnd().Trim().Split('\n')[^1];
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"The measuring process for {count} products ({engine}) exited with {child.ExitCode}.");
        }

        var n = line.Split('\t').Select(part => long.Parse(part, CultureInfo.InvariantCulture)).ToArray();
        return new Measurement(n[1], n[2], n[3], n[4], n[5], n[6], n[7]);
    }

    /// <summary>Under <c>dotnet Frontdesk.Benchmarks.dll</c> the child needs the dll path; under the apphost, nothing.</summary>
    private static IEnumerable<string> ChildArguments()
    {
        var path = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? [typeof(IndexMemoryReport).Assembly.Location]
            : [];
    }

    private sealed record Measurement(long ProductBytes, long IndexBytes, long BuildMs, long IndexEstimate, long Terms, long TableReadBytes, long PooledReadBytes);
}
