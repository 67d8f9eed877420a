using System.Text.RegularExpressions;

namespace Frontdesk.Core.Rules;

/// <summary>Fills <c>{{name}}</c>, <c>{{next_open}}</c> and <c>{{hours_note}}</c> (any case, spaces allowed inside the braces); an empty
/// variable at either end leaves no stray space behind.</summary>
public static partial class TemplateText
{
    public static string Render(string text, IReadOnlyDictionary<string, string> values, int limit)
    {
        var rendered = Variable().Replace(text, m =>
            values.TryGetValue(m.Groups[1].Value.ToLowerInvariant(), out var value) ? value : m.Value).Trim();

        // A long profile name could push a text that fit the limit when written past it; Meta would refuse the whole message.
        return rendered.Length <= limit ? rendered : rendered[..limit];
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z_]+)\s*\}\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Variable();
}
