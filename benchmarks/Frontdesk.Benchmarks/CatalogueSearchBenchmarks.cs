using BenchmarkDotNet.Attributes;
using Frontdesk.Core.Catalogue;

namespace Frontdesk.Benchmarks;

/// <summary>One customer query against a number's in-memory index, as the responder runs it (limit 30).</summary>
[MemoryDiagnoser]
public class CatalogueSearchBenchmarks
{
    private static readonly StopWords s_stopWords = StopWords.For("fr-FR");
    private CatalogueIndex _index = CatalogueIndex.Empty;

    [Params(500, 10_000, 100_000)]
    public int Products { get; set; }

    [GlobalSetup]
    public void Setup() => _index = CatalogueIndex.Build(CatalogueGenerator.Generate(Products));

    [Benchmark(Description = "one word: croissants")]
    public CatalogueSearchResult OneWord() => _index.Search("croissants", s_stopWords, CatalogueSearchMode.Browse, 30);

    [Benchmark(Description = "two words: tarte citron")]
    public CatalogueSearchResult TwoWords() => _index.Search("tarte citron", s_stopWords, CatalogueSearchMode.Browse, 30);

    [Benchmark(Description = "typo: croisant pistahce")]
    public CatalogueSearchResult Typo() => _index.Search("croisant pistahce", s_stopWords, CatalogueSearchMode.Browse, 30);

    [Benchmark(Description = "sentence, strict: je voudrais un pain au chocolat")]
    public CatalogueSearchResult Sentence() => _index.Search("bonjour, je voudrais un pain au chocolat svp", s_stopWords, CatalogueSearchMode.Strict, 30);

    [Benchmark(Description = "SKU: SKU-000123")]
    public CatalogueSearchResult Sku() => _index.Search("SKU-000123", s_stopWords, CatalogueSearchMode.Browse, 30);

    [Benchmark(Description = "no hit: avez-vous des trottinettes ?")]
    public CatalogueSearchResult NoHit() => _index.Search("avez-vous des trottinettes ?", s_stopWords, CatalogueSearchMode.Browse, 30);
}
