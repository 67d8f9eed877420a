namespace Frontdesk.Core.Rules;

/// <summary>The outcome of matching a rule against one text.</summary>
public sealed record KeywordMatch(bool Matched, string? Keyword, string? Remainder, bool TimedOut = false)
{
    public static KeywordMatch None { get; } = new(false, null, null);

    public static KeywordMatch Timeout { get; } = new(false, null, null, TimedOut: true);
}
