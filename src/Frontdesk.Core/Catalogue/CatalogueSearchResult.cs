namespace Frontdesk.Core.Catalogue;

/// <summary>The best products for a query (at most the limit asked for), how many matched in all, and how they were found.</summary>
public sealed record CatalogueSearchResult(IReadOnlyList<Product> Hits, int Total, CatalogueMatchKind Kind)
{
    public static CatalogueSearchResult None { get; } = new([], 0, CatalogueMatchKind.None);
}
