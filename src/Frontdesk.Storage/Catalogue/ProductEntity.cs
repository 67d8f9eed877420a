using System.Globalization;
using Azure.Data.Tables;
using Frontdesk.Core.Catalogue;

namespace Frontdesk.Storage.Catalogue;

/// <summary>
/// The Catalogue table's row for a product (PartitionKey the phone_number_id or <c>default</c>, RowKey the SKU).
/// Prices are stored as strings with a dot (<c>12.50</c>) so an operator can read and edit them in the portal.
/// </summary>
internal static class ProductEntity
{
    private static readonly string[] s_columns =
        ["Title", "Description", "Price", "Currency", "Availability", "Collection", "Keywords", "Link", "ImageLink"];

    public static TableEntity From(string partitionKey, Product product)
    {
        var entity = new TableEntity(partitionKey, product.Sku)
        {
            ["Title"] = product.Title,
            ["Price"] = product.Price.ToString(CultureInfo.InvariantCulture),
            ["Currency"] = product.Currency,
            ["Availability"] = ProductAvailability.Format(product.InStock),
            ["Keywords"] = string.Join(", ", product.Keywords),
        };
        SetIfAny(entity, "Description", product.Description);
        SetIfAny(entity, "Collection", product.Collection);
        SetIfAny(entity, "Link", product.Link);
        SetIfAny(entity, "ImageLink", product.ImageLink);
        return entity;
    }

    /// <summary>
    /// The product a row describes, or null when an operator left it unusable (no title, no price). Values rows
    /// repeat (currency, collection, keywords) come from <paramref name="pool"/>, so a catalogue keeps one copy each.
    /// </summary>
    public static Product? ToProduct(TableEntity entity, StringPool pool)
    {
        var title = entity.GetString("Title");
        if (string.IsNullOrWhiteSpace(title) || ReadPrice(entity) is not { } price)
        {
            return null;
        }

        return new Product
        {
            Sku = entity.RowKey,
            Title = title,
            Description = entity.GetString("Description"),
            Price = price,
            Currency = pool.Intern((entity.GetString("Currency") ?? "").Trim().ToUpperInvariant()),
            // A row an operator typed by hand with a typo in Availability is shown, not hidden.
            InStock = ProductAvailability.TryParse(entity.GetString("Availability")) ?? true,
            Collection = pool.InternOrNull(entity.GetString("Collection")),
            Keywords = pool.Intern((entity.GetString("Keywords") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
            Link = entity.GetString("Link"),
            ImageLink = entity.GetString("ImageLink"),
        };
    }

    /// <summary>Same content in every column the catalogue owns (other columns an operator added are ignored).</summary>
    public static bool SameContent(TableEntity stored, TableEntity candidate) =>
        s_columns.All(column => string.Equals(Text(stored, column), Text(candidate, column), StringComparison.Ordinal));

    private static decimal? ReadPrice(TableEntity entity) => entity.TryGetValue("Price", out var value) ? value switch
    {
        string text when decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price) => price,
        double number => (decimal)number,
        int number => number,
        long number => number,
        _ => null,
    } : null;

    private static string? Text(TableEntity entity, string column) =>
        entity.TryGetValue(column, out var value) && value is not null
            ? Convert.ToString(value, CultureInfo.InvariantCulture) is { Length: > 0 } text ? text : null
            : null;

    private static void SetIfAny(TableEntity entity, string column, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            entity[column] = value;
        }
    }
}
