using System.Globalization;
using System.Text;

namespace Frontdesk.Core.Text;

/// <summary>
/// The one case- and accent-insensitive form of text that keyword rules and catalogue search share, so "Crème",
/// "CREME" and "crème" mean the same everywhere: lower case, no diacritics, ligatures spelled out (œ → oe, ß → ss).
/// </summary>
public static class TextFolding
{
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Compatibility decomposition also flattens full-width letters and ligature forms such as "ﬁ".
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (IsMark(c))
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

        return builder.ToString();
    }

    /// <summary>A combining mark (an accent once decomposed).</summary>
    public static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
