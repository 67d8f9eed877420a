using Frontdesk.Core.Catalogue;
using Frontdesk.Core.Limits;
using Frontdesk.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Storage.Catalogue;

/// <summary>
/// Imports a Meta data-feed CSV into one partition of the Catalogue table and refreshes this instance's index;
/// the HTTP function and the DevHost command both call it.
/// </summary>
public sealed partial class CatalogueImporter(CatalogueStore store, ICatalogueIndexInvalidator indexes, ILogger<CatalogueImporter> logger)
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
        return result;
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.CatalogueImported, LogLevel.Information, "Catalogue {PartitionKey} imported: {Added} added, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected")]
        public static partial void Imported(ILogger logger, string partitionKey, int added, int updated, int unchanged, int rejected);
    }
}
