using Frontdesk.Core.Catalogue;
using Frontdesk.Core.Limits;
using Frontdesk.Core.Restock;
using Frontdesk.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Storage.Catalogue;

/// <summary>
/// Imports a Meta data-feed CSV into one partition of the Catalogue table and refreshes this instance's index;
/// the HTTP function and the DevHost command both call it.
/// </summary>
public sealed partial class CatalogueImporter(CatalogueStore store, ICatalogueIndexInvalidator indexes, RestockDetector restock, ILogger<CatalogueImporter> logger)
{
    /// <param name="partitionKey">The phone_number_id, or <c>default</c>.</param>
    /// <param name="csv">The feed's bytes (UTF-8, with or without BOM).</param>
    /// <param name="defaultCurrency">The currency of prices written without one; null rejects those rows.</param>
    /// <exception cref="CatalogueTooLargeException">The feed has more rows than one import takes; nothing was written.</exception>
    public async Task<CatalogueImportResult> ImportAsync(string partitionKey, Stream csv, string? defaultCurrency = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partitionKey);
        var parsed = CatalogueCsvParser.Parse(csv, defaultCurrency);
        if (parsed.OverRowLimit)
        {
            throw new CatalogueTooLargeException(
                $"The CSV has more than {InputLimits.CatalogueRows:N0} rows, the most one import takes; nothing was imported. Split it by collection into several imports.");
        }

        var result = await store.ImportAsync(partitionKey.Trim(), parsed, cancellationToken).ConfigureAwait(false);
        if (result.Added + result.Updated > 0)
        {
            await indexes.ReloadAsync(result.PartitionKey, cancellationToken).ConfigureAwait(false);
        }

        Log.Imported(logger, result.PartitionKey, result.Added, result.Updated, result.Unchanged, result.RejectedCount);
        await QueueRestockAlertsAsync(result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// One <c>restock-alerts</c> message per product that came back and has subscribers; the fan-out to the
    /// subscribers runs on the queue, so the import returns in seconds. A failure here loses nothing: the minute
    /// watch finds the same products.
    /// </summary>
    private async Task QueueRestockAlertsAsync(CatalogueImportResult result, CancellationToken cancellationToken)
    {
        try
        {
            await restock.ProductsBackAsync(result.PartitionKey, result.BackInStock, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.RestockAlertsFailed(logger, e, result.PartitionKey, result.BackInStock.Count);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.CatalogueImported, LogLevel.Information, "Catalogue {PartitionKey} imported: {Added} added, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected")]
        public static partial void Imported(ILogger logger, string partitionKey, int added, int updated, int unchanged, int rejected);

        [LoggerMessage(TelemetryEvents.RestockImportAlertsFailed, LogLevel.Warning,
            "Catalogue {PartitionKey}: {Products} product(s) came back in stock but their restock alerts could not be queued now; the restock watch queues them within a minute")]
        public static partial void RestockAlertsFailed(ILogger logger, Exception exception, string partitionKey, int products);
    }
}
