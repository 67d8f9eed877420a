using System.Diagnostics;
using System.Globalization;
using Frontdesk.Core.Catalogue;
using Frontdesk.Core.Text;

namespace Frontdesk.Benchmarks;

/// <summary>
/// Frontdesk beside Lucene.Net on the same generated catalogue: build time, result agreement and the two quality
/// checks of issue 16 (typos, strict sentence), then the BenchmarkDotNet medians of
/// <see cref="LuceneComparisonBenchmarks"/>. Fails unless Frontdesk's median is ahead on every query.
/// </summary>
public static class LuceneComparison
{
    private static readonly StopWords s_stopWords = StopWords.For("fr-FR");

    public static bool RunQuality(TextWriter output, int count = 100_000)
    {
        ArgumentNullException.ThrowIfNull(output);
        var products = CatalogueGenerator.Generate(count);
        var watch = Stopwatch.StartNew();
        var frontdesk = CatalogueIndex.Build(products);
        var frontdeskBuild = watch.ElapsedMilliseconds;
        watch.Restart();
        using var lucene = new LuceneCatalogue(products);
        var luceneBuild = watch.ElapsedMilliseconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Build, {count:N0} products: Frontdesk {frontdeskBuild:N0} ms, Lucene.Net {luceneBuild:N0} ms."));
        output.WriteLine();
        output.WriteLine("| Query | Mode | Frontdesk matches | Lucene matches | Top 30 in common |");
        output.WriteLine("|---|---|---:|---:|---:|");
        foreach (var query in CatalogueQueries.All)
        {
            var ours = frontdesk.Search(query.Text, s_stopWords, query.Mode, 30);
            var theirs = lucene.Search(query.Text, query.Mode, 30);
            var common = ours.Hits.Select(hit => hit.Sku.ToLowerInvariant()).Intersect(theirs.Skus).Count();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `{query.Text}` | {query.Mode} | {ours.Total:N0} | {theirs.Total:N0} | {common} of {Math.Min(30, Math.Max(ours.Hits.Count, theirs.Skus.Count))} |"));
        }

        // Typo quality: of the best 30 for "croisant pistahce", how many are pistachio croissants?
        var wanted = products.Where(product => IsPistachioCroissant(product.Title)).Select(product => product.Sku.ToLowerInvariant()).ToHashSet();
        var typo = CatalogueQueries.All.Single(query => query.Name == "typos");
        var oursTypo = frontdesk.Search(typo.Text, s_stopWords, typo.Mode, 30).Hits.Count(hit => wanted.Contains(hit.Sku.ToLowerInvariant()));
        var theirsTypo = lucene.Search(typo.Text, typo.Mode, 30).Skus.Count(wanted.Contains);
        var strict = CatalogueQueries.All.Single(query => query.Mode == CatalogueSearchMode.Strict);
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Typos: of the best 30 for `{typo.Text}`, pistachio croissants: Frontdesk {oursTypo}/30, Lucene {theirsTypo}/30 ({wanted.Count:N0} in the catalogue). Strict sentence: Frontdesk {frontdesk.Search(strict.Text, s_stopWords, strict.Mode, 30).Total:N0} matches, Lucene {lucene.Search(strict.Text, strict.Mode, 30).Total:N0}."));
        return oursTypo >= Math.Min(30, wanted.Count);
    }

    /// <summary>Runs the BenchmarkDotNet comparison in this process (ShortRun) and prints the medians side by side.</summary>
    public static bool RunLatency(TextWriter output) =>
        SideBySide.Run<LuceneComparisonBenchmarks>(
            output, nameof(LuceneComparisonBenchmarks.Frontdesk), "Frontdesk", nameof(LuceneComparisonBenchmarks.Lucene), "Lucene + fuzzy");

    private static bool IsPistachioCroissant(string title)
    {
        var words = TextNormaliser.WordList(title);
        return words.Contains("croissant") && words.Contains("pistache");
    }
}
