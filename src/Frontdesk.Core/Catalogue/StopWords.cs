using System.Collections.Frozen;
using Frontdesk.Core.Text;

namespace Frontdesk.Core.Catalogue;

/// <summary>
/// Words that never make a catalogue hit by themselves: articles, prepositions, pronouns, auxiliaries and the
/// polite filler of a shopping question ("avez-vous", "do you have", "price of"), in English plus the business's
/// language — and every other language Frontdesk knows: customers write in their own language whatever the
/// business's culture (a French customer asks an en-GB bakery "avez-vous des trottinettes ?", and "des" must not
/// find "Galette des rois"). Matched on folded words and on their stems, because the index holds stems.
/// </summary>
public sealed class StopWords
{
    private static readonly string[] s_english =
    [
        "a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "without", "and", "or", "but", "from", "by",
        "i", "me", "my", "we", "our", "you", "your", "it", "its", "he", "she", "they", "them", "this", "that", "these",
        "those", "is", "are", "was", "be", "am", "do", "does", "did", "have", "has", "had", "can", "could", "would",
        "will", "shall", "may", "please", "want", "like", "need", "get", "any", "some", "there", "here", "what", "which",
        "how", "much", "many", "price", "prices", "cost", "costs", "sell", "buy", "looking", "hi", "hello", "thanks",
        "thank", "s", "t", "is", "got", "stock", "available", "much", "yes", "no", "not",
    ];

    private static readonly string[] s_french =
    [
        "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "a", "et", "ou", "en", "pour", "par",
        "avec", "sans", "sur", "dans", "ce", "cet", "cette", "ces", "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa",
        "ses", "notre", "nos", "votre", "vos", "leur", "leurs", "je", "j", "tu", "il", "elle", "on", "nous", "vous",
        "ils", "elles", "me", "m", "te", "se", "s", "c", "n", "ne", "pas", "qu", "que", "qui", "quoi", "quel", "quelle",
        "quels", "quelles", "est", "sont", "etes", "suis", "avez", "avons", "ont", "as", "ai", "y", "t", "voudrais",
        "veux", "voulez", "aimerais", "cherche", "faut", "prix", "combien", "coute", "coutent", "vendez", "bonjour",
        "bonsoir", "salut", "merci", "svp", "plait", "encore", "oui", "non", "dispo", "disponible", "stock",
    ];

    private static readonly string[] s_spanish =
    [
        "el", "la", "los", "las", "un", "una", "unos", "unas", "de", "del", "al", "y", "o", "en", "con", "sin", "por",
        "para", "que", "tiene", "tienen", "tienes", "hay", "precio", "cuanto", "cuesta", "quiero", "hola", "gracias",
    ];

    private static readonly string[] s_german =
    [
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "und", "oder", "mit", "ohne", "fur",
        "von", "zu", "im", "ist", "sind", "haben", "habt", "haben", "sie", "ich", "wir", "preis", "kostet", "was",
        "hallo", "danke", "bitte",
    ];

    private static readonly Dictionary<string, string[]> s_byLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["fr"] = s_french,
        ["es"] = s_spanish,
        ["de"] = s_german,
    };

    private readonly FrozenSet<string> _words;

    private StopWords(IEnumerable<string> words)
    {
        _words = words.SelectMany(word => new[] { word, TextNormaliser.Stem(word) }).ToFrozenSet(StringComparer.Ordinal);
    }

    public static StopWords English { get; } = new(s_english);

    /// <summary>Every language's function words together (see the type's summary for why).</summary>
    public static StopWords All { get; } = new(s_english.Concat(s_byLanguage.Values.SelectMany(words => words)));

    /// <summary>The stop words for a business of any culture: <see cref="All"/> (see the type's summary for why).</summary>
    public static StopWords For(string? culture) => All;

    /// <summary>Every word and stem of the list (the index looks each up once to discount stop words in titles).</summary>
    internal IEnumerable<string> Words => _words;

    /// <summary>A folded word or a stem.</summary>
    public bool Contains(string word) => _words.Contains(word);
}
