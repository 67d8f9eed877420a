namespace Frontdesk.Core.Catalogue;

/// <summary>The catalogue's own words, in the business's language (French or English; English otherwise).</summary>
public sealed record CatalogueTexts(
    string InStock,
    string OutOfStock,
    string OutOfStockNotice,
    string ResultsFor,
    string ResultsHeader,
    string SeeProducts,
    string MoreResults,
    string Collections,
    string ChooseCollection,
    string ProductsInCollection,
    string NoMatch,
    string OrderThanks,
    string UnknownProduct,
    string Total,
    string Colon,
    string Other)
{
    public static CatalogueTexts English { get; } = new(
        InStock: "In stock",
        OutOfStock: "Out of stock",
        OutOfStockNotice: "Out of stock at the moment: {0}",
        ResultsFor: "{0} products match \"{1}\":",
        ResultsHeader: "Our products",
        SeeProducts: "See products",
        MoreResults: "{0} of {1} shown, add a word",
        Collections: "Our catalogue: choose a collection.",
        ChooseCollection: "Collections",
        ProductsInCollection: "{0} products",
        NoMatch: "Sorry, we found nothing matching that. Try another word, or send \"catalogue\".",
        OrderThanks: "Thank you for your order!",
        UnknownProduct: "unknown product",
        Total: "Total",
        Colon: ": ",
        Other: "Other");

    public static CatalogueTexts French { get; } = new(
        InStock: "En stock",
        OutOfStock: "Épuisé",
        OutOfStockNotice: "Épuisé pour le moment : {0}",
        ResultsFor: "{0} produits pour « {1} » :",
        ResultsHeader: "Nos produits",
        SeeProducts: "Voir les produits",
        MoreResults: "{0} sur {1} affichés, précisez",
        Collections: "Notre catalogue : choisissez une collection.",
        ChooseCollection: "Collections",
        ProductsInCollection: "{0} produits",
        NoMatch: "Désolé, nous n'avons rien trouvé. Essayez un autre mot, ou envoyez « catalogue ».",
        OrderThanks: "Merci pour votre commande !",
        UnknownProduct: "produit inconnu",
        Total: "Total",
        Colon: " : ",
        Other: "Autres");

    public static CatalogueTexts For(System.Globalization.CultureInfo culture) =>
        culture?.TwoLetterISOLanguageName == "fr" ? French : English;
}
