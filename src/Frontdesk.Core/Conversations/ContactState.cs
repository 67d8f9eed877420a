namespace Frontdesk.Core.Conversations;

/// <summary>
/// What Frontdesk remembers about one customer of one business number (the <c>Contacts</c> row). Every timestamp is
/// optional because a person may clear it in the portal.
/// </summary>
public sealed record ContactState(
    string? Name,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastInbound,
    DateTimeOffset? LastGreeting,
    DateTimeOffset? LastAway,
    IReadOnlyList<string> Labels,
    bool OptedOut,
    DateTimeOffset? BotPausedUntil)
{
    /// <summary>Why automatic replies are paused (the owner answered, <c>#bot off</c>, a storm, a hand-off rule).</summary>
    public string? PauseReason { get; init; }

    /// <summary>
    /// When <see cref="BotPausedUntil"/> was last set or lifted by Frontdesk: of two concurrent writers, the later
    /// word on the pause wins (see <see cref="ContactMerge"/>).
    /// </summary>
    public DateTimeOffset? PausedAt { get; init; }

    /// <summary>The emoji of the customer's latest reaction (null when it was removed).</summary>
    public string? LastReaction { get; init; }

    public DateTimeOffset? LastReactionAt { get; init; }

    /// <summary>Meta refused a message with 131050: the customer stopped marketing messages from this business.</summary>
    public bool MarketingOptOut { get; init; }

    /// <summary>The automatic replies of the last minutes, for the storm breaker (<c>StormReplies</c> in <c>StormMinutes</c>).</summary>
    public IReadOnlyList<ReplyMark> RecentReplies { get; init; } = [];
}

/// <summary><paramref name="Count"/> automatic replies queued at <paramref name="At"/> in answer to message <paramref name="MessageId"/>.</summary>
public sealed record ReplyMark(DateTimeOffset At, int Count, string MessageId);
