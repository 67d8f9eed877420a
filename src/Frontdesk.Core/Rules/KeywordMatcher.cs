using System.Text.RegularExpressions;
using Frontdesk.Core.Text;

namespace Frontdesk.Core.Rules;

/// <summary>Matches one rule's keywords against customer text, in the rule's <see cref="MatchMode"/>.</summary>
public sealed class KeywordMatcher
{
    /// <summary>Long enough for any sane pattern, short enough that a catastrophic one cannot stall the queue.</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    private readonly IReadOnlyList<string> _keywords;
    private readonly IReadOnlyList<IReadOnlyList<string>> _keywordWords;
    private readonly Regex? _regex;

    private KeywordMatcher(MatchMode mode, IReadOnlyList<string> keywords, Regex? regex)
    {
        Mode = mode;
        _keywords = keywords;
        _keywordWords = [.. keywords.Select(k => (IReadOnlyList<string>)[.. TextNormaliser.Words(k).Select(w => w.Normalized)])];
        _regex = regex;
    }

    public MatchMode Mode { get; }

    public IReadOnlyList<string> Keywords => _keywords;

    /// <summary>Comma-separated keywords; a regex is the whole column, because patterns contain commas (<c>\d{2,3}</c>).</summary>
    public static KeywordMatcher Create(MatchMode mode, string? keywords, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(keywords))
        {
            return new KeywordMatcher(mode, [], null);
        }

        if (mode == MatchMode.Regex)
        {
            try
            {
                var regex = new Regex(keywords.Trim(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout);
                return new KeywordMatcher(mode, [keywords.Trim()], regex);
            }
            catch (ArgumentException ex)
            {
                error = $"Keywords is not a valid regular expression ({ex.Message})";
                return new KeywordMatcher(mode, [], null);
            }
        }

        var list = keywords.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(k => TextNormaliser.Words(k).Count > 0 || mode == MatchMode.Contains)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new KeywordMatcher(mode, list, null);
    }

    public KeywordMatch Match(string text)
    {
        if (_regex is not null)
        {
            try
            {
                var m = _regex.Match(text);
                return m.Success ? new KeywordMatch(true, m.Value, text.Remove(m.Index, m.Length).Trim()) : KeywordMatch.None;
            }
            catch (RegexMatchTimeoutException)
            {
                return KeywordMatch.Timeout;
            }
        }

        return Mode switch
        {
            MatchMode.Exact => MatchExact(text),
            MatchMode.Contains => MatchContains(text),
            _ => MatchWords(text),
        };
    }

    private KeywordMatch MatchExact(string text)
    {
        var collapsed = TextNormaliser.Collapse(text);
        for (var i = 0; i < _keywords.Count; i++)
        {
            if (_keywordWords[i].Count > 0 && collapsed == string.Join(' ', _keywordWords[i]))
            {
                return new KeywordMatch(true, _keywords[i], string.Empty);
            }
        }

        return KeywordMatch.None;
    }

    private KeywordMatch MatchContains(string text)
    {
        var normalized = TextNormaliser.Fold(text);
        var keyword = _keywords.FirstOrDefault(k => normalized.Contains(TextNormaliser.Fold(k), StringComparison.Ordinal));
        return keyword is null ? KeywordMatch.None : new KeywordMatch(true, keyword, text.Trim());
    }

    private KeywordMatch MatchWords(string text)
    {
        var words = TextNormaliser.Words(text);
        for (var k = 0; k < _keywords.Count; k++)
        {
            var wanted = _keywordWords[k];
            for (var start = 0; wanted.Count > 0 && start + wanted.Count <= words.Count; start++)
            {
                var all = true;
                for (var j = 0; j < wanted.Count && all; j++)
                {
                    all = words[start + j].Normalized == wanted[j];
                }

                if (all)
                {
                    var first = words[start];
                    var last = words[start + wanted.Count - 1];
                    var remainder = text.Remove(first.Start, last.Start + last.Length - first.Start).Trim();
                    return new KeywordMatch(true, _keywords[k], remainder);
                }
            }
        }

        return KeywordMatch.None;
    }
}
