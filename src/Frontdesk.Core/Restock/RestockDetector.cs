using Frontdesk.Core.Identifiers;
using Frontdesk.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Core.Restock;

/// <summary>
/// Finds products back in stock that someone waits for, and queues one <see cref="RestockAlert"/> per product and
/// number on <c>restock-alerts</c>. Two callers: an import, which knows which products came back; and the minute
/// watch, which looks up every product with live subscribers in the table, so a portal edit of <c>Availability</c>
/// is seen within a minute. Both may queue the same product: the fan-out only tells open subscriptions, once.
/// </summary>
public sealed partial class RestockDetector(
    ISubscriptionStore subscriptions,
    IProductLookup products,
    IRestockAlertQueue alerts,
    TimeProvider time,
    ILogger<RestockDetector> logger)
{
    /// <summary>Product look-ups the watch runs at once.</summary>
    private const int Lookups = 8;

    /// <summary>
    /// An import into <paramref name="catalogPartition"/> brought <paramref name="skus"/> back in stock: queues an
    /// alert for each of them that has live subscribers (on that number; on every number for <c>default</c>).
    /// Reads the subscriptions once and writes one queue message per product with subscribers, whatever the size
    /// of the import.
    /// </summary>
    public async Task<int> ProductsBackAsync(string catalogPartition, IReadOnlyCollection<string> skus, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(catalogPartition);
        ArgumentNullException.ThrowIfNull(skus);
        if (skus.Count == 0)
        {
            return 0;
        }

        var back = skus as IReadOnlySet<string> ?? new HashSet<string>(skus, StringComparer.Ordinal);
        var number = catalogPartition == PhoneNumberId.DefaultPartition ? null : catalogPartition;
        var subscribed = await subscriptions.ReadSubscribedProductsAsync(number, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var found = subscribed.Where(p => back.Contains(p.Sku)).ToList();
        return await QueueAsync(found, "import", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every product with live subscribers, looked up in the table; those in stock are queued.</summary>
    public async Task<int> WatchAsync(CancellationToken cancellationToken = default)
    {
        var subscribed = await subscriptions.ReadSubscribedProductsAsync(null, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var inStock = new System.Collections.Concurrent.ConcurrentBag<SubscribedProduct>();
        await Parallel.ForEachAsync(
            subscribed,
            new ParallelOptions { MaxDegreeOfParallelism = Lookups, CancellationToken = cancellationToken },
            async (wanted, token) =>
            {
                try
                {
                    if (await products.FindAsync(wanted.PhoneNumberId, wanted.Sku, token).ConfigureAwait(false) is { InStock: true })
                    {
                        inStock.Add(wanted);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Log.LookupFailed(logger, e, wanted.PhoneNumberId, wanted.Sku);
                }
            }).ConfigureAwait(false);
        return await QueueAsync([.. inStock], "watch", cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> QueueAsync(IReadOnlyList<SubscribedProduct> found, string source, CancellationToken cancellationToken)
    {
        if (found.Count == 0)
        {
            return 0;
        }

        var queued = found.Select(p => new RestockAlert { PhoneNumberId = p.PhoneNumberId, Sku = p.Sku, Source = source }).ToList();
        await alerts.EnqueueAsync(queued, cancellationToken).ConfigureAwait(false);
        Log.Detected(logger, source, queued.Count);
        return queued.Count;
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.RestockDetected, LogLevel.Information, "Back in stock ({Source}): {Products} product(s) with subscribers queued on restock-alerts")]
        public static partial void Detected(ILogger logger, string source, int products);

        [LoggerMessage(TelemetryEvents.RestockWatchLookupFailed, LogLevel.Warning, "Restock watch: product {Sku} of {PhoneNumberId} could not be read; tried again at the next run")]
        public static partial void LookupFailed(ILogger logger, Exception exception, string phoneNumberId, string sku);
    }
}
