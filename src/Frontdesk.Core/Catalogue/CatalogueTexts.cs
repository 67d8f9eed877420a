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
    string Other,
    string NotifyMe,
    string RestockOffer,
    string RestockConfirmed,
    string BackInStock)
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
        Other: "Other",
        NotifyMe: "Notify me",
        RestockOffer: "Tap \"Notify me\" and we will message you when it is back in stock.",
        RestockConfirmed: "Done: we will message you when {0} is back in stock (for the next {1} days).",
        BackInStock: "Good news: {0} is back in stock!");

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
        Other: "Autres",
        NotifyMe: "Prévenez-moi",
        RestockOffer: "Touchez « Prévenez-moi » et nous vous écrirons dès son retour en stock.",
        RestockConfirmed: "C'est noté : nous vous écrirons dès que {0} sera de retour en stock (pendant {1} jours).",
        BackInStock: "Bonne nouvelle : {0} est de retour en stock !");

    public static CatalogueTexts For(System.Globalization.CultureInfo culture) =>
        culture?.TwoLetterISOLanguageName == "fr" ? French : English;
}
