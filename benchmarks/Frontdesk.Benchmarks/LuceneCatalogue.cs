using Frontdesk.Core.Catalogue;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Frontdesk.Benchmarks;

/// <summary>
/// The anchor Frontdesk's catalogue search is judged against (issue 16): the same products in a Lucene.Net
/// in-memory index, set up as a careful developer would — standard tokenizer, elision, lower case, ASCII folding,
/// French and English stop words, French light stemming — and queried per word with a term query OR a
/// <see cref="FuzzyQuery"/> (one edit), with Frontdesk's field weights. Strict mode requires every word, in title
/// or keywords only, as Frontdesk's strict mode does.
/// </summary>
public sealed class LuceneCatalogue : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly (string Name, float Weight)[] s_fields = [("title", 8), ("keywords", 4), ("collection", 2), ("description", 1)];

    private readonly RAMDirectory _directory = new();
    private readonly Analyzer _analyzer = new CatalogueAnalyzer();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    public LuceneCatalogue(IReadOnlyList<Product> products)
    {
        ArgumentNullException.ThrowIfNull(products);
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer) { OpenMode = OpenMode.CREATE }))
        {
            foreach (var product in products)
            {
                writer.AddDocument(new Document
                {
                    new StringField("sku", product.Sku.ToLowerInvariant(), Field.Store.YES),
                    new TextField("title", product.Title, Field.Store.NO),
                    new TextField("keywords", string.Join(", ", product.Keywords), Field.Store.NO),
                    new TextField("collection", product.Collection ?? string.Empty, Field.Store.NO),
                    new TextField("description", product.Description ?? string.Empty, Field.Store.NO),
                });
            }

            writer.ForceMerge(1);
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader);
    }

    /// <summary>The SKUs of the best <paramref name="limit"/> products, and how many matched in all.</summary>
    public (IReadOnlyList<string> Skus, int Total) Search(string query, CatalogueSearchMode mode, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        var bySku = _searcher.Search(new TermQuery(new Term("sku", query.Trim().ToLowerInvariant())), 1);
        if (bySku.TotalHits > 0)
        {
            return ([Sku(bySku.ScoreDocs[0])], bySku.TotalHits);
        }

        var words = Analyse(query);
        if (words.Count == 0)
        {
            return ([], 0);
        }

        var fields = mode == CatalogueSearchMode.Strict ? s_fields[..2] : s_fields;
        var all = new BooleanQuery();
        foreach (var word in words)
        {
            var anyField = new BooleanQuery();
            foreach (var (name, weight) in fields)
            {
                anyField.Add(new TermQuery(new Term(name, word)) { Boost = weight }, Occur.SHOULD);
                anyField.Add(new FuzzyQuery(new Term(name, word), maxEdits: 1) { Boost = weight / 2 }, Occur.SHOULD);
            }

            all.Add(anyField, mode == CatalogueSearchMode.Strict ? Occur.MUST : Occur.SHOULD);
        }

        var top = _searcher.Search(all, limit);
        return ([.. top.ScoreDocs.Select(Sku)], top.TotalHits);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    private string Sku(ScoreDoc hit) => _searcher.Doc(hit.Doc).Get("sku");

    private List<string> Analyse(string text)
    {
        var words = new List<string>();
        using var stream = _analyzer.GetTokenStream("title", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            words.Add(term.ToString());
        }

        stream.End();
        return words;
    }

    private sealed class CatalogueAnalyzer : Analyzer
    {
        private static readonly CharArraySet s_stopWords = StopWords();

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            TokenStream stream = new ElisionFilter(tokenizer, FrenchAnalyzer.DEFAULT_ARTICLES);
            stream = new LowerCaseFilter(Version, stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(Version, stream, s_stopWords);
            stream = new FrenchLightStemFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }

        private static CharArraySet StopWords()
        {
            var set = new CharArraySet(Version, 256, ignoreCase: true);
            set.UnionWith(FrenchAnalyzer.DefaultStopSet);
            set.UnionWith(EnglishAnalyzer.DefaultStopSet);
            return set;
        }
    }
}
