using System.Numerics;

namespace Frontdesk.Core.Catalogue;

/// <summary>
/// Products by retailer id, case-insensitive, the first product winning a duplicated id: an open-addressing table
/// of product numbers (at most half full) that compares against the products' own SKU strings, so the index keeps
/// no second copy of 100,000 ids and no dictionary entries.
/// </summary>
internal sealed class SkuTable
{
    private readonly Product[] _products;

    /// <summary>Product number + 1 per slot, 0 = empty; the length is a power of two.</summary>
    private readonly int[] _slots;

    public SkuTable(Product[] products)
    {
        _products = products;
        _slots = new int[(int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, products.Length * 2))];
        var mask = _slots.Length - 1;
        for (var id = 0; id < products.Length; id++)
        {
            var slot = Slot(products[id].Sku);
            var duplicate = false;
            while (_slots[slot] != 0 && !duplicate)
            {
                duplicate = Same(products[_slots[slot] - 1].Sku, products[id].Sku);
                slot = (slot + 1) & mask;
            }

            if (!duplicate)
            {
                _slots[slot] = id + 1;
            }
        }
    }

    public long Bytes => MemoryCost.Of(_slots);

    public bool TryGetId(ReadOnlySpan<char> sku, out int id)
    {
        var mask = _slots.Length - 1;
        for (var slot = Slot(sku); _slots[slot] != 0; slot = (slot + 1) & mask)
        {
            if (Same(_products[_slots[slot] - 1].Sku, sku))
            {
                id = _slots[slot] - 1;
                return true;
            }
        }

        id = -1;
        return false;
    }

    private int Slot(ReadOnlySpan<char> sku) => string.GetHashCode(sku, StringComparison.OrdinalIgnoreCase) & (_slots.Length - 1);

    private static bool Same(ReadOnlySpan<char> a, ReadOnlySpan<char> b) => a.Equals(b, StringComparison.OrdinalIgnoreCase);
}
