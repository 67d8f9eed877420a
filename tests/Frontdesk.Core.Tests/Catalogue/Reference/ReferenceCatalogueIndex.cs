using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Runtime.InteropServices;
using Frontdesk.Core.Text;

using Frontdesk.Core.Catalogue;

namespace Frontdesk.Core.Tests.Catalogue.Reference;

/// <summary>
/// The catalogue index as it was before the compact rewrite (issue 16), kept as the oracle the compact index must
/// agree with result for result: object-per-posting, string-keyed typo map, per-product title term lists.
/// The original summary follows.
/// The in-memory search index of one business's catalogue: an inverted index of stemmed terms (with the fields they
/// occur in), a symmetric-delete map for one-typo lookups, SKUs and collections. Immutable once built, so readers
/// share it without locks and a rebuild simply swaps the reference.
/// </summary>
internal sealed class ReferenceCatalogueIndex
{
    /// <summary>Queries longer than this many meaningful words are cut (the coverage mask is 32 bits).</summary>
    private const int MaxQueryWords = 32;

    private readonly Product[] _products;
    private readonly string[] _terms;
    private readonly FrozenDictionary<string, int> _termIds;
    private readonly Posting[][] _postings;
    private readonly ReferenceTypoIndex _typos;
    private readonly int[][] _titleTerms;
    private readonly FrozenDictionary<string, int> _skus;
    private readonly FrozenDictionary<string, int[]> _collections;
    private readonly ConcurrentDictionary<StopWords, byte[]> _meaningfulTitleTerms = new();

    /// <summary>
    /// Per product, greater is better among equal scores: in stock first, then the shorter title, then file order.
    /// Precomputed so ranking thousands of candidates never dereferences their products.
    /// </summary>
    private readonly int[] _tieBreak;

    [ThreadStatic]
    private static ReferenceScratch? t_scratch;

    private ReferenceCatalogueIndex(
        Product[] products,
        string[] terms,
        Posting[][] postings,
        int[][] titleTerms,
        FrozenDictionary<string, int[]> collections,
        IReadOnlyList<CatalogueCollection> collectionList)
    {
        _products = products;
        _terms = terms;
        _termIds = terms.Select((term, id) => (term, id)).ToFrozenDictionary(pair => pair.term, pair => pair.id, StringComparer.Ordinal);
        _postings = postings;
        _typos = new ReferenceTypoIndex(terms, _termIds);
        _titleTerms = titleTerms;
        _skus = products.Select((product, id) => (product.Sku, id))
            .DistinctBy(pair => pair.Sku, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(pair => pair.Sku, pair => pair.id, StringComparer.OrdinalIgnoreCase);
        _collections = collections;
        Collections = collectionList;
        _tieBreak = new int[products.Length];
        var order = Enumerable.Range(0, products.Length)
            .OrderByDescending(id => products[id].InStock)
            .ThenBy(id => products[id].Title.Length)
            .ThenBy(id => id)
            .ToArray();
        for (var position = 0; position < order.Length; position++)
        {
            _tieBreak[order[position]] = order.Length - position;
        }
    }

    public static ReferenceCatalogueIndex Empty { get; } = Build([]);

    public int Count => _products.Length;

    /// <summary>The collections, largest first.</summary>
    public IReadOnlyList<CatalogueCollection> Collections { get; }

    public static ReferenceCatalogueIndex Build(IEnumerable<Product> products)
    {
        ArgumentNullException.ThrowIfNull(products);
        var all = products.ToArray();
        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var postings = new List<List<Posting>>();
        var titleTerms = new int[all.Length][];
        var fieldsOfTerm = new Dictionary<int, ProductFields>();
        for (var p = 0; p < all.Length; p++)
        {
            var product = all[p];
            fieldsOfTerm.Clear();
            Add(product.Title, ProductFields.Title);
            titleTerms[p] = [.. fieldsOfTerm.Keys];
            foreach (var keyword in product.Keywords)
            {
                Add(keyword, ProductFields.Keywords);
            }

            Add(product.Collection, ProductFields.Collection);
            Add(product.Description, ProductFields.Description);
            foreach (var (term, fields) in fieldsOfTerm)
            {
                postings[term].Add(new Posting(p, fields));
            }
        }

        var terms = new string[termIds.Count];
        foreach (var (term, id) in termIds)
        {
            terms[id] = term;
        }

        return new ReferenceCatalogueIndex(
            all,
            terms,
            [.. postings.Select(list => list.ToArray())],
            titleTerms,
            BuildCollections(all, out var collectionList),
            collectionList);

        void Add(string? text, ProductFields field)
        {
            foreach (var term in TextNormaliser.Terms(text))
            {
                ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(termIds, term, out var exists);
                if (!exists)
                {
                    id = postings.Count;
                    postings.Add([]);
                }

                ref var fields = ref CollectionsMarshal.GetValueRefOrAddDefault(fieldsOfTerm, id, out _);
                fields |= field;
            }
        }
    }

    public Product? FindBySku(string sku) =>
        _skus.TryGetValue(sku.Trim(), out var id) ? _products[id] : null;

    /// <summary>The first products (in stock first, then file order), for a catalogue without collections.</summary>
    public IReadOnlyList<Product> First(int limit) =>
        [.. _products.Where(product => product.InStock).Concat(_products.Where(product => !product.InStock)).Take(limit)];

    /// <summary>The products of a collection (in stock first, then by title); empty for an unknown one.</summary>
    public IReadOnlyList<Product> InCollection(string name, int limit) =>
        _collections.TryGetValue(name, out var ids) ? [.. ids.Take(limit).Select(id => _products[id])] : [];

    public CatalogueSearchResult Search(string? query, StopWords stopWords, CatalogueSearchMode mode, int limit)
    {
        ArgumentNullException.ThrowIfNull(stopWords);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        if (string.IsNullOrWhiteSpace(query) || _products.Length == 0)
        {
            return CatalogueSearchResult.None;
        }

        var bySku = SearchSkus(query, limit);
        if (bySku is not null)
        {
            return bySku;
        }

        var words = QueryWords(query, stopWords);
        if (words.Count == 0)
        {
            return CatalogueSearchResult.None;
        }

        // Scores live in a per-thread array as long as the catalogue, reset after each query through the list of
        // products touched: at 100,000 products a common word has tens of thousands of postings, and a dictionary
        // per query costs several times more than indexing an array.
        var scratch = t_scratch ??= new ReferenceScratch();
        scratch.EnsureCapacity(_products.Length);
        var scores = scratch.Scores;
        var touched = scratch.Touched;
        try
        {
            var countedTerms = new HashSet<int>();

            // Strict answers only through title or keywords, so other postings need not be scored at all.
            var fields = mode == CatalogueSearchMode.Strict ? ProductFields.Title | ProductFields.Keywords : ProductFields.Title | ProductFields.Keywords | ProductFields.Collection | ProductFields.Description;
            for (var i = 0; i < words.Count; i++)
            {
                var bit = 1u << i;
                foreach (var (term, typo) in MatchingTerms(words[i]))
                {
                    // A title term matched by two query words counts once towards "names the whole title".
                    var firstTimeForTerm = countedTerms.Add(term);
                    var weight = typo ? 0.5f : 1f;
                    foreach (var posting in _postings[term])
                    {
                        if ((posting.Fields & fields) == 0)
                        {
                            continue;
                        }

                        ref var score = ref scores[posting.Product];
                        if (score.Words == 0)
                        {
                            touched.Add(posting.Product);
                        }

                        if (firstTimeForTerm && (posting.Fields & ProductFields.Title) != 0)
                        {
                            score.TitleTerms++;
                        }

                        if ((score.Words & bit) == 0)
                        {
                            // Exact terms come before typo terms, so a word's first match is its best.
                            score.Words |= bit;
                            score.Value += Weight(posting.Fields) * weight;
                            score.Fields |= posting.Fields;
                        }
                    }
                }
            }

            return Rank(scores, touched, words.Count, mode == CatalogueSearchMode.Browse ? null : MeaningfulTitleTerms(stopWords), limit);
        }
        finally
        {
            foreach (var product in touched)
            {
                scores[product] = default;
            }

            touched.Clear();
        }
    }

    /// <summary>
    /// Browse: the products matching the most query words. Strict (meaningfulTitleTerms given): products matched
    /// through title or keywords that match every query word or whose every meaningful title word was in the text.
    /// Of those, the best <paramref name="limit"/> are kept in a heap whose top is the worst kept, so 100,000
    /// candidates are never sorted.
    /// </summary>
    private CatalogueSearchResult Rank(ReferenceScore[] scores, List<int> touched, int wordCount, byte[]? meaningfulTitleTerms, int limit)
    {
        var best = 0;
        if (meaningfulTitleTerms is null)
        {
            foreach (var product in touched)
            {
                best = Math.Max(best, scores[product].Coverage);
            }
        }

        var all = wordCount == 32 ? uint.MaxValue : (1u << wordCount) - 1;
        var heap = new PriorityQueue<int, ReferenceRankKey>(limit + 1);
        var total = 0;
        foreach (var product in touched)
        {
            var score = scores[product];
            var accepted = meaningfulTitleTerms is null
                ? score.Coverage == best
                : (score.Words == all || (meaningfulTitleTerms[product] > 0 && score.TitleTerms >= meaningfulTitleTerms[product]));
            if (!accepted)
            {
                continue;
            }

            total++;
            var key = new ReferenceRankKey(score.Coverage, score.Value, _tieBreak[product]);
            if (heap.Count < limit)
            {
                heap.Enqueue(product, key);
            }
            else if (heap.TryPeek(out _, out var worst) && key.CompareTo(worst) > 0)
            {
                heap.DequeueEnqueue(product, key);
            }
        }

        var hits = new Product[heap.Count];
        for (var i = hits.Length - 1; i >= 0; i--)
        {
            hits[i] = _products[heap.Dequeue()];
        }

        return total == 0 ? CatalogueSearchResult.None : new CatalogueSearchResult(hits, total, CatalogueMatchKind.Words);
    }

    /// <summary>How many title terms of each product are not stop words of this language (computed once per language).</summary>
    private byte[] MeaningfulTitleTerms(StopWords stopWords) =>
        _meaningfulTitleTerms.GetOrAdd(stopWords, words =>
        {
            var counts = new byte[_products.Length];
            for (var product = 0; product < counts.Length; product++)
            {
                counts[product] = (byte)Math.Min(byte.MaxValue, _titleTerms[product].Count(term => !words.Contains(_terms[term])));
            }

            return counts;
        });

    /// <summary>The whole text, or one word of it that looks like a code (has a digit, 3+ characters), is a retailer id.</summary>
    private CatalogueSearchResult? SearchSkus(string query, int limit)
    {
        if (_skus.TryGetValue(query.Trim(), out var exact))
        {
            return new CatalogueSearchResult([_products[exact]], 1, CatalogueMatchKind.Sku);
        }

        var found = new List<Product>();
        foreach (var token in query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = token.Trim('.', ',', ';', ':', '!', '?', '(', ')', '"', '\'', '«', '»');
            if (candidate.Length >= 3 && candidate.Any(char.IsDigit) && _skus.TryGetValue(candidate, out var id) && !found.Contains(_products[id]))
            {
                found.Add(_products[id]);
            }
        }

        return found.Count == 0 ? null : new CatalogueSearchResult([.. found.Take(limit)], found.Count, CatalogueMatchKind.Sku);
    }

    private static List<ReferenceQueryWord> QueryWords(string query, StopWords stopWords)
    {
        var words = new List<ReferenceQueryWord>();
        foreach (var word in TextNormaliser.WordList(query))
        {
            var stem = TextNormaliser.Stem(word);
            if (stopWords.Contains(word) || words.Exists(existing => existing.Stem == stem))
            {
                continue;
            }

            words.Add(new ReferenceQueryWord(stem, word, word.Length >= 5));
            if (words.Count == MaxQueryWords)
            {
                break;
            }
        }

        return words;
    }

    private List<(int Term, bool Typo)> MatchingTerms(ReferenceQueryWord word)
    {
        var found = new List<(int, bool)>();
        if (_termIds.TryGetValue(word.Stem, out var exact))
        {
            // A word the catalogue knows is never read as a typo of another one.
            found.Add((exact, false));
            return found;
        }

        if (!word.TypoAllowed || word.Stem.Length < 3)
        {
            return found;
        }

        var seen = new HashSet<int>();
        var near = new List<int>();
        // The typo is looked for around the stem and around the word as typed: stemming a misspelt word can
        // itself take a letter off ("bdlis" → "bdli", while "bdliss" keeps its double s).
        _typos.AddNear(word.Stem, seen, near);
        if (word.Word != word.Stem)
        {
            _typos.AddNear(word.Word, seen, near);
        }

        found.AddRange(near.Select(term => (term, true)));
        return found;
    }

    private static float Weight(ProductFields fields) =>
        fields.HasFlag(ProductFields.Title) ? 8
        : fields.HasFlag(ProductFields.Keywords) ? 4
        : fields.HasFlag(ProductFields.Collection) ? 2
        : 1;

    private static FrozenDictionary<string, int[]> BuildCollections(Product[] products, out IReadOnlyList<CatalogueCollection> list)
    {
        var groups = Enumerable.Range(0, products.Length)
            .Where(id => !string.IsNullOrWhiteSpace(products[id].Collection))
            .GroupBy(id => products[id].Collection!.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(group => (Name: group.Key, Ids: group
                .OrderByDescending(id => products[id].InStock)
                .ThenBy(id => products[id].Title, StringComparer.CurrentCultureIgnoreCase)
                .ToArray()))
            .ToList();
        list = [.. groups
            .OrderByDescending(group => group.Ids.Length)
            .ThenBy(group => group.Name, StringComparer.OrdinalIgnoreCase)
            .Select(group => new CatalogueCollection(group.Name, group.Ids.Length))];
        return groups.ToFrozenDictionary(group => group.Name, group => group.Ids, StringComparer.OrdinalIgnoreCase);
    }

    private readonly record struct Posting(int Product, ProductFields Fields);
}
