using Azure;
using Azure.Data.Tables;
using Frontdesk.Core.Restock;
using Frontdesk.Core.Rules;

namespace Frontdesk.Storage.Restock;

/// <summary>
/// The Subscriptions table: PartitionKey the phone_number_id, RowKey <c>&lt;SKU&gt;|&lt;wa_id&gt;</c>, so one product's
/// subscribers are one RowKey range of one partition and are read page by page in key order.
/// </summary>
public sealed class SubscriptionStore(TableClient table) : ISubscriptionStore
{
    /// <summary>Entities in one table transaction (Meta's limit is not involved: the Table service's).</summary>
    private const int BatchSize = 100;

    private readonly CreateOnce _createTable = new(ct => table.CreateIfNotExistsAsync(ct));

    public async Task<SubscribeOutcome> SubscribeAsync(string phoneNumberId, string waId, PlannedSubscription subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var partitionKey = PhoneNumberKey.Of(phoneNumberId);
        var wanted = new Subscription
        {
            PhoneNumberId = partitionKey,
            Sku = subscription.Sku,
            WaId = waId,
            Name = subscription.Name,
            Created = subscription.Created,
            Expires = subscription.Expires,
        };
        await _createTable.EnsureAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, wanted.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            try
            {
                if (!existing.HasValue)
                {
                    await table.AddEntityAsync(SubscriptionColumns.Write(partitionKey, wanted), cancellationToken).ConfigureAwait(false);
                    return SubscribeOutcome.Created;
                }

                var stored = existing.Value!;
                // Live, or from this very press (a redelivery) or a later one: kept as it is.
                if (SubscriptionColumns.TryRead(stored, out var current, out _) && (current.IsLive(wanted.Created) || current.Created >= wanted.Created))
                {
                    return SubscribeOutcome.AlreadySubscribed;
                }

                await table.UpdateEntityAsync(SubscriptionColumns.Write(partitionKey, wanted), stored.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return SubscribeOutcome.Renewed;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 5)
            {
                // Two presses at once: read again; the other one's subscription is the one kept.
            }
        }
    }

    public async Task<SubscriptionPage> ReadPageAsync(string phoneNumberId, string sku, string? after, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sku);
        var page = await ReadAsync(ProductFilter(PhoneNumberKey.Of(phoneNumberId), sku, after), pageSize, cancellationToken).ConfigureAwait(false);
        // "A|B|123" is in the range of SKU "A" but belongs to SKU "A|B".
        return page with { Subscriptions = [.. page.Subscriptions.Where(s => s.Sku == sku)] };
    }

    public async Task<SubscriptionPage> ListAsync(string phoneNumberId, string? sku, string? after, int max, CancellationToken cancellationToken = default)
    {
        var partitionKey = PhoneNumberKey.Of(phoneNumberId);
        if (string.IsNullOrWhiteSpace(sku))
        {
            var filter = after is null
                ? TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}")
                : TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey gt {after}");
            return await ReadAsync(filter, max, cancellationToken).ConfigureAwait(false);
        }

        return await ReadPageAsync(partitionKey, sku, after, max, cancellationToken).ConfigureAwait(false);
    }

    public async Task CloseAsync(IReadOnlyList<Subscription> subscriptions, SubscriptionState state, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        foreach (var partition in subscriptions.GroupBy(s => s.PhoneNumberId, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(BatchSize))
            {
                var actions = chunk
                    .Select(s => new TableTransactionAction(TableTransactionActionType.UpdateMerge, SubscriptionColumns.Close(partition.Key, s.RowKey, state, at), ETag.All))
                    .ToList();
                try
                {
                    await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                }
                catch (TableTransactionFailedException)
                {
                    // One row deleted by hand meanwhile fails the batch: close the others one by one.
                    foreach (var action in actions)
                    {
                        try
                        {
                            await table.UpdateEntityAsync(action.Entity, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                        }
                        catch (RequestFailedException e) when (e.Status == 404)
                        {
                            // Gone: nothing left to close.
                        }
                    }
                }
            }
        }
    }

    public async Task<IReadOnlyList<SubscribedProduct>> ReadSubscribedProductsAsync(string? phoneNumberId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var filter = phoneNumberId is null ? null : PhoneNumberKey.PartitionFilter(phoneNumberId);
        var products = new HashSet<SubscribedProduct>();
        try
        {
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "Created", "Expires", "State", "ClosedAt"], cancellationToken: cancellationToken)
                               .ConfigureAwait(false))
            {
                // Unreadable rows are left to the fan-out (which names them) and to validate.
                if (SubscriptionColumns.TryRead(entity, out var subscription, out _) && subscription.IsLive(now))
                {
                    products.Add(new SubscribedProduct(subscription.PhoneNumberId, subscription.Sku));
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No Subscriptions table yet: nobody waits.
        }

        return [.. products];
    }

    public async Task<IReadOnlyList<RuleProblem>> ValidateAsync(string? phoneNumberId, CancellationToken cancellationToken = default)
    {
        var filter = phoneNumberId is null ? null : PhoneNumberKey.PartitionFilter(phoneNumberId);
        var page = await ReadAsync(filter, int.MaxValue, cancellationToken).ConfigureAwait(false);
        return page.Problems;
    }

    private async Task<SubscriptionPage> ReadAsync(string? filter, int max, CancellationToken cancellationToken)
    {
        var subscriptions = new List<Subscription>();
        var problems = new List<RuleProblem>();
        string? last = null;
        var count = 0;
        try
        {
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (SubscriptionColumns.TryRead(entity, out var subscription, out var problem))
                {
                    subscriptions.Add(subscription);
                }
                else
                {
                    problems.Add(new RuleProblem(StorageNames.Tables.Subscriptions, entity.PartitionKey, entity.RowKey, problem));
                }

                last = entity.RowKey;
                if (++count >= max)
                {
                    break;
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No Subscriptions table yet: no rows.
        }

        return new SubscriptionPage(subscriptions, problems, last, More: count >= max);
    }

    /// <summary>One product's rows: RowKeys from <c>SKU|</c> (exclusive) or <paramref name="after"/> up to <c>SKU}</c> ('}' follows '|').</summary>
    private static string ProductFilter(string partitionKey, string sku, string? after)
    {
        var from = after ?? sku + Subscription.KeySeparator;
        var to = sku + (char)(Subscription.KeySeparator + 1);
        return TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey gt {from} and RowKey lt {to}");
    }
}
