using System.Collections.Frozen;
using System.Runtime.InteropServices;

using Frontdesk.Core.Catalogue;

namespace Frontdesk.Core.Tests.Catalogue.Reference;

/// <summary>
/// The typo map before the compact rewrite (the oracle's half). Finds the catalogue terms one edit away from a word without scanning the vocabulary: every term of 4+ letters
/// is filed under each of its one-letter deletions (symmetric delete), so insertions, deletions, substitutions and
/// swaps all meet on a shared key; candidates are then confirmed by <see cref="OneEdit.Within"/>.
/// </summary>
internal sealed class ReferenceTypoIndex
{
    /// <summary>Shorter terms are never reached through a typo: too many neighbours.</summary>
    private const int MinTermLength = 4;

    private readonly string[] _terms;
    private readonly IReadOnlyDictionary<string, int> _termIds;
    private readonly FrozenDictionary<string, int[]> _byDeletion;

    public ReferenceTypoIndex(string[] terms, IReadOnlyDictionary<string, int> termIds)
    {
        _terms = terms;
        _termIds = termIds;
        var byDeletion = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var id = 0; id < terms.Length; id++)
        {
            if (terms[id].Length < MinTermLength)
            {
                continue;
            }

            foreach (var deletion in OneEdit.Deletions(terms[id]).Distinct())
            {
                ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(byDeletion, deletion, out var exists);
                list ??= [];
                list.Add(id);
            }
        }

        _byDeletion = byDeletion.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Adds to <paramref name="found"/> the ids of terms one edit from <paramref name="typed"/> not already in <paramref name="seen"/>.</summary>
    public void AddNear(string typed, HashSet<int> seen, List<int> found)
    {
        AddFiledUnder(typed, typed, seen, found);
        foreach (var deletion in OneEdit.Deletions(typed))
        {
            // The customer typed a letter too many: the term is the deletion itself.
            if (_termIds.TryGetValue(deletion, out var shorter) && _terms[shorter].Length >= MinTermLength && seen.Add(shorter))
            {
                found.Add(shorter);
            }

            AddFiledUnder(typed, deletion, seen, found);
        }
    }

    private void AddFiledUnder(string typed, string key, HashSet<int> seen, List<int> found)
    {
        if (!_byDeletion.TryGetValue(key, out var candidates))
        {
            return;
        }

        foreach (var candidate in candidates)
        {
            if (OneEdit.Within(typed, _terms[candidate]) && seen.Add(candidate))
            {
                found.Add(candidate);
            }
        }
    }
}
