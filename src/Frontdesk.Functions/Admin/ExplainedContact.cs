namespace Frontdesk.Functions.Admin;

/// <summary>The contact's row as it would be after the message (nothing is written).</summary>
public sealed record ExplainedContact(
    string? Name,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastInbound,
    DateTimeOffset? LastGreeting,
    DateTimeOffset? LastAway,
    IReadOnlyList<string> Labels,
    bool OptedOut,
    DateTimeOffset? BotPausedUntil,
    string? PauseReason,
    string? LastReaction,
    bool MarketingOptOut);
