namespace Frontdesk.Core.Rules;

/// <summary>One valid, enabled row of the <c>Rules</c> table.</summary>
public sealed record ReplyRule
{
    /// <summary>The RowKey; also the id of its menu row.</summary>
    public required string Name { get; init; }

    public int Priority { get; init; } = 100;

    public required KeywordMatcher Matcher { get; init; }

    /// <summary>The reply text, from <c>Reply</c> or the <c>QuickReply</c> it names; null when the rule only acts.</summary>
    public string? Reply { get; init; }

    public IReadOnlyList<string> Buttons { get; init; } = [];

    public string? MenuTitle { get; init; }

    public string? MenuDescription { get; init; }

    public RuleAction Action { get; init; }

    public RuleWhen When { get; init; }

    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>How long a hand-off pauses automatic replies.</summary>
    public int PauseHours { get; init; } = 24;
}
