namespace Frontdesk.Core.Catalogue;

/// <summary>The two availability values a Meta data feed and the Catalogue table use.</summary>
public static class ProductAvailability
{
    public const string InStock = "in stock";
    public const string OutOfStock = "out of stock";

    /// <summary>Reads <c>in stock</c> / <c>out of stock</c> (any case, <c>_</c> for spaces); null for anything else.</summary>
    public static bool? TryParse(string? value)
    {
        var text = value?.Trim().Replace('_', ' ').ToLowerInvariant();
        return text switch
        {
            InStock => true,
            OutOfStock => false,
            _ => null,
        };
    }

    public static string Format(bool inStock) => inStock ? InStock : OutOfStock;
}
