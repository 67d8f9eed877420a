using Azure;
using Azure.Data.Tables;
using Frontdesk.Core.Catalogue;

namespace Frontdesk.Storage.Catalogue;

/// <summary>
/// The Catalogue table: products per partition, and one version marker per partition (in the <c>_versions</c>
/// partition, RowKey = the catalogue's PartitionKey) that every import bumps so each instance's cache notices.
/// </summary>
public sealed class CatalogueStore(TableClient table)
{
    /// <summary>The partition of version markers; no phone_number_id (digits) or <c>default</c> can collide with it.</summary>
    public const string VersionPartition = "_versions";

    public const string DefaultPartition = Core.Identifiers.PhoneNumberId.DefaultPartition;

    /// <summary>Every usable product of a partition (rows without a title or price are skipped).</summary>
    public async Task<IReadOnlyList<Product>> ReadProductsAsync(string partitionKey, CancellationToken cancellationToken = default)
    {
        var products = new List<Product>();
        var pool = new StringPool();
        try
        {
            var filter = PhoneNumberKey.PartitionFilter(partitionKey);
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (ProductEntity.ToProduct(entity, pool) is { } product)
                {
                    products.Add(product);
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No Catalogue table yet: an empty catalogue, not an error for the customer.
        }

        return products;
    }

    /// <summary>True when any partition holds a row other than the version markers (the table missing counts as empty).</summary>
    public async Task<bool> HasProductsAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey ne {VersionPartition}");
            await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken)
                               .AsPages().ConfigureAwait(false))
            {
                if (page.Values.Count > 0)
                {
                    return true;
                }

                // Azurite and the service may answer an empty page with a continuation token: keep reading.
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No Catalogue table yet: no products.
        }

        return false;
    }

    /// <summary>One product as the table holds it now (null when missing or unusable).</summary>
    public async Task<Product?> FindProductAsync(string partitionKey, string sku, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sku);
        try
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(PhoneNumberKey.Of(partitionKey), sku, cancellationToken: cancellationToken).ConfigureAwait(false);
            return row.HasValue ? ProductEntity.ToProduct(row.Value!, new StringPool()) : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The partition's version marker (an opaque string), or null if it was never imported.</summary>
    public async Task<string?> ReadVersionAsync(string partitionKey, CancellationToken cancellationToken = default)
    {
        try
        {
            var marker = await table.GetEntityIfExistsAsync<TableEntity>(VersionPartition, partitionKey, ["Version"], cancellationToken).ConfigureAwait(false);
            return marker.HasValue ? marker.Value!.GetString("Version") : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Upserts the products into one partition in batches of ≤ 100, counting added, updated and unchanged rows. A
    /// batch the service refuses is retried row by row, so one bad row is reported and never sinks its neighbours.
    /// </summary>
    public async Task<CatalogueImportResult> ImportAsync(string partitionKey, CatalogueParseResult parsed, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partitionKey);
        ArgumentNullException.ThrowIfNull(parsed);
        await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        var existing = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        partitionKey = PhoneNumberKey.Of(partitionKey);
        var filter = PhoneNumberKey.PartitionFilter(partitionKey);
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            existing[entity.RowKey] = entity;
        }

        int added = 0, updated = 0, unchanged = 0;
        var rejected = new List<RejectedRow>(parsed.Rejected);
        var lineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var changes = new List<TableEntity>();
        var cameBack = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, product) in parsed.Products)
        {
            var entity = ProductEntity.From(partitionKey, product);
            if (existing.TryGetValue(product.Sku, out var stored) && ProductEntity.SameContent(stored, entity))
            {
                unchanged++;
                continue;
            }

            // In stock now, and out of stock (or missing) before: someone may be waiting for it.
            if (product.InStock && (stored is null || ProductAvailability.TryParse(stored.GetString("Availability")) == false))
            {
                cameBack.Add(product.Sku);
            }

            lineOf[product.Sku] = line;
            changes.Add(entity);
        }

        foreach (var batch in PartitionBatch.Split(partitionKey, changes))
        {
            foreach (var (entity, error) in await UpsertAsync(batch, cancellationToken).ConfigureAwait(false))
            {
                if (error is not null)
                {
                    rejected.Add(new RejectedRow(lineOf[entity.RowKey], entity.RowKey, error));
                    cameBack.Remove(entity.RowKey);
                }
                else if (existing.ContainsKey(entity.RowKey))
                {
                    updated++;
                }
                else
                {
                    added++;
                }
            }
        }

        if (added + updated > 0)
        {
            await BumpVersionAsync(partitionKey, cancellationToken).ConfigureAwait(false);
        }

        rejected.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new CatalogueImportResult(partitionKey, added, updated, unchanged, rejected) { BackInStock = cameBack };
    }

    /// <summary>Marks the partition changed: caches on every instance reload it at their next check.</summary>
    public async Task BumpVersionAsync(string partitionKey, CancellationToken cancellationToken = default)
    {
        var marker = new TableEntity(VersionPartition, partitionKey) { ["Version"] = Guid.NewGuid().ToString("N") };
        await table.UpsertEntityAsync(marker, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IEnumerable<(TableEntity Entity, string? Error)>> UpsertAsync(PartitionBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(batch.Actions, cancellationToken).ConfigureAwait(false);
            return batch.Entities.Select(entity => (entity, (string?)null));
        }
        catch (TableTransactionFailedException)
        {
            var outcomes = new List<(TableEntity, string?)>();
            foreach (var entity in batch.Entities)
            {
                try
                {
                    await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                    outcomes.Add((entity, null));
                }
                catch (RequestFailedException e)
                {
                    outcomes.Add((entity, $"storage refused the row: {e.ErrorCode ?? e.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
                }
            }

            return outcomes;
        }
    }
}
