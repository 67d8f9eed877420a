namespace Frontdesk.Core.Conversations;

/// <summary>
/// Folds a decision's contact state into the row as it is now, when someone wrote the row between the read and the
/// write (another message of the same customer, a person in the portal, an echo of the owner's reply, a redelivery
/// after a crash). Timestamps only move forward, labels and recent replies only grow; opt-out follows the newer of
/// the two sources; the pause follows the later <see cref="ContactState.PausedAt"/>; marketing opt-out, which
/// decisions never change, follows the row.
/// </summary>
/// <remarks>
/// "Newer" compares the decision's own time with the row's <see cref="ContactState.LastInbound"/>, which is the time
/// the row's last decision was made: both on the deciding instances' clock. A message's own timestamp (the sender's
/// clock, always earlier than its processing) would make every row written after the message was sent look newer,
/// and a STOP sent before the previous message was handled would be confirmed but not kept.
/// The pause is not judged that way: an echo of the owner's reply pauses the contact without a new LastInbound, so a
/// decision made from the row before the echo would look newer and lift the pause. Each writer stamps PausedAt when
/// it changes the pause; a decision that leaves the pause alone carries the stamp it read, and on a tie the row wins
/// (a person's edit in the portal stands).
/// </remarks>
public static class ContactMerge
{
    /// <summary>How many reply marks a row keeps at most; the storm breaker needs only the last few minutes.</summary>
    public const int MaxReplyMarks = 64;

    public static ContactState Merge(ContactState decided, ContactState? current, DateTimeOffset decidedAt) =>
        Merge(decided, current, decidedAt, consentBefore: null);

    /// <summary>
    /// As <see cref="Merge(ContactState, ContactState?, DateTimeOffset)"/>, knowing the consent the decision read
    /// (<paramref name="consentBefore"/>: the row's <see cref="ContactState.OptedOut"/> when it was read, false for a
    /// first-time contact). A decision that did not change consent carries the value it read, which may be stale: it
    /// then never overwrites the row's, so a STOP written by a concurrent decision is not undone by a message that
    /// merely did not mention it. Only when both changed consent does the newer decision win.
    /// </summary>
    public static ContactState Merge(ContactState decided, ContactState? current, DateTimeOffset decidedAt, bool? consentBefore)
    {
        ArgumentNullException.ThrowIfNull(decided);
        if (current is null)
        {
            return decided;
        }

        // The decision is the newest word on consent unless the row holds a later decision, or the decision did not
        // touch consent at all (then the row's word stands, whatever its age).
        var decisionChangedConsent = consentBefore is not { } before || before != decided.OptedOut;
        var decisionIsNewer = decisionChangedConsent && (current.LastInbound is not { } seen || seen <= decidedAt);
        var pauseFromDecision = decided.PausedAt is { } decidedStamp && (current.PausedAt is not { } rowStamp || decidedStamp > rowStamp);
        var pause = pauseFromDecision ? decided : current;
        var reaction = Later(decided.LastReactionAt, current.LastReactionAt) ? decided : current;
        return new ContactState(
            decided.Name ?? current.Name,
            Earliest(decided.FirstSeen, current.FirstSeen),
            Latest(decided.LastInbound, current.LastInbound),
            Latest(decided.LastGreeting, current.LastGreeting),
            Latest(decided.LastAway, current.LastAway),
            [.. current.Labels.Union(decided.Labels, StringComparer.OrdinalIgnoreCase)],
            decisionIsNewer ? decided.OptedOut : current.OptedOut,
            pause.BotPausedUntil)
        {
            PauseReason = pause.PauseReason,
            PausedAt = pause.PausedAt,
            LastReaction = reaction.LastReaction,
            LastReactionAt = reaction.LastReactionAt,
            MarketingOptOut = current.MarketingOptOut,
            RecentReplies = UnionMarks(decided.RecentReplies, current.RecentReplies),
        };
    }

    /// <summary>Both lists' marks, one per message id, newest first, at most <see cref="MaxReplyMarks"/>.</summary>
    public static IReadOnlyList<ReplyMark> UnionMarks(IEnumerable<ReplyMark> a, IEnumerable<ReplyMark> b) =>
        [.. a.Concat(b)
            .GroupBy(m => m.MessageId, StringComparer.Ordinal)
            .Select(g => g.MaxBy(m => m.Count)!)
            .OrderByDescending(m => m.At)
            .Take(MaxReplyMarks)];

    private static bool Later(DateTimeOffset? a, DateTimeOffset? b) => a is { } x && (b is not { } y || x > y);

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : (a > b ? a : b);

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : (a < b ? a : b);
}
