namespace Frontdesk.Core.Broadcasts;

/// <summary>How fast a broadcast went and when it should end, from its summary alone.</summary>
public sealed record BroadcastProgress(double? RateAchieved, DateTimeOffset? EstimatedEnd)
{
    public static BroadcastProgress Of(BroadcastSummary summary, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(summary);
        double? rate = summary is { StartedAt: { } start, LastSentAt: { } last, Sent: > 1 } && last > start
            ? Math.Round(summary.Sent / (last - start).TotalSeconds, 2)
            : null;
        var remaining = summary.Planned - summary.Settled;
        if (summary.State is BroadcastState.Done or BroadcastState.Cancelled)
        {
            return new(rate, summary.FinishedAt);
        }

        if (summary.State == BroadcastState.Paused || remaining <= 0)
        {
            return new(rate, null);
        }

        // Deferred recipients go at the next window; the rest at the pace the broadcast is queued at.
        var pace = summary.MessagesPerSecond > 0 ? summary.MessagesPerSecond : 1;
        var from = summary.StartAt > now ? summary.StartAt.Value : now;
        if (summary.Deferred > 0 && summary.NextWindowAt is { } window && window > from)
        {
            from = window;
            remaining = summary.Deferred;
        }

        return new(rate, from + TimeSpan.FromSeconds(remaining / pace));
    }
}
