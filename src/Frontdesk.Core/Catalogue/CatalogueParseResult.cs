namespace Frontdesk.Core.Catalogue;

/// <summary>What a catalogue CSV held: the good rows and the rejected ones, in file order.</summary>
public sealed record CatalogueParseResult(IReadOnlyList<ParsedProduct> Products, IReadOnlyList<RejectedRow> Rejected)
{
    /// <summary>The feed has more rows than <see cref="Limits.InputLimits.CatalogueRows"/>; reading stopped there and nothing may be imported.</summary>
    public bool OverRowLimit { get; init; }
}
