using Frontdesk.Core.Text;

namespace Frontdesk.Core.Catalogue;

/// <summary>
/// Turns text into search terms: lower case, accents removed, split on anything that is not a letter or digit,
/// then a light plural stemmer shared by the index and the queries (both sides stem alike, so only consistency
/// matters, not linguistic truth).
/// </summary>
public static class TextNormaliser
{
    /// <summary>Lower-cased, accent-free words of <paramref name="text"/>, in order.</summary>
    public static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }

        var folded = Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWordChar = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                words.Add(folded[start..i]);
                start = -1;
            }
        }

        return words;
    }

    /// <summary>Lower case without diacritics; ligatures spelled out (œ → oe, ß → ss): the same folding as keyword rules.</summary>
    public static string Fold(string text) => TextFolding.Fold(text);

    /// <summary>
    /// Strips simple French and English plurals and a final mute <c>e</c>: croissants → croissant, gâteaux → gateau,
    /// brioches and brioche → brioch, berries and berry → berri, boxes → box. Words of 3 letters or fewer stay.
    /// </summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length <= 3 || char.IsDigit(word[^1]))
        {
            return word;
        }

        var w = word;
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^3] + "i";
        }
        else if (w.EndsWith("aux", StringComparison.Ordinal) || w.EndsWith("eux", StringComparison.Ordinal) || w.EndsWith("oux", StringComparison.Ordinal))
        {
            w = w[..^1];
        }
        else if (w[^1] == 's' && w[^2] != 's')
        {
            w = w[..^1];
        }

        if (w.Length > 3 && w[^1] == 'e')
        {
            w = w[..^1];
        }

        if (w.Length > 3 && w[^1] == 'y')
        {
            w = w[..^1] + "i";
        }

        return w;
    }

    /// <summary>The stemmed words of <paramref name="text"/>.</summary>
    public static IEnumerable<string> Terms(string? text) => Words(text).Select(Stem);
}
