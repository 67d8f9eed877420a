namespace Frontdesk.Core.Broadcasts;

/// <summary>
/// What one recipient's change does to the summary's counts: each count is derived from a state the recipient enters
/// (or a flag it gains), never from an event, so a duplicate event that changes nothing counts nothing.
/// </summary>
public static class BroadcastCounts
{
    public static BroadcastSummary Apply(BroadcastSummary summary, BroadcastRecipient before, BroadcastRecipient after)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var next = summary;
        if (before.State != after.State)
        {
            next = Enter(Leave(next, before.State), after.State);
            if (!before.IsSettled && after.IsSettled)
            {
                next = next with { Settled = next.Settled + 1 };
            }

            if (after.State is RecipientState.Failed or RecipientState.Skipped)
            {
                next = next.WithError(after.Error is null ? null : $"{after.WaId}: {after.Error}");
            }
        }

        if (!before.Delivered && after.Delivered)
        {
            next = next with { Delivered = next.Delivered + 1 };
        }

        if (!before.Read && after.Read)
        {
            next = next with { Read = next.Read + 1 };
        }

        return next;
    }

    /// <summary>The broadcast after a change: Done once every recipient is settled.</summary>
    public static BroadcastSummary Finish(BroadcastSummary summary, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.State == BroadcastState.Sending && summary.Settled >= summary.Planned
            ? summary with { State = BroadcastState.Done, FinishedAt = now, Deferred = 0, NextWindowAt = null }
            : summary;
    }

    /// <summary>Deferred and Unknown are "now" counts: a deferred recipient gets sent, a status proves an unknown send was sent.</summary>
    private static BroadcastSummary Leave(BroadcastSummary s, RecipientState state) => state switch
    {
        RecipientState.Deferred => s with { Deferred = Math.Max(0, s.Deferred - 1) },
        RecipientState.Unknown => s with { Unknown = Math.Max(0, s.Unknown - 1) },
        // Only a send that had passed the gate before the cancel landed leaves Cancelled (for Sent): the truth wins.
        RecipientState.Cancelled => s with { Cancelled = Math.Max(0, s.Cancelled - 1) },
        _ => s,
    };

    private static BroadcastSummary Enter(BroadcastSummary s, RecipientState state) => state switch
    {
        RecipientState.Sent => s with { Sent = s.Sent + 1 },
        RecipientState.Failed => s with { Failed = s.Failed + 1 },
        RecipientState.Skipped => s with { Skipped = s.Skipped + 1 },
        RecipientState.Unknown => s with { Unknown = s.Unknown + 1 },
        RecipientState.Cancelled => s with { Cancelled = s.Cancelled + 1 },
        RecipientState.Deferred => s with { Deferred = s.Deferred + 1 },
        _ => s,
    };
}
