namespace Frontdesk.Core.Catalogue;

public enum CatalogueMatchKind
{
    None,

    /// <summary>The text was (or contained) a retailer id.</summary>
    Sku,

    /// <summary>Words of the text matched words of the products.</summary>
    Words,
}
