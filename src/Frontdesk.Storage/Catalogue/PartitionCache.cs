namespace Frontdesk.Storage.Catalogue;

/// <summary>The cache state of one partition; the snapshot is swapped whole, so readers never see half an index.</summary>
internal sealed class PartitionCache(string partitionKey)
{
    private CatalogueSnapshot? _snapshot;

    public string PartitionKey { get; } = partitionKey;

    public CatalogueSnapshot? Snapshot
    {
        get => Volatile.Read(ref _snapshot);
        set => Volatile.Write(ref _snapshot, value);
    }

    private readonly Lock _firstLoadLock = new();
    private Task<CatalogueSnapshot>? _firstLoad;

    /// <summary>The first load, started once however many messages arrive together; a failed one is started again.</summary>
    public Task<CatalogueSnapshot> FirstLoad(Func<Task<CatalogueSnapshot>> start)
    {
        lock (_firstLoadLock)
        {
            if (_firstLoad is null || _firstLoad.IsFaulted || _firstLoad.IsCanceled)
            {
                _firstLoad = start();
            }

            return _firstLoad;
        }
    }

    /// <summary>
    /// Drops the index to free its memory (the cache's bound was reached); the next message loads it again. The
    /// finished first load is forgotten too, since its result holds the same index.
    /// </summary>
    public void Evict()
    {
        lock (_firstLoadLock)
        {
            _firstLoad = null;
            Snapshot = null;
            WasEvicted = true;
        }
    }

    /// <summary>Set by <see cref="Evict"/>, so the next load is logged as a rebuild.</summary>
    public bool WasEvicted { get; set; }

    public DateTimeOffset LastCheck { get; set; }

    /// <summary>1 while a background check runs (Interlocked), so a burst of messages starts one check.</summary>
    public int Refreshing;
}
