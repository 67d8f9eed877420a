namespace Frontdesk.Core.Catalogue;

/// <summary>What one query found in one product: which query words (bits), the score, the fields matched.</summary>
internal struct ProductScore
{
    public uint Words;
    public float Value;
    public ProductFields Fields;

    /// <summary>Distinct matched terms found in the title (a byte: titles are short).</summary>
    public byte TitleTerms;

    public readonly int Coverage => System.Numerics.BitOperations.PopCount(Words);
}
