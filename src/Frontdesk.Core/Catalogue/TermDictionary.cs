using System.Numerics;

namespace Frontdesk.Core.Catalogue;

/// <summary>
/// A frozen set of search terms numbered 0…n−1: every term's characters in one shared array, found through an
/// open-addressing table of term numbers. About 20 bytes a term, against a hundred or so for a string plus a
/// dictionary entry, and looked up by span, so a query's typo variants never become strings.
/// </summary>
internal sealed class TermDictionary
{
    private readonly char[] _chars;

    /// <summary>Where each term starts in <see cref="_chars"/>; one more entry than terms, so term i ends where i+1 starts.</summary>
    private readonly int[] _starts;

    /// <summary>Term number + 1 per slot (0 = empty), at most half full; the length is a power of two.</summary>
    private readonly int[] _slots;

    /// <param name="terms">Distinct terms, in the order that numbers them.</param>
    public TermDictionary(IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        _starts = new int[terms.Count + 1];
        var length = 0;
        for (var i = 0; i < terms.Count; i++)
        {
            _starts[i] = length;
            length += terms[i].Length;
        }

        _starts[terms.Count] = length;
        _chars = new char[length];
        _slots = new int[(int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, terms.Count * 2))];
        var mask = _slots.Length - 1;
        for (var id = 0; id < terms.Count; id++)
        {
            terms[id].CopyTo(_chars.AsSpan(_starts[id]));
            var slot = Slot(terms[id]);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = id + 1;
        }
    }

    public int Count => _starts.Length - 1;

    /// <summary>Bytes held by the arrays (what a cache budget charges for this dictionary).</summary>
    public long Bytes => MemoryCost.Of(_chars) + MemoryCost.Of(_starts) + MemoryCost.Of(_slots);

    public ReadOnlySpan<char> this[int id] => _chars.AsSpan(_starts[id], _starts[id + 1] - _starts[id]);

    public int LengthOf(int id) => _starts[id + 1] - _starts[id];

    public bool TryGetId(ReadOnlySpan<char> term, out int id)
    {
        var mask = _slots.Length - 1;
        for (var slot = Slot(term); _slots[slot] != 0; slot = (slot + 1) & mask)
        {
            var candidate = _slots[slot] - 1;
            if (this[candidate].SequenceEqual(term))
            {
                id = candidate;
                return true;
            }
        }

        id = -1;
        return false;
    }

    private int Slot(ReadOnlySpan<char> term) => string.GetHashCode(term) & (_slots.Length - 1);
}
