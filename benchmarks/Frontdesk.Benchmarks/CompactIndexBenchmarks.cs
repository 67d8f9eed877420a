using BenchmarkDotNet.Attributes;
using Frontdesk.Core.Catalogue;
using Frontdesk.Core.Tests.Catalogue.Reference;

namespace Frontdesk.Benchmarks;

/// <summary>
/// Before and after issue 16 in one process, so a loaded machine slows both alike: the object-per-posting index
/// (<see cref="ReferenceCatalogueIndex"/>, the tests' oracle) against the compact one, on the same 100,000 products.
/// </summary>
[MemoryDiagnoser]
public class CompactIndexBenchmarks
{
    private static readonly StopWords s_stopWords = StopWords.For("fr-FR");
    private CatalogueIndex _compact = CatalogueIndex.Empty;
    private ReferenceCatalogueIndex? _before;

    [Params(100_000)]
    public int Products { get; set; }

    [ParamsSource(nameof(Queries))]
    public CatalogueQuery Query { get; set; } = CatalogueQueries.All[0];

    public static IEnumerable<CatalogueQuery> Queries => CatalogueQueries.All;

    [GlobalSetup]
    public void Setup()
    {
        var products = CatalogueGenerator.Generate(Products);
        _compact = CatalogueIndex.Build(products);
        _before = ReferenceCatalogueIndex.Build(products);
    }

    [Benchmark(Baseline = true)]
    public int Before() => _before!.Search(Query.Text, s_stopWords, Query.Mode, 30).Total;

    [Benchmark]
    public int Compact() => _compact.Search(Query.Text, s_stopWords, Query.Mode, 30).Total;
}
