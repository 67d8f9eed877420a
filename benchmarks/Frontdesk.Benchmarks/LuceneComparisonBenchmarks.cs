using BenchmarkDotNet.Attributes;
using Frontdesk.Core.Catalogue;

namespace Frontdesk.Benchmarks;

/// <summary>
/// Frontdesk and Lucene.Net (with fuzzy matching) answering the same queries over the same generated 100,000-product
/// catalogue, in one process (issue 16). The catalogue report (<c>--catalogue-report</c>) runs this class and puts
/// the medians side by side.
/// </summary>
[MemoryDiagnoser]
public class LuceneComparisonBenchmarks
{
    private static readonly StopWords s_stopWords = StopWords.For("fr-FR");
    private CatalogueIndex _frontdesk = CatalogueIndex.Empty;
    private LuceneCatalogue? _lucene;

    [Params(100_000)]
    public int Products { get; set; }

    [ParamsSource(nameof(Queries))]
    public CatalogueQuery Query { get; set; } = CatalogueQueries.All[0];

    public static IEnumerable<CatalogueQuery> Queries => CatalogueQueries.All;

    [GlobalSetup]
    public void Setup()
    {
        var products = CatalogueGenerator.Generate(Products);
        _frontdesk = CatalogueIndex.Build(products);
        _lucene = new LuceneCatalogue(products);
    }

    [GlobalCleanup]
    public void Cleanup() => _lucene?.Dispose();

    [Benchmark(Baseline = true)]
    public int Frontdesk() => _frontdesk.Search(Query.Text, s_stopWords, Query.Mode, 30).Total;

    [Benchmark]
    public int Lucene() => _lucene!.Search(Query.Text, Query.Mode, 30).Total;
}
