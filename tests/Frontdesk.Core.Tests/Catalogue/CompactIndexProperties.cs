using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Frontdesk.Core.Catalogue;
using Frontdesk.Core.Tests.Catalogue.Reference;

namespace Frontdesk.Core.Tests.Catalogue;

/// <summary>
/// The compact index (flat postings, hashed typo map, SKU table) answers every query exactly as the object-based
/// index it replaced (<see cref="ReferenceCatalogueIndex"/>): the same products in the same order, the same total
/// and the same kind of match, in both modes, on random catalogues and random queries with typos, stop words,
/// SKUs and punctuation.
/// </summary>
public sealed class CompactIndexProperties
{
    private static readonly string[] s_words =
    [
        "croissant", "croissants", "pain", "baguette", "brioche", "éclair", "tarte", "gâteaux", "macaron", "chocolat",
        "amande", "café", "vanille", "fraise", "citron", "pistache", "caramel", "noisette", "pomme", "lemon", "berry",
        "berries", "box", "boxes", "tradition", "maison", "royal", "glacé", "mini", "vegan", "aaaa", "aaab", "abab",
        "au", "des", "de", "la", "the", "of", "et", "rois", "galette", "choux", "Nike™", "½", "🥐",
    ];

    private static readonly string[] s_stopWords = ["bonjour", "je", "voudrais", "avez-vous", "des", "un", "svp", "?", "!"];

    private static readonly Gen<string> s_word = Gen.Elements(s_words);

    /// <summary>A word as a customer types it: right, or with one letter dropped, doubled, replaced or swapped.</summary>
    private static readonly Gen<string> s_typed = s_word.SelectMany(word => Gen.Choose(0, 5).SelectMany(kind =>
        Gen.Choose(0, Math.Max(0, word.Length - 2)).Select(at => word.Length < 3 ? word : kind switch
        {
            1 => word.Remove(at, 1),
            2 => word.Insert(at, word[at].ToString()),
            3 => word.Remove(at, 1).Insert(at, "x"),
            4 => string.Concat(word.AsSpan(0, at), word[at + 1].ToString(), word[at].ToString(), word.AsSpan(at + 2)),
            _ => word,
        })));

    private static readonly Gen<Product[]> s_catalogue =
        Gen.Choose(0, 60).SelectMany(count => Gen.ArrayOf(
            Gen.Zip(
                Gen.Zip(s_word.ArrayOf().Where(words => words.Length is >= 1 and <= 5), s_word.ArrayOf().Where(words => words.Length <= 6)),
                Gen.Zip(
                    Gen.Zip(s_word.ArrayOf().Where(words => words.Length <= 2), Gen.Elements<string?>(null, "Pains", "Gâteaux", "Viennoiseries")),
                    Gen.Zip(Gen.Choose(0, 9), Gen.Choose(0, 20)))),
            count).Select(rows => rows.Select((row, i) => TestCatalogues.Make(
                sku: row.Item2.Item2.Item2 == 0 && i > 0 ? $"SKU-{i - 1:000}" : $"SKU-{i:000}",
                title: string.Join(' ', row.Item1.Item1),
                collection: row.Item2.Item1.Item2,
                inStock: row.Item2.Item2.Item1 != 0,
                description: row.Item1.Item2.Length == 0 ? null : string.Join(' ', row.Item1.Item2),
                keywords: row.Item2.Item1.Item1)).ToArray()));

    private static readonly Gen<string> s_query = Gen.OneOf(
        Gen.Zip(s_typed.ArrayOf().Where(words => words.Length <= 5), Gen.Elements(s_stopWords).ArrayOf().Where(words => words.Length <= 3))
            .SelectMany(pair => Gen.Shuffle(pair.Item1.Concat(pair.Item2).ToArray()))
            .Select(words => string.Join(' ', words)),
        Gen.Choose(0, 70).Select(i => $"sku-{i:000}"),
        Gen.Choose(0, 70).Select(i => $"vous avez le SKU-{i:000} et le SKU-{i + 1:000} ?"));

    [Property(MaxTest = 400)]
    public Property EveryQuery_FindsWhatTheReferenceIndexFinds() =>
        Prop.ForAll(
            Arb.From(Gen.Zip(s_catalogue, s_query.ArrayOf().Where(queries => queries.Length is >= 1 and <= 8))),
            pair =>
            {
                var (products, queries) = pair;
                var compact = CatalogueIndex.Build(products);
                var reference = ReferenceCatalogueIndex.Build(products);
                foreach (var query in queries)
                {
                    foreach (var mode in new[] { CatalogueSearchMode.Browse, CatalogueSearchMode.Strict })
                    {
                        foreach (var stopWords in new[] { StopWords.English, StopWords.All })
                        {
                            var expected = reference.Search(query, stopWords, mode, 5);
                            var actual = compact.Search(query, stopWords, mode, 5);
                            if (!actual.Hits.Select(hit => hit.Sku).SequenceEqual(expected.Hits.Select(hit => hit.Sku))
                                || actual.Total != expected.Total || actual.Kind != expected.Kind)
                            {
                                return false.Label($"{mode} '{query}': [{string.Join(", ", actual.Hits.Select(hit => hit.Sku))}] {actual.Total} {actual.Kind}, expected [{string.Join(", ", expected.Hits.Select(hit => hit.Sku))}] {expected.Total} {expected.Kind}");
                            }
                        }
                    }
                }

                return true.ToProperty();
            });

    [Fact]
    public void GeneratedCatalogue_OfTenThousand_AgreesOnTheBenchmarkQueries()
    {
        var random = new Random(42);
        var products = Enumerable.Range(0, 10_000).Select(i => TestCatalogues.Make(
            $"SKU-{i:000000}",
            string.Join(' ', Enumerable.Range(0, random.Next(2, 5)).Select(_ => s_words[random.Next(s_words.Length)])) + $" maker{i % 997}",
            collection: i % 3 == 0 ? "Pains" : "Gâteaux",
            inStock: random.Next(10) != 0,
            description: string.Join(' ', Enumerable.Range(0, 6).Select(_ => s_words[random.Next(s_words.Length)])),
            keywords: [s_words[random.Next(s_words.Length)]])).ToArray();
        var compact = CatalogueIndex.Build(products);
        var reference = ReferenceCatalogueIndex.Build(products);

        foreach (var query in new[] { "croissants", "tarte citron", "croisant pistahce", "bonjour, je voudrais un pain au chocolat svp", "SKU-000123", "avez-vous des trottinettes ?", "maker12 brioshe" })
        {
            foreach (var mode in new[] { CatalogueSearchMode.Browse, CatalogueSearchMode.Strict })
            {
                var expected = reference.Search(query, StopWords.All, mode, 30);
                var actual = compact.Search(query, StopWords.All, mode, 30);

                Assert.Equal(expected.Hits.Select(hit => hit.Sku), actual.Hits.Select(hit => hit.Sku));
                Assert.Equal(expected.Total, actual.Total);
                Assert.Equal(expected.Kind, actual.Kind);
            }
        }
    }
}
