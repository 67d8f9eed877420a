namespace Frontdesk.Core.Catalogue;

public enum CatalogueSearchMode
{
    /// <summary>The customer asked the catalogue: the products matching the most query words, at least one.</summary>
    Browse,

    /// <summary>
    /// Nobody asked the catalogue: only products matching every query word, or whose whole title the text names,
    /// and only through their title or keywords.
    /// </summary>
    Strict,
}
