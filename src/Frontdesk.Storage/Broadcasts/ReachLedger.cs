using Azure;
using Azure.Data.Tables;
using Frontdesk.Core.Broadcasts;

namespace Frontdesk.Storage.Broadcasts;

/// <summary>
/// <c>BroadcastReach</c>: PartitionKey the number, RowKey the customer's wa_id, <c>ReachedAt</c> when a broadcast last
/// queued them. A reservation counts the customers reached in the 24 hours before now, and writes the new ones together
/// with an ETag-guarded update of the partition's <c>guard</c> row, in one transaction: two fan-outs of one number
/// reserving at once cannot both take the last places.
/// </summary>
public sealed class ReachLedger(TableClient table) : IReachLedger
{
    public const string GuardRow = "guard";

    private const int MaxConflicts = 30;

    private readonly CreateOnce _create = new(ct => table.CreateIfNotExistsAsync(ct));

    public async Task<ReachReservation> ReserveAsync(string phoneNumberId, IReadOnlyList<string> customers, int dailyLimit, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(customers.Count, 99);
        await _create.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var partition = PhoneNumberKey.Of(phoneNumberId);
        var since = now - Core.Limits.WhatsAppLimits.ServiceWindow;
        for (var conflict = 0; conflict < MaxConflicts; conflict++)
        {
            var guard = await table.GetEntityIfExistsAsync<TableEntity>(partition, GuardRow, cancellationToken: cancellationToken).ConfigureAwait(false);
            var window = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            await foreach (var row in table.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ne {GuardRow} and ReachedAt gt {since}"),
                select: ["RowKey", "ReachedAt"], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (row.GetDateTimeOffset("ReachedAt") is { } at)
                {
                    window[row.RowKey] = at;
                }
            }

            var free = dailyLimit - window.Count;
            var allowed = new List<string>();
            var deferred = new List<string>();
            foreach (var customer in customers.Distinct(StringComparer.Ordinal))
            {
                if (window.ContainsKey(customer))
                {
                    allowed.Add(customer);
                }
                else if (free > 0)
                {
                    allowed.Add(customer);
                    free--;
                }
                else
                {
                    deferred.Add(customer);
                }
            }

            // Room frees when the oldest reach in the window expires; the ones reached now count from now.
            DateTimeOffset? next = deferred.Count == 0 ? null
                : (window.Count > 0 ? window.Values.Min() : now) + Core.Limits.WhatsAppLimits.ServiceWindow;
            if (allowed.Count == 0)
            {
                return new ReachReservation(allowed, deferred, next);
            }

            var actions = allowed
                .Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, TableKey.Encode(c)) { ["ReachedAt"] = now }))
                .ToList();
            var guardRow = new TableEntity(partition, GuardRow) { ["UpdatedAt"] = now };
            actions.Add(guard.HasValue && guard.Value is { } current
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, guardRow, current.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, guardRow));
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                return new ReachReservation(allowed, deferred, next);
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // Another fan-out of this number reserved first: count again.
                await Task.Delay(Random.Shared.Next(2, 20), cancellationToken).ConfigureAwait(false);
            }
        }

        throw new InvalidOperationException($"The reach of {phoneNumberId} kept changing; giving up so the fan-out retries.");
    }
}
