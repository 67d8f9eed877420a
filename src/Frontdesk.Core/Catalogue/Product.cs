namespace Frontdesk.Core.Catalogue;

/// <summary>One row of a business's catalogue, as the Catalogue table and the CSV import know it.</summary>
public sealed record Product
{
    /// <summary>The retailer id: the RowKey, and the <c>product_retailer_id</c> of the business's Meta catalogue.</summary>
    public required string Sku { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public required decimal Price { get; init; }

    /// <summary>ISO 4217, upper case.</summary>
    public required string Currency { get; init; }

    public required bool InStock { get; init; }

    public string? Collection { get; init; }

    public IReadOnlyList<string> Keywords { get; init; } = [];

    public string? Link { get; init; }

    public string? ImageLink { get; init; }
}
