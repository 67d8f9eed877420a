using System.Numerics;

namespace Frontdesk.Core.Catalogue;

/// <summary>
/// Finds the catalogue terms one edit away from a word without scanning the vocabulary (symmetric delete): every
/// term of 4+ letters is filed under each of its one-letter deletions, so insertions, deletions, substitutions and
/// swaps all meet on a shared key. The deletions themselves are never stored: a term is filed under the hash of
/// each deletion, in flat arrays (bucket starts plus term numbers), and a lookup keeps only the terms of which the
/// key really is a deletion before the <see cref="OneEdit.Within"/> check. So the hashes can collide without
/// changing any result, and the map costs about 8 bytes per deletion instead of a string and a list.
/// </summary>
internal sealed class TypoIndex
{
    /// <summary>Shorter terms are never reached through a typo: too many neighbours.</summary>
    public const int MinTermLength = 4;

    /// <summary>Words up to this long build their deletions on the stack.</summary>
    private const int StackWordLength = 64;

    private readonly TermDictionary _terms;

    /// <summary>Where each bucket's term numbers start in <see cref="_filed"/>; one more entry than buckets.</summary>
    private readonly int[] _bucketStarts;

    /// <summary>Term numbers, grouped by bucket, ascending within one.</summary>
    private readonly int[] _filed;

    public TypoIndex(TermDictionary terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        _terms = terms;
        var hashes = new List<int>();
        var ids = new List<int>();
        Span<char> stack = stackalloc char[StackWordLength];
        for (var id = 0; id < terms.Count; id++)
        {
            var term = terms[id];
            if (term.Length < MinTermLength)
            {
                continue;
            }

            Span<char> buffer = term.Length <= StackWordLength ? stack : new char[term.Length];

            for (var i = 0; i < term.Length; i++)
            {
                // Deleting any letter of a run gives the same string: file the term once per distinct deletion.
                if (i > 0 && term[i] == term[i - 1])
                {
                    continue;
                }

                hashes.Add(string.GetHashCode(Delete(term, i, buffer)));
                ids.Add(id);
            }
        }

        // Counting sort by bucket keeps each bucket's term numbers ascending, as the term loop produced them.
        var buckets = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, hashes.Count)) / 2;
        var starts = new int[buckets + 1];
        foreach (var hash in hashes)
        {
            starts[(hash & (buckets - 1)) + 1]++;
        }

        for (var b = 0; b < buckets; b++)
        {
            starts[b + 1] += starts[b];
        }

        var next = starts[..^1];
        var filed = new int[hashes.Count];
        var count = new int[buckets];
        for (var i = 0; i < hashes.Count; i++)
        {
            var bucket = hashes[i] & (buckets - 1);

            // Two deletions of one term can share a bucket: keep it once there.
            if (count[bucket] > 0 && filed[next[bucket] - 1] == ids[i])
            {
                continue;
            }

            filed[next[bucket]++] = ids[i];
            count[bucket]++;
        }

        // Close the gaps the skipped duplicates left, so buckets stay contiguous.
        _bucketStarts = new int[buckets + 1];
        var written = 0;
        for (var b = 0; b < buckets; b++)
        {
            _bucketStarts[b] = written;
            filed.AsSpan(starts[b], count[b]).CopyTo(filed.AsSpan(written));
            written += count[b];
        }

        _bucketStarts[buckets] = written;
        _filed = filed.AsSpan(0, written).ToArray();
    }

    /// <summary>Bytes held by the map's arrays (not the term dictionary it shares with the index).</summary>
    public long Bytes => MemoryCost.Of(_bucketStarts) + MemoryCost.Of(_filed);

    /// <summary>Adds to <paramref name="found"/> the ids of terms one edit from <paramref name="typed"/> not already in <paramref name="seen"/>.</summary>
    public void AddNear(string typed, HashSet<int> seen, List<int> found)
    {
        AddFiledUnder(typed, typed, seen, found);
        Span<char> buffer = typed.Length <= StackWordLength ? stackalloc char[StackWordLength] : new char[typed.Length];
        for (var i = 0; i < typed.Length; i++)
        {
            var deletion = Delete(typed, i, buffer);

            // The customer typed a letter too many: the term is the deletion itself.
            if (_terms.TryGetId(deletion, out var shorter) && _terms.LengthOf(shorter) >= MinTermLength && seen.Add(shorter))
            {
                found.Add(shorter);
            }

            AddFiledUnder(typed, deletion, seen, found);
        }
    }

    private void AddFiledUnder(ReadOnlySpan<char> typed, ReadOnlySpan<char> key, HashSet<int> seen, List<int> found)
    {
        var bucket = string.GetHashCode(key) & (_bucketStarts.Length - 2);
        for (var i = _bucketStarts[bucket]; i < _bucketStarts[bucket + 1]; i++)
        {
            var candidate = _filed[i];
            var term = _terms[candidate];
            if (IsDeletionOf(key, term) && OneEdit.Within(typed, term) && seen.Add(candidate))
            {
                found.Add(candidate);
            }
        }
    }

    /// <summary>Whether removing one character of <paramref name="term"/> gives <paramref name="key"/> (the hash's check).</summary>
    private static bool IsDeletionOf(ReadOnlySpan<char> key, ReadOnlySpan<char> term)
    {
        if (term.Length != key.Length + 1)
        {
            return false;
        }

        var prefix = key.CommonPrefixLength(term);
        return term[(prefix + 1)..].SequenceEqual(key[prefix..]);
    }

    private static ReadOnlySpan<char> Delete(ReadOnlySpan<char> word, int position, Span<char> buffer)
    {
        word[..position].CopyTo(buffer);
        word[(position + 1)..].CopyTo(buffer[position..]);
        return buffer[..(word.Length - 1)];
    }
}
