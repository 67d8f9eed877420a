namespace Frontdesk.Core.Catalogue;

/// <summary>Greater is better: more query words, stronger fields, then the precomputed tie-break.</summary>
internal readonly record struct RankKey(int Coverage, float Score, int TieBreak) : IComparable<RankKey>
{
    public int CompareTo(RankKey other)
    {
        var byCoverage = Coverage.CompareTo(other.Coverage);
        if (byCoverage != 0)
        {
            return byCoverage;
        }

        var byScore = Score.CompareTo(other.Score);
        return byScore != 0 ? byScore : TieBreak.CompareTo(other.TieBreak);
    }
}
