using Frontdesk.Core.Text;

namespace Frontdesk.Core.Rules;

/// <summary>Case- and accent-insensitive forms of customer text: "Crème" and "CREME" both become "creme".</summary>
public static class TextNormalizer
{
    public static string Normalize(string text) => TextFolding.Fold(text);

    /// <summary>The words of <paramref name="text"/> (runs of letters and digits), normalized, with their place in the original.</summary>
    public static IReadOnlyList<WordToken> Words(string text)
    {
        var words = new List<WordToken>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || (start >= 0 && IsMark(text[i])));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(new WordToken(start, i - start, Normalize(text[start..i])));
                start = -1;
            }
        }

        return words;
    }

    /// <summary>The normalized text with surrounding punctuation dropped and inner spaces collapsed: "  Stop ! " → "stop".</summary>
    public static string Collapse(string text) => string.Join(' ', Words(text).Select(w => w.Normalized));

    private static bool IsMark(char c) => TextFolding.IsMark(c);
}
