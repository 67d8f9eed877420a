using Frontdesk.Core.Catalogue;

namespace Frontdesk.Core.Tests.Catalogue;

/// <summary>A French bakery and an English shop, small enough to reason about every hit.</summary>
internal static class TestCatalogues
{
    public static Product Make(
        string sku,
        string title,
        string? collection = null,
        decimal price = 1m,
        bool inStock = true,
        string? description = null,
        string currency = "EUR",
        params string[] keywords) =>
        new()
        {
            Sku = sku,
            Title = title,
            Collection = collection,
            Price = price,
            Currency = currency,
            InStock = inStock,
            Description = description,
            Keywords = keywords,
        };

    public static IReadOnlyList<Product> FrenchProducts { get; } =
    [
        Make("CRO-001", "Croissant au beurre", "Viennoiseries", 1.20m, keywords: ["beurre AOP"]),
        Make("CRO-002", "Croissant aux amandes", "Viennoiseries", 1.80m),
        Make("PAC-001", "Pain au chocolat", "Viennoiseries", 1.30m, keywords: ["chocolatine"]),
        Make("GAL-001", "Galette des rois", "Gâteaux", 18.00m, inStock: false, description: "Frangipane, fève incluse"),
        Make("BAG-001", "Baguette tradition", "Pains", 1.10m),
        Make("PCP-001", "Pain de campagne", "Pains", 3.50m),
        Make("ECL-002", "Éclair au chocolat", "Pâtisseries", 2.60m, inStock: false),
        Make("ECL-001", "Éclair au café", "Pâtisseries", 2.60m),
        Make("TAR-001", "Tarte aux fraises", "Pâtisseries", 4.50m),
        Make("GAT-001", "Gâteau au chocolat", "Gâteaux", 22.00m),
        Make("BRI-001", "Brioche tressée", "Viennoiseries", 4.20m),
        Make("FIN-001", "Financier", "Pâtisseries", 1.50m, keywords: ["amande", "beurre noisette"]),
    ];

    public static IReadOnlyList<Product> EnglishProducts { get; } =
    [
        Make("SHO-RED", "Red running shoes", "Shoes", 89m, currency: "USD"),
        Make("SHO-BLU", "Blue running shoes", "Shoes", 89m, inStock: false, currency: "USD"),
        Make("TSH-001", "Cotton T-shirt", "Clothing", 19m, currency: "USD", keywords: ["tee", "top"]),
        Make("JAM-001", "Strawberry jam", "Pantry", 6.5m, currency: "USD", keywords: ["berries", "fruit"]),
        Make("COK-001", "Chocolate chip cookies", "Pantry", 4m, currency: "USD"),
        Make("BOX-001", "Gift box", "Gifts", 12m, currency: "USD", description: "A box of the month's favourites"),
    ];

    public static CatalogueIndex French { get; } = CatalogueIndex.Build(FrenchProducts);

    public static CatalogueIndex English { get; } = CatalogueIndex.Build(EnglishProducts);

    public static CatalogueSettings FrenchSettings(string? catalogId = null) => new(catalogId, "fr-FR", "Rien trouvé, désolé.", "Merci, commande reçue.");

    public static CatalogueSettings EnglishSettings(string? catalogId = null) => new(catalogId, "en-US", null, null);

    public static IReadOnlyList<string> Skus(this CatalogueSearchResult result) => [.. result.Hits.Select(product => product.Sku)];
}
