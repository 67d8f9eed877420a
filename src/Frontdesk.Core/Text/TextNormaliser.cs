using System.Globalization;
using System.Text;

namespace Frontdesk.Core.Text;

/// <summary>
/// The one way Frontdesk reads customer and catalogue text, shared by keyword rules and catalogue search so a word
/// means the same everywhere:
/// <list type="bullet">
/// <item><see cref="Fold"/>: lower case, no accents, compatibility forms flattened (full-width letters, "ﬁ"),
/// ligatures spelled out (œ → oe, ß → ss). "Crème", "CREME" and "crème" all become "creme".</item>
/// <item><see cref="Words"/>: the folded runs of letters and digits. Symbols (™ ® © €), emoji, punctuation and
/// apostrophes separate words, so "Nike™" is [nike] and "l’eau" is [l, eau]. A vulgar fraction is a word of its own
/// and splits like its spelled-out form: "½ baguette" is [1, 2, baguette], as "1/2 baguette" is. Superscript
/// digits join their word ("m²" is [m2]).</item>
/// <item><see cref="Stem"/>: a light French and English plural stemmer the catalogue index and its queries share.</item>
/// </list>
/// </summary>
public static class TextNormaliser
{
    /// <summary>The folded form of every character, symbols included ("Nike™" → "niketm"): for substring matching.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            AppendFolded(rune, builder);
        }

        return builder.ToString();
    }

    /// <summary>The words of <paramref name="text"/>, folded, with their place in the original (see the type's summary).</summary>
    public static List<WordToken> Words(string? text)
    {
        var words = new List<WordToken>();
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }

        var word = new StringBuilder();
        var start = -1;
        var position = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var at = position;
            position += rune.Utf16SequenceLength;
            switch (Classify(rune))
            {
                case RuneKind.Mark:
                    // An accent written as its own character belongs to the letter before it, and folds away.
                    continue;
                case RuneKind.Separator:
                    Flush(at);
                    continue;
                case RuneKind.Fraction:
                    Flush(at);
                    var folded = new StringBuilder(4);
                    AppendFolded(rune, folded);
                    foreach (var piece in folded.ToString().Split(NonWordCharacters(folded), StringSplitOptions.RemoveEmptyEntries))
                    {
                        words.Add(new WordToken(at, rune.Utf16SequenceLength, piece));
                    }

                    continue;
                default:
                    if (start < 0)
                    {
                        start = at;
                    }

                    AppendFolded(rune, word, lettersAndDigitsOnly: true);
                    continue;
            }
        }

        Flush(position);
        return words;

        void Flush(int end)
        {
            if (start >= 0 && word.Length > 0)
            {
                words.Add(new WordToken(start, end - start, word.ToString()));
            }

            word.Clear();
            start = -1;
        }
    }

    /// <summary>The words alone, in order.</summary>
    public static List<string> WordList(string? text) => Words(text).ConvertAll(word => word.Normalized);

    /// <summary>The words joined by single spaces: "  Stop ! " → "stop", "ARRÊT" → "arret".</summary>
    public static string Collapse(string text) => string.Join(' ', WordList(text));

    /// <summary>
    /// Strips simple French and English plurals and a final mute <c>e</c>: croissants → croissant, gâteaux → gateau,
    /// brioches and brioche → brioch, berries and berry → berri, boxes → box. Words of 3 letters or fewer, and words
    /// ending in a digit, stay. Index and queries stem alike, so only consistency matters, not linguistic truth.
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

    /// <summary>The stemmed words of <paramref name="text"/>: what the catalogue indexes and looks up.</summary>
    public static IEnumerable<string> Terms(string? text) => Words(text).Select(word => Stem(word.Normalized));

    private static char[] NonWordCharacters(StringBuilder folded)
    {
        var separators = new List<char>();
        for (var i = 0; i < folded.Length; i++)
        {
            if (!char.IsLetterOrDigit(folded[i]))
            {
                separators.Add(folded[i]);
            }
        }

        return [.. separators];
    }

    private static RuneKind Classify(Rune rune)
    {
        if (rune.IsAscii)
        {
            return Rune.IsLetterOrDigit(rune) ? RuneKind.Word : RuneKind.Separator;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => RuneKind.Mark,
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber => RuneKind.Word,

            // ½ decomposes to "1⁄2" and ⑴ to "(1)": read apart from their neighbours, or "1½" would read as [11, 2].
            UnicodeCategory.OtherNumber => rune.ToString().Normalize(NormalizationForm.FormKD).All(char.IsLetterOrDigit)
                ? RuneKind.Word
                : RuneKind.Fraction,
            _ => RuneKind.Separator,
        };
    }

    private static void AppendFolded(Rune rune, StringBuilder builder, bool lettersAndDigitsOnly = false)
    {
        if (rune.IsAscii)
        {
            builder.Append(char.ToLowerInvariant((char)rune.Value));
            return;
        }

        // Compatibility decomposition also flattens full-width letters, superscripts and ligature forms such as "ﬁ".
        foreach (var c in rune.ToString().Normalize(NormalizationForm.FormKD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                || (lettersAndDigitsOnly && !char.IsLetterOrDigit(c)))
            {
                continue;
            }

            // Letters that Unicode does not decompose but customers type in place of their plain spelling.
            _ = char.ToLowerInvariant(c) switch
            {
                'œ' => builder.Append("oe"),
                'æ' => builder.Append("ae"),
                'ß' => builder.Append("ss"),
                'ø' => builder.Append('o'),
                'ł' => builder.Append('l'),
                'đ' => builder.Append('d'),
                var lower => builder.Append(lower),
            };
        }
    }

    private enum RuneKind
    {
        Word,
        Mark,
        Fraction,
        Separator,
    }
}
