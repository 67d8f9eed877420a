namespace Frontdesk.Core.Conversations;

/// <summary>
/// Folds a decision's contact state into the row as it is now, when someone wrote the row between the read and the
/// write (another message of the same customer, a person in the portal, a redelivery after a crash). Timestamps only
/// move forward and labels only grow; opt-out and pause follow the newer of the two sources.
/// </summary>
/// <remarks>
/// "Newer" compares the decision's own time with the row's <see cref="ContactState.LastInbound"/>, which is the time
/// the row's last decision was made: both on the deciding instances' clock. A message's own timestamp (the sender's
/// clock, always earlier than its processing) would make every row written after the message was sent look newer,
/// and a STOP sent before the previous message was handled would be confirmed but not kept.
/// </remarks>
public static class ContactMerge
{
    public static ContactState Merge(ContactState decided, ContactState? current, DateTimeOffset decidedAt)
    {
        ArgumentNullException.ThrowIfNull(decided);
        if (current is null)
        {
            return decided;
        }

        // The decision is the newest word on consent and pauses unless the row holds a later decision.
        var decisionIsNewer = current.LastInbound is not { } seen || seen <= decidedAt;
        return new ContactState(
            decided.Name ?? current.Name,
            Earliest(decided.FirstSeen, current.FirstSeen),
            Latest(decided.LastInbound, current.LastInbound),
            Latest(decided.LastGreeting, current.LastGreeting),
            Latest(decided.LastAway, current.LastAway),
            [.. current.Labels.Union(decided.Labels, StringComparer.OrdinalIgnoreCase)],
            decisionIsNewer ? decided.OptedOut : current.OptedOut,
            decisionIsNewer ? decided.BotPausedUntil : current.BotPausedUntil);
    }

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : (a > b ? a : b);

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : (a < b ? a : b);
}
