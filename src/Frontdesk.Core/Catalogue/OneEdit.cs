namespace Frontdesk.Core.Catalogue;

/// <summary>Damerau–Levenshtein distance ≤ 1 (one insertion, deletion, substitution or swap of neighbours), without a matrix.</summary>
public static class OneEdit
{
    public static bool Within(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var prefix = a.CommonPrefixLength(b);
        if (prefix == a.Length && prefix == b.Length)
        {
            return true;
        }

        var restA = a[prefix..];
        var restB = b[prefix..];
        if (restA.Length == restB.Length)
        {
            // substitution, or a swap of the two next characters
            return restA[1..].SequenceEqual(restB[1..])
                || (restA.Length >= 2 && restA[0] == restB[1] && restA[1] == restB[0] && restA[2..].SequenceEqual(restB[2..]));
        }

        return restA.Length > restB.Length ? restA[1..].SequenceEqual(restB) : restB[1..].SequenceEqual(restA);
    }

    /// <summary>Every string with one character of <paramref name="word"/> removed (the symmetric-delete keys).</summary>
    public static IEnumerable<string> Deletions(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        for (var i = 0; i < word.Length; i++)
        {
            yield return string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1));
        }
    }
}
