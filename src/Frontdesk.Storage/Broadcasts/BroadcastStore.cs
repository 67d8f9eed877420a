using Azure;
using Azure.Data.Tables;
using Frontdesk.Core.Broadcasts;

namespace Frontdesk.Storage.Broadcasts;

/// <summary>
/// The <c>Broadcasts</c> table: one partition per broadcast, its summary row and one row per recipient. A recipient's
/// change and the counts it moves are one entity-group transaction, guarded by both rows' ETags and retried after a
/// fresh read on conflict, so every count is exactly once per recipient even with concurrent senders and statuses.
/// </summary>
public sealed class BroadcastStore(TableClient table, TimeProvider time) : IBroadcastStore
{
    private const int MaxConflicts = 60;

    private const int ParallelBatches = 4;

    private readonly CreateOnce _create = new(ct => table.CreateIfNotExistsAsync(ct));

    public async Task<BroadcastSummary?> GetAsync(string broadcastId, CancellationToken cancellationToken = default)
    {
        var row = await GetEntityAsync(broadcastId, BroadcastColumns.SummaryRow, cancellationToken).ConfigureAwait(false);
        return row is null ? null : BroadcastColumns.ReadSummary(row);
    }

    public async Task<(BroadcastSummary Summary, bool Created)> CreateAsync(BroadcastSummary summary, IReadOnlyList<BroadcastRecipient> recipients, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(recipients);
        await _create.EnsureAsync(cancellationToken).ConfigureAwait(false);
        if (await GetAsync(summary.Id, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return (existing, false);
        }

        // Recipients first, the summary last: the summary is the commit, so a crash part-way leaves no broadcast and
        // the next start with this id writes the recipients again (upserts) before it.
        var batches = recipients.Chunk(100).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = ParallelBatches, CancellationToken = cancellationToken }, async (batch, ct) =>
            await table.SubmitTransactionAsync(
                batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, BroadcastColumns.WriteRecipient(summary.Id, r))).ToList(),
                ct).ConfigureAwait(false)).ConfigureAwait(false);
        try
        {
            var response = await table.AddEntityAsync(BroadcastColumns.WriteSummary(summary), cancellationToken).ConfigureAwait(false);
            return (summary with { Version = response.Headers.ETag?.ToString() }, true);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return ((await GetAsync(summary.Id, cancellationToken).ConfigureAwait(false))!, false);
        }
    }

    public async Task<BroadcastSummary?> UpdateAsync(string broadcastId, Func<BroadcastSummary, BroadcastSummary?> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var conflict = 0; conflict < MaxConflicts; conflict++)
        {
            var current = await GetAsync(broadcastId, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return null;
            }

            if (change(current) is not { } next)
            {
                return current;
            }

            next = BroadcastCounts.Finish(next, time.GetUtcNow());
            try
            {
                var response = await table.UpdateEntityAsync(BroadcastColumns.WriteSummary(next), new ETag(current.Version!), TableUpdateMode.Replace, cancellationToken)
                    .ConfigureAwait(false);
                return next with { Version = response.Headers.ETag?.ToString() };
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                await BackOffAsync(conflict, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new InvalidOperationException($"The broadcast {broadcastId} kept changing; giving up so the caller retries.");
    }

    public async Task<IReadOnlyList<BroadcastRecipient>> DueAsync(string broadcastId, DateTimeOffset now, DateTimeOffset queuedBefore, int max, CancellationToken cancellationToken = default)
    {
        var planned = await QueryAsync(
            TableClient.CreateQueryFilter($"PartitionKey eq {broadcastId} and RowKey ne {BroadcastColumns.SummaryRow} and State eq {nameof(RecipientState.Planned)}"),
            max, cancellationToken).ConfigureAwait(false);
        if (planned.Count >= max)
        {
            return planned;
        }

        var deferred = await QueryAsync(
            TableClient.CreateQueryFilter($"PartitionKey eq {broadcastId} and RowKey ne {BroadcastColumns.SummaryRow} and State eq {nameof(RecipientState.Deferred)} and NotBefore le {now}"),
            max - planned.Count, cancellationToken).ConfigureAwait(false);
        if (planned.Count + deferred.Count >= max)
        {
            return [.. planned, .. deferred];
        }

        var lost = await QueryAsync(
            TableClient.CreateQueryFilter($"PartitionKey eq {broadcastId} and RowKey ne {BroadcastColumns.SummaryRow} and State eq {nameof(RecipientState.Queued)} and QueuedAt lt {queuedBefore}"),
            max - planned.Count - deferred.Count, cancellationToken).ConfigureAwait(false);
        return [.. planned, .. deferred, .. lost];
    }

    public Task<IReadOnlyList<BroadcastRecipient>> InStateAsync(string broadcastId, RecipientState state, int max, CancellationToken cancellationToken = default) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {broadcastId} and RowKey ne {BroadcastColumns.SummaryRow} and State eq {state.ToString()}"), max, cancellationToken);

    public async Task<BroadcastRecipient?> GetRecipientAsync(string broadcastId, string waId, CancellationToken cancellationToken = default)
    {
        var row = await GetEntityAsync(broadcastId, TableKey.Encode(waId), cancellationToken).ConfigureAwait(false);
        return row is null ? null : BroadcastColumns.ReadRecipient(row);
    }

    public async Task<(BroadcastSummary Summary, int Changed)?> TransitionAsync(
        string broadcastId,
        IReadOnlyList<BroadcastRecipient> recipients,
        Func<BroadcastSummary, BroadcastRecipient, BroadcastRecipient?> change,
        Func<BroadcastSummary, BroadcastSummary>? summaryChange = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(recipients.Count, IBroadcastStore.MaxRecipientsPerTransition);
        var rows = recipients;
        for (var conflict = 0; conflict < MaxConflicts; conflict++)
        {
            var summary = await GetAsync(broadcastId, cancellationToken).ConfigureAwait(false);
            if (summary is null)
            {
                return null;
            }

            var actions = new List<TableTransactionAction>();
            var next = summary;
            foreach (var row in rows)
            {
                if (change(summary, row) is { } moved && moved != row && row.Version is not null)
                {
                    next = BroadcastCounts.Apply(next, row, moved);
                    actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, BroadcastColumns.WriteRecipient(broadcastId, moved), new ETag(row.Version)));
                }
            }

            var changed = actions.Count;
            if (changed == 0 && summaryChange is null)
            {
                return (summary, 0);
            }

            next = BroadcastCounts.Finish(summaryChange?.Invoke(next) ?? next, time.GetUtcNow());
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, BroadcastColumns.WriteSummary(next), new ETag(summary.Version!)));
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                return (next, changed);
            }
            catch (TableTransactionFailedException e) when (e.Status is 412 or 409 or 404)
            {
                // A recipient or the summary changed since read: read the recipients again and redo the change.
                rows = await ReadAgainAsync(broadcastId, rows, cancellationToken).ConfigureAwait(false);
                await BackOffAsync(conflict, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new InvalidOperationException($"The broadcast {broadcastId} kept changing; giving up so the caller retries.");
    }

    public async Task<IReadOnlyList<BroadcastSummary>> RunningAsync(CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter(
            $"RowKey eq {BroadcastColumns.SummaryRow} and (State eq {nameof(BroadcastState.Sending)} or State eq {nameof(BroadcastState.Scheduled)})");
        try
        {
            return await table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).Select(BroadcastColumns.ReadSummary).ToListAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }
    }

    private async Task<IReadOnlyList<BroadcastRecipient>> ReadAgainAsync(string broadcastId, IReadOnlyList<BroadcastRecipient> rows, CancellationToken cancellationToken)
    {
        var fresh = await Task.WhenAll(rows.Select(r => GetRecipientAsync(broadcastId, r.WaId, cancellationToken))).ConfigureAwait(false);
        return [.. fresh.OfType<BroadcastRecipient>()];
    }

    private async Task<IReadOnlyList<BroadcastRecipient>> QueryAsync(string filter, int max, CancellationToken cancellationToken)
    {
        if (max <= 0)
        {
            return [];
        }

        try
        {
            var rows = new List<BroadcastRecipient>(max);
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                rows.Add(BroadcastColumns.ReadRecipient(entity));
                if (rows.Count >= max)
                {
                    break;
                }
            }

            return rows;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }
    }

    private async Task<TableEntity?> GetEntityAsync(string partition, string row, CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
            return response.HasValue ? response.Value : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No table yet: no broadcast.
            return null;
        }
    }

    /// <summary>A short random wait, growing a little with each conflict, so concurrent writers stop colliding.</summary>
    private static Task BackOffAsync(int conflict, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(2, 10 + Math.Min(conflict, 20) * 5)), cancellationToken);
}
