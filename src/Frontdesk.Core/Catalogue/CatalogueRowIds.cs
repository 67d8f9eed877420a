namespace Frontdesk.Core.Catalogue;

/// <summary>
/// The ids of the list rows the catalogue sends; when the customer picks one, the rules engine hands the id back
/// to <see cref="ICatalogueResponder.TryAnswerAsync"/>, which recognises it by its prefix.
/// </summary>
public static class CatalogueRowIds
{
    /// <summary>Meta's limit on a list row id.</summary>
    public const int MaxLength = 200;

    public const string ProductPrefix = "catalogue:product:";
    public const string CollectionPrefix = "catalogue:collection:";

    public static string ForProduct(string sku) => ProductPrefix + sku;

    public static string ForCollection(string name) => CollectionPrefix + name;

    public static bool TryReadProduct(string text, out string sku) => TryRead(text, ProductPrefix, out sku);

    public static bool TryReadCollection(string text, out string name) => TryRead(text, CollectionPrefix, out name);

    private static bool TryRead(string text, string prefix, out string value)
    {
        var trimmed = text?.Trim() ?? "";
        value = trimmed.StartsWith(prefix, StringComparison.Ordinal) ? trimmed[prefix.Length..] : "";
        return value.Length > 0;
    }
}
