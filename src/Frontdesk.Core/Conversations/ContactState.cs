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
    DateTimeOffset? BotPausedUntil);
