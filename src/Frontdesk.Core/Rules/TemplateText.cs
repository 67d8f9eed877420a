using System.Text.RegularExpressions;

namespace Frontdesk.Core.Rules;

/// <summary>Fills <c>{{name}}</c>, <c>{{next_open}}</c> and <c>{{hours_note}}</c> (any case, spaces allowed inside the braces); an empty
/// variable leaves no stray space behind ("Hello {{name}}, welcome" without a name reads "Hello, welcome").</summary>
public static partial class TemplateText
{
    public static string Render(string text, IReadOnlyDictionary<string, string> values, int limit)
    {
        var rendered = Variable().Replace(text, m =>
        {
            if (!values.TryGetValue(m.Groups[1].Value.ToLowerInvariant(), out var value))
            {
                return m.Value;
            }

            // An empty value takes the space before it along, so no gap is left before the punctuation that follows.
            return value.Length == 0 && m.Index > 0 && text[m.Index - 1] == ' ' ? "\u0000" : value;
        });
        rendered = EmptyGap().Replace(rendered, "").Trim();

        // A long profile name could push a text that fit the limit when written past it; Meta would refuse the whole message.
        return rendered.Length <= limit ? rendered : rendered[..limit];
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z_]+)\s*\}\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Variable();

    /// <summary>A space followed by the mark an empty variable left.</summary>
    [GeneratedRegex(" \u0000", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EmptyGap();
}
