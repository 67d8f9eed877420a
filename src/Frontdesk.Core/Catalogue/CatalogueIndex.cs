using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Runtime.InteropServices;
using Frontdesk.Core.Text;

namespace Frontdesk.Core.Catalogue;

/// <summary>
/// The in-memory search index of one business's catalogue: an inverted index of stemmed terms (with the fields they
/// occur in), a symmetric-delete map for one-typo lookups, SKUs and collections. Immutable once built, so readers
/// share it without locks and a rebuild simply swaps the reference.
/// </summary>
/// <remarks>
/// Laid out as a few flat arrays rather than objects per term or posting (issue 16: 48 MB at 100,000 products
/// before, under 12 MB after): terms in a <see cref="TermDictionary"/>; postings in compressed sparse rows, one
/// <c>int</c> each (product number shifted left, field flags in the low bits), term t's postings being
/// <c>_postings[_postingStarts[t].._postingStarts[t + 1]]</c> in product order; the typo map hashed
/// (<see cref="TypoIndex"/>); SKUs in an open-addressing <see cref="SkuTable"/>.
/// </remarks>
public sealed class CatalogueIndex
{
    /// <summary>Queries longer than this many meaningful words are cut (the coverage mask is 32 bits).</summary>
    private const int MaxQueryWords = 32;

    /// <summary>A posting's low bits hold its <see cref="ProductFields"/>; the product number is above them.</summary>
    private const int FieldBits = 4;
    private const int FieldMask = (1 << FieldBits) - 1;

    private readonly Product[] _products;
    private readonly TermDictionary _terms;
    private readonly int[] _postingStarts;
    private readonly int[] _postings;
    private readonly TypoIndex _typos;
    private readonly SkuTable _skus;
    private readonly FrozenDictionary<string, int[]> _collections;

    /// <summary>Distinct terms in each product's title; the stop-word share is taken off per language on demand.</summary>
    private readonly ushort[] _titleTermCounts;
    private readonly ConcurrentDictionary<StopWords, ushort[]> _meaningfulTitleTerms = new();

    /// <summary>
    /// Per product, greater is better among equal scores: in stock first, then the shorter title, then file order.
    /// Precomputed so ranking thousands of candidates never dereferences their products.
    /// </summary>
    private readonly int[] _tieBreak;

    [ThreadStatic]
    private static SearchScratch? t_scratch;

    private CatalogueIndex(Product[] products, TermDictionary terms, int[] postingStarts, int[] postings, ushort[] titleTermCounts)
    {
        _products = products;
        _terms = terms;
        _postingStarts = postingStarts;
        _postings = postings;
        _typos = new TypoIndex(terms);
        _titleTermCounts = titleTermCounts;
        _skus = new SkuTable(products);
        _collections = BuildCollections(products, out var collectionList);
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

        IndexBytes = MemoryCost.OfReferences(_products) + _terms.Bytes + MemoryCost.Of(_postingStarts) + MemoryCost.Of(_postings)
            + _typos.Bytes + _skus.Bytes + MemoryCost.Of(_titleTermCounts) + MemoryCost.Of(_tieBreak)
            + _collections.Sum(pair => MemoryCost.Of(pair.Key) + MemoryCost.Of(pair.Value) + (4 * MemoryCost.Reference));
        ProductBytes = _products.Sum(EstimateBytes);
    }

    public static CatalogueIndex Empty { get; } = Build([]);

    public int Count => _products.Length;

    /// <summary>How many distinct search terms the catalogue holds.</summary>
    public int Terms => _terms.Count;

    /// <summary>The collections, largest first.</summary>
    public IReadOnlyList<CatalogueCollection> Collections { get; }

    /// <summary>The index's own arrays, in bytes (computed from their lengths; the memory report checks it against the GC).</summary>
    public long IndexBytes { get; }

    /// <summary>
    /// An upper estimate of the product records the index keeps alive, counting every string as if unshared.
    /// Together with <see cref="IndexBytes"/>, what evicting this catalogue from a cache would free.
    /// </summary>
    public long ProductBytes { get; }

    public static CatalogueIndex Build(IEnumerable<Product> products)
    {
        ArgumentNullException.ThrowIfNull(products);
        var all = products.ToArray();
        if (all.Length > int.MaxValue >> FieldBits)
        {
            throw new ArgumentOutOfRangeException(nameof(products), all.Length, "Too many products for one index.");
        }

        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = new List<string>();
        var postingCounts = new List<int>();
        var pairTerms = new List<int>();
        var pairPostings = new List<int>();
        var titleTermCounts = new ushort[all.Length];
        var fieldsOfTerm = new Dictionary<int, ProductFields>();
        for (var p = 0; p < all.Length; p++)
        {
            var product = all[p];
            fieldsOfTerm.Clear();
            Add(product.Title, ProductFields.Title);
            titleTermCounts[p] = (ushort)Math.Min(ushort.MaxValue, fieldsOfTerm.Count);
            foreach (var keyword in product.Keywords)
            {
                Add(keyword, ProductFields.Keywords);
            }

            Add(product.Collection, ProductFields.Collection);
            Add(product.Description, ProductFields.Description);
            foreach (var (term, fields) in fieldsOfTerm)
            {
                pairTerms.Add(term);
                pairPostings.Add((p << FieldBits) | (int)fields);
                postingCounts[term]++;
            }
        }

        // Counting sort by term; products were visited in order, so each term's postings stay in product order.
        var postingStarts = new int[terms.Count + 1];
        for (var t = 0; t < terms.Count; t++)
        {
            postingStarts[t + 1] = postingStarts[t] + postingCounts[t];
        }

        var postings = new int[pairPostings.Count];
        var next = postingStarts[..^1];
        for (var i = 0; i < pairPostings.Count; i++)
        {
            postings[next[pairTerms[i]]++] = pairPostings[i];
        }

        return new CatalogueIndex(all, new TermDictionary(terms), postingStarts, postings, titleTermCounts);

        void Add(string? text, ProductFields field)
        {
            foreach (var term in TextNormaliser.Terms(text))
            {
                ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(termIds, term, out var exists);
                if (!exists)
                {
                    id = terms.Count;
                    terms.Add(term);
                    postingCounts.Add(0);
                }

                ref var fields = ref CollectionsMarshal.GetValueRefOrAddDefault(fieldsOfTerm, id, out _);
                fields |= field;
            }
        }
    }

    public Product? FindBySku(string sku) =>
        _skus.TryGetId(sku.AsSpan().Trim(), out var id) ? _products[id] : null;

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
        var scratch = t_scratch ??= new SearchScratch();
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
                    foreach (var posting in Postings(term))
                    {
                        var postingFields = (ProductFields)(posting & FieldMask);
                        if ((postingFields & fields) == 0)
                        {
                            continue;
                        }

                        var product = posting >> FieldBits;
                        ref var score = ref scores[product];
                        if (score.Words == 0)
                        {
                            touched.Add(product);
                        }

                        if (firstTimeForTerm && (postingFields & ProductFields.Title) != 0)
                        {
                            score.TitleTerms++;
                        }

                        if ((score.Words & bit) == 0)
                        {
                            // Exact terms come before typo terms, so a word's first match is its best.
                            score.Words |= bit;
                            score.Value += Weight(postingFields) * weight;
                            score.Fields |= postingFields;
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
    private CatalogueSearchResult Rank(ProductScore[] scores, List<int> touched, int wordCount, ushort[]? meaningfulTitleTerms, int limit)
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
        var heap = new PriorityQueue<int, RankKey>(limit + 1);
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
            var key = new RankKey(score.Coverage, score.Value, _tieBreak[product]);
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
    private ushort[] MeaningfulTitleTerms(StopWords stopWords) =>
        _meaningfulTitleTerms.GetOrAdd(stopWords, words =>
        {
            var counts = (ushort[])_titleTermCounts.Clone();
            foreach (var word in words.Words)
            {
                if (!_terms.TryGetId(word, out var term))
                {
                    continue;
                }

                foreach (var posting in Postings(term))
                {
                    if ((posting & (int)ProductFields.Title) != 0)
                    {
                        counts[posting >> FieldBits]--;
                    }
                }
            }

            return counts;
        });

    private ReadOnlySpan<int> Postings(int term) => _postings.AsSpan(_postingStarts[term], _postingStarts[term + 1] - _postingStarts[term]);

    /// <summary>The whole text, or one word of it that looks like a code (has a digit, 3+ characters), is a retailer id.</summary>
    private CatalogueSearchResult? SearchSkus(string query, int limit)
    {
        if (_skus.TryGetId(query.AsSpan().Trim(), out var exact))
        {
            return new CatalogueSearchResult([_products[exact]], 1, CatalogueMatchKind.Sku);
        }

        var found = new List<Product>();
        foreach (var token in query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = token.Trim('.', ',', ';', ':', '!', '?', '(', ')', '"', '\'', '«', '»');
            if (candidate.Length >= 3 && candidate.Any(char.IsDigit) && _skus.TryGetId(candidate, out var id) && !found.Contains(_products[id]))
            {
                found.Add(_products[id]);
            }
        }

        return found.Count == 0 ? null : new CatalogueSearchResult([.. found.Take(limit)], found.Count, CatalogueMatchKind.Sku);
    }

    private static List<QueryWord> QueryWords(string query, StopWords stopWords)
    {
        var words = new List<QueryWord>();
        foreach (var word in TextNormaliser.WordList(query))
        {
            var stem = TextNormaliser.Stem(word);
            if (stopWords.Contains(word) || words.Exists(existing => existing.Stem == stem))
            {
                continue;
            }

            words.Add(new QueryWord(stem, word, word.Length >= 5));
            if (words.Count == MaxQueryWords)
            {
                break;
            }
        }

        return words;
    }

    private List<(int Term, bool Typo)> MatchingTerms(QueryWord word)
    {
        var found = new List<(int, bool)>();
        if (_terms.TryGetId(word.Stem, out var exact))
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

    private static long EstimateBytes(Product product) =>
        MemoryCost.ObjectHeader + (9 * MemoryCost.Reference) + 16
        + MemoryCost.Of(product.Sku) + MemoryCost.Of(product.Title) + MemoryCost.Of(product.Description) + MemoryCost.Of(product.Currency)
        + MemoryCost.Of(product.Collection) + MemoryCost.Of(product.Link) + MemoryCost.Of(product.ImageLink)
        + (product.Keywords.Count == 0 ? 0 : 32 + product.Keywords.Sum(keyword => MemoryCost.Reference + MemoryCost.Of(keyword)));
}
