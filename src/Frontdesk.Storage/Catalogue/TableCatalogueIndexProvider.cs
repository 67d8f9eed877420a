using System.Collections.Concurrent;
using Frontdesk.Core;
using Frontdesk.Core.Catalogue;
using Frontdesk.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Frontdesk.Storage.Catalogue;

/// <summary>
/// One in-memory <see cref="CatalogueIndex"/> per partition, loaded on first use and then served without touching
/// the table. Change detection, without ever delaying a customer's reply:
/// <list type="bullet">
/// <item>an import on this instance reloads the partition at once;</item>
/// <item>at most every <c>CacheSeconds</c> a message triggers, in the background, one point read of the partition's
/// version marker (bumped by every import, on any instance) and a reload if it moved;</item>
/// <item>at most every <c>CacheSeconds × </c><see cref="FullReloadFactor"/> the partition is re-read in the
/// background anyway, which picks up rows an operator edited in the portal (those do not bump the marker).</item>
/// </list>
/// All partitions together stay under <c>Catalogue__MaxIndexMegabytes</c> (<see cref="CatalogueMemoryBudget"/>):
/// past it the least recently used catalogue is dropped, logged, and rebuilt from the table on its next message.
/// </summary>
public sealed partial class TableCatalogueIndexProvider(
    CatalogueStore store,
    IOptions<FrontdeskOptions> options,
    IOptions<CatalogueOptions> catalogueOptions,
    TimeProvider time,
    ILogger<TableCatalogueIndexProvider> logger) : ICatalogueIndexProvider, ICatalogueIndexInvalidator
{
    /// <summary>Portal edits show after at most CacheSeconds × this (10 minutes with the default 30 s).</summary>
    public const int FullReloadFactor = 20;

    private readonly ConcurrentDictionary<string, PartitionCache> _partitions = new(StringComparer.Ordinal);
    private readonly CatalogueMemoryBudget _budget = new(catalogueOptions.Value.MaxIndexMegabytes * 1024L * 1024L);

    /// <summary>What the cached catalogues are charged in all (indexes and product records), in bytes.</summary>
    public long CachedBytes => _budget.TotalBytes;

    private TimeSpan CheckEvery => TimeSpan.FromSeconds(Math.Max(0, options.Value.CacheSeconds));

    /// <summary>The number's own catalogue, or the <c>default</c> partition's when the number has none.</summary>
    public async ValueTask<CatalogueIndex> GetAsync(string phoneNumberId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phoneNumberId);
        var own = await GetPartitionAsync(phoneNumberId, cancellationToken).ConfigureAwait(false);
        return own.Count > 0 || phoneNumberId == CatalogueStore.DefaultPartition
            ? own
            : await GetPartitionAsync(CatalogueStore.DefaultPartition, cancellationToken).ConfigureAwait(false);
    }

    public async Task ReloadAsync(string partitionKey, CancellationToken cancellationToken = default)
    {
        var cache = _partitions.GetOrAdd(partitionKey, key => new PartitionCache(key));
        await LoadAsync(cache, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The background check a message starts when the partition is due; returns at once when it is not due or a
    /// check is already running. Tests await it instead of sleeping.
    /// </summary>
    internal async Task RefreshIfDueAsync(string partitionKey, CancellationToken cancellationToken = default)
    {
        if (!_partitions.TryGetValue(partitionKey, out var cache) || cache.Snapshot is not { } snapshot)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (now - cache.LastCheck < CheckEvery || Interlocked.CompareExchange(ref cache.Refreshing, 1, 0) != 0)
        {
            return;
        }

        try
        {
            cache.LastCheck = now;
            var version = await store.ReadVersionAsync(partitionKey, cancellationToken).ConfigureAwait(false);
            var stale = now - snapshot.LoadedAt >= CheckEvery * FullReloadFactor;
            if (version != snapshot.Version || stale)
            {
                await LoadAsync(cache, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Keep answering from the index we have; the next due message tries again.
            Log.RefreshFailed(logger, e, partitionKey);
        }
        finally
        {
            Volatile.Write(ref cache.Refreshing, 0);
        }
    }

    private async ValueTask<CatalogueIndex> GetPartitionAsync(string partitionKey, CancellationToken cancellationToken)
    {
        var cache = _partitions.GetOrAdd(partitionKey, key => new PartitionCache(key));
        if (cache.Snapshot is { } snapshot)
        {
            _budget.Touch(partitionKey);
            if (time.GetUtcNow() - cache.LastCheck >= CheckEvery && Volatile.Read(ref cache.Refreshing) == 0)
            {
                // The customer is answered from the current index; the check runs beside the reply, never before it.
                _ = Task.Run(() => RefreshIfDueAsync(partitionKey, CancellationToken.None), CancellationToken.None);
            }

            return snapshot.Index;
        }

        // First use: concurrent callers share one load; a caller giving up does not cancel it for the others.
        var load = cache.FirstLoad(() => LoadAsync(cache, CancellationToken.None));
        return (await load.WaitAsync(cancellationToken).ConfigureAwait(false)).Index;
    }

    private async Task<CatalogueSnapshot> LoadAsync(PartitionCache cache, CancellationToken cancellationToken)
    {
        var loadedAt = time.GetUtcNow();
        // The version is read first: a change landing during the read is then seen at the next check.
        var version = await store.ReadVersionAsync(cache.PartitionKey, cancellationToken).ConfigureAwait(false);
        var products = await store.ReadProductsAsync(cache.PartitionKey, cancellationToken).ConfigureAwait(false);
        var snapshot = new CatalogueSnapshot(CatalogueIndex.Build(products), version, loadedAt);
        cache.Snapshot = snapshot;
        cache.LastCheck = loadedAt;
        var elapsedMs = (time.GetUtcNow() - loadedAt).TotalMilliseconds;
        if (cache.WasEvicted)
        {
            cache.WasEvicted = false;
            Log.Rebuilt(logger, cache.PartitionKey, snapshot.Index.Count, elapsedMs);
        }
        else
        {
            Log.Loaded(logger, cache.PartitionKey, snapshot.Index.Count, elapsedMs);
        }

        foreach (var eviction in _budget.Admit(cache.PartitionKey, snapshot.Index.IndexBytes + snapshot.Index.ProductBytes))
        {
            if (_partitions.TryGetValue(eviction.Key, out var evicted))
            {
                evicted.Evict();
            }

            Log.Evicted(logger, eviction.Key, Megabytes(eviction.Bytes), Megabytes(eviction.TotalBytesAfter), Megabytes(eviction.MaxBytes));
        }

        return snapshot;
    }

    private static double Megabytes(long bytes) => Math.Round(bytes / 1048576.0, 1);

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.CatalogueLoaded, LogLevel.Information, "Catalogue {PartitionKey} loaded: {Products} products in {ElapsedMs} ms")]
        public static partial void Loaded(ILogger logger, string partitionKey, int products, double elapsedMs);

        [LoggerMessage(TelemetryEvents.CatalogueRefreshFailed, LogLevel.Warning, "Catalogue {PartitionKey} could not be refreshed; the cached index stays in use")]
        public static partial void RefreshFailed(ILogger logger, Exception exception, string partitionKey);

        [LoggerMessage(TelemetryEvents.CatalogueEvicted, LogLevel.Information, "Catalogue {PartitionKey} evicted from memory ({Megabytes} MB, least recently used); the cache now holds {CachedMegabytes} of {MaxMegabytes} MB. It is rebuilt from the table at its next message")]
        public static partial void Evicted(ILogger logger, string partitionKey, double megabytes, double cachedMegabytes, double maxMegabytes);

        [LoggerMessage(TelemetryEvents.CatalogueRebuilt, LogLevel.Information, "Catalogue {PartitionKey} rebuilt after eviction: {Products} products in {ElapsedMs} ms")]
        public static partial void Rebuilt(ILogger logger, string partitionKey, int products, double elapsedMs);
    }
}
