using System.Numerics;
using Frontdesk.Core.Catalogue;

namespace Frontdesk.Core.Tests.Catalogue.Reference;

/// <summary>The reference index's private copies of the production scoring types, so either side can change alone.</summary>
internal sealed class ReferenceScratch
{
    public ReferenceScore[] Scores { get; private set; } = [];

    public List<int> Touched { get; } = [];

    public void EnsureCapacity(int products)
    {
        if (Scores.Length < products)
        {
            Scores = new ReferenceScore[products];
        }
    }
}

internal struct ReferenceScore
{
    public uint Words;
    public float Value;
    public ProductFields Fields;
    public byte TitleTerms;

    public readonly int Coverage => BitOperations.PopCount(Words);
}

internal readonly record struct ReferenceRankKey(int Coverage, float Score, int TieBreak) : IComparable<ReferenceRankKey>
{
    public int CompareTo(ReferenceRankKey other)
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

internal readonly record struct ReferenceQueryWord(string Stem, string Word, bool TypoAllowed);
