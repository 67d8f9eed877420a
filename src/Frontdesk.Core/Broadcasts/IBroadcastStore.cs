namespace Frontdesk.Core.Broadcasts;

/// <summary>
/// The <c>Broadcasts</c> table (implemented in Frontdesk.Storage): one partition per broadcast, holding its summary
/// row and one row per recipient, so a recipient's change and the counts it moves commit in one transaction.
/// </summary>
public interface IBroadcastStore
{
    Task<BroadcastSummary?> GetAsync(string broadcastId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the recipients, then the summary row (the commit). When a summary with this id exists already, nothing is
    /// written and it is returned with <c>Created</c> false.
    /// </summary>
    Task<(BroadcastSummary Summary, bool Created)> CreateAsync(BroadcastSummary summary, IReadOnlyList<BroadcastRecipient> recipients, CancellationToken cancellationToken = default);

    /// <summary>Changes the summary alone (state, pace, warnings), ETag-guarded and retried; <paramref name="change"/> returns null for "no change". Null when there is no such broadcast.</summary>
    Task<BroadcastSummary?> UpdateAsync(string broadcastId, Func<BroadcastSummary, BroadcastSummary?> change, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="max"/> recipients to queue: Planned ones, then Deferred ones whose window has come, then
    /// Queued ones queued before <paramref name="queuedBefore"/> and still not settled (their message was lost).
    /// </summary>
    Task<IReadOnlyList<BroadcastRecipient>> DueAsync(string broadcastId, DateTimeOffset now, DateTimeOffset queuedBefore, int max, CancellationToken cancellationToken = default);

    /// <summary>Recipients in <paramref name="state"/>, up to <paramref name="max"/>.</summary>
    Task<IReadOnlyList<BroadcastRecipient>> InStateAsync(string broadcastId, RecipientState state, int max, CancellationToken cancellationToken = default);

    Task<BroadcastRecipient?> GetRecipientAsync(string broadcastId, string waId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies <paramref name="change"/> (null: leave the row) to each recipient and the counts their changes move to the
    /// summary, plus <paramref name="summaryChange"/>, in one ETag-guarded transaction (at most
    /// <see cref="MaxRecipientsPerTransition"/> recipients), read again and retried on conflict. Returns the summary
    /// after, and how many recipients changed; null when the broadcast does not exist.
    /// </summary>
    Task<(BroadcastSummary Summary, int Changed)?> TransitionAsync(
        string broadcastId,
        IReadOnlyList<BroadcastRecipient> recipients,
        Func<BroadcastSummary, BroadcastRecipient, BroadcastRecipient?> change,
        Func<BroadcastSummary, BroadcastSummary>? summaryChange = null,
        CancellationToken cancellationToken = default);

    /// <summary>Broadcasts Scheduled or Sending (for a quality drop).</summary>
    Task<IReadOnlyList<BroadcastSummary>> RunningAsync(CancellationToken cancellationToken = default);

    /// <summary>A table transaction holds 100 operations: the recipients and the summary.</summary>
    public const int MaxRecipientsPerTransition = 99;
}
