using CsvHelper;

namespace Frontdesk.Core.Catalogue;

/// <summary>One record of a feed, read by column name, validated into a <see cref="Product"/>.</summary>
internal sealed class CatalogueCsvRow(CsvReader reader, CatalogueColumns columns)
{
    /// <summary>Characters Azure Table Storage refuses in a RowKey, plus control characters.</summary>
    private static readonly char[] s_forbiddenInId = ['/', '\\', '#', '?'];

    public string? Get(string column)
    {
        if (columns.IndexOf(column) is not { } index || index >= reader.FieldCount)
        {
            return null;
        }

        var value = reader.GetString(index);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public (Product? Product, string? Reason) ToProduct(string? defaultCurrency)
    {
        var id = Get("id");
        if (id is null)
        {
            return (null, "missing id");
        }

        if (id.Length > CatalogueCsvParser.MaxIdLength)
        {
            return (null, $"id longer than {CatalogueCsvParser.MaxIdLength} characters");
        }

        if (id.IndexOfAny(s_forbiddenInId) >= 0 || id.Any(char.IsControl))
        {
            return (null, "id contains a character Table Storage refuses (/ \\ # ? or a control character)");
        }

        var title = Get("title");
        if (title is null)
        {
            return (null, "missing title");
        }

        var availabilityText = Get("availability");
        if (ProductAvailability.TryParse(availabilityText) is not { } inStock)
        {
            return (null, availabilityText is null
                ? "missing availability (in stock | out of stock)"
                : $"unknown availability '{availabilityText}' (in stock | out of stock)");
        }

        var priceText = Get("price");
        if (priceText is null)
        {
            return (null, "missing price");
        }

        if (!PriceText.TryParse(priceText, defaultCurrency, out var price, out var currency, out var priceError))
        {
            return (null, priceError);
        }

        return (new Product
        {
            Sku = id,
            Title = title,
            Description = Get("description"),
            Price = price,
            Currency = currency,
            InStock = inStock,
            Collection = Get("collection") ?? LastSegment(Get("product_type")),
            Keywords = SplitKeywords(Get("keywords")),
            Link = Get("link"),
            ImageLink = Get("image_link"),
        }, null);
    }

    /// <summary>Meta's <c>product_type</c> is a path like <c>Bakery &gt; Bread</c>; its leaf is a fair collection.</summary>
    private static string? LastSegment(string? productType) =>
        productType?.Split('>', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault();

    private static string[] SplitKeywords(string? keywords) =>
        keywords?.Split([',', ';', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
}
