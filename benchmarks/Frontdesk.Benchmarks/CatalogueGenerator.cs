using Frontdesk.Core.Catalogue;

namespace Frontdesk.Benchmarks;

/// <summary>
/// Deterministic bakery-and-shop catalogues of any size: titles from French and English word pools plus a
/// made-up maker name per product, so the vocabulary grows with the catalogue the way a real one does.
/// </summary>
public static class CatalogueGenerator
{
    private static readonly string[] s_items =
    [
        "croissant", "pain", "baguette", "brioche", "éclair", "tarte", "gâteau", "macaron", "cookie", "muffin",
        "chausson", "galette", "financier", "madeleine", "cannelé", "fraisier", "quiche", "sandwich", "bread", "cake",
        "scone", "bagel", "donut", "pie", "crumble", "flan", "clafoutis", "meringue", "sablé", "panettone",
    ];

    private static readonly string[] s_flavours =
    [
        "chocolat", "amande", "café", "vanille", "fraise", "framboise", "citron", "pistache", "caramel", "noisette",
        "pomme", "abricot", "chocolate", "almond", "lemon", "raspberry", "strawberry", "walnut", "cinnamon", "honey",
    ];

    private static readonly string[] s_adjectives =
    [
        "tradition", "complet", "bio", "maison", "royal", "glacé", "fourré", "classic", "double", "mini", "large",
        "rustique", "feuilleté", "vegan", "sans gluten",
    ];

    private static readonly string[] s_collections =
    [
        "Viennoiseries", "Pains", "Pâtisseries", "Gâteaux", "Salé", "Boissons", "Biscuits", "Fêtes", "Snacks", "Breads",
        "Cakes", "Pastries", "Gifts", "Épicerie", "Traiteur",
    ];

    private static readonly string[] s_syllables = ["ka", "lo", "mi", "ra", "ve", "to", "su", "ne", "bi", "do", "fa", "gu", "pe", "zi", "cho"];

    public static IReadOnlyList<Product> Generate(int count, int seed = 42)
    {
        var random = new Random(seed);
        var products = new Product[count];
        for (var i = 0; i < count; i++)
        {
            var item = Pick(random, s_items);
            var flavour = Pick(random, s_flavours);
            var maker = Maker(random);
            var title = random.Next(3) switch
            {
                0 => $"{Capitalise(item)} {flavour} {maker}",
                1 => $"{Capitalise(item)} {Pick(random, s_adjectives)} {flavour} {maker}",
                _ => $"{Capitalise(item)} {Pick(random, s_adjectives)} {maker}",
            };
            products[i] = new Product
            {
                Sku = $"SKU-{i:000000}",
                Title = title,
                Description = $"{Capitalise(Pick(random, s_adjectives))}, {Pick(random, s_flavours)} et {Pick(random, s_flavours)}. Fait par {maker}.",
                Price = Math.Round((decimal)(random.NextDouble() * 40 + 0.5), 2),
                Currency = "EUR",
                InStock = random.Next(10) != 0,
                Collection = Pick(random, s_collections),
                Keywords = [Pick(random, s_flavours), Pick(random, s_items)],
            };
        }

        return products;
    }

    private static string Pick(Random random, string[] pool) => pool[random.Next(pool.Length)];

    private static string Maker(Random random)
    {
        var length = random.Next(2, 5);
        return string.Concat(Enumerable.Range(0, length).Select(_ => Pick(random, s_syllables)));
    }

    private static string Capitalise(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
