namespace Frontdesk.Core.Catalogue;

/// <summary>
/// Which cached catalogues to keep under a memory bound: each admitted catalogue is charged its size, every use
/// marks it most recent, and admitting one past the bound evicts the least recently used others until the total
/// fits. The catalogue just admitted always stays, even alone over the bound: a number must be answerable.
/// Thread-safe; the caller drops what <see cref="Admit"/> returns.
/// </summary>
public sealed class CatalogueMemoryBudget(long maxBytes)
{
    private readonly Lock _lock = new();

    /// <summary>Most recently used first.</summary>
    private readonly LinkedList<Entry> _order = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private long _totalBytes;

    public long MaxBytes { get; } = maxBytes > 0 ? maxBytes : throw new ArgumentOutOfRangeException(nameof(maxBytes), maxBytes, "The bound must be positive.");

    public long TotalBytes
    {
        get
        {
            lock (_lock)
            {
                return _totalBytes;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Marks <paramref name="key"/> most recently used; nothing if it is not held.</summary>
    public void Touch(string key)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node) && node != _order.First)
            {
                _order.Remove(node);
                _order.AddFirst(node);
            }
        }
    }

    /// <summary>Charges <paramref name="key"/> (replacing its previous size) and returns the catalogues evicted to make room, oldest first.</summary>
    public IReadOnlyList<CatalogueEviction> Admit(string key, long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        lock (_lock)
        {
            RemoveLocked(key);
            _entries[key] = _order.AddFirst(new Entry(key, bytes));
            _totalBytes += bytes;
            var evicted = new List<CatalogueEviction>();
            while (_totalBytes > MaxBytes && _order.Last is { } oldest && oldest.Value.Key != key)
            {
                RemoveLocked(oldest.Value.Key);
                evicted.Add(new CatalogueEviction(oldest.Value.Key, oldest.Value.Bytes, _totalBytes, MaxBytes));
            }

            return evicted;
        }
    }

    public void Remove(string key)
    {
        lock (_lock)
        {
            RemoveLocked(key);
        }
    }

    private void RemoveLocked(string key)
    {
        if (_entries.Remove(key, out var node))
        {
            _order.Remove(node);
            _totalBytes -= node.Value.Bytes;
        }
    }

    private sealed record Entry(string Key, long Bytes);
}

/// <summary>A catalogue dropped from the cache: its size, and the total held after it went.</summary>
public sealed record CatalogueEviction(string Key, long Bytes, long TotalBytesAfter, long MaxBytes);
