using Frontdesk.Core.Catalogue;

namespace Frontdesk.Benchmarks;

/// <summary>The customer queries every catalogue benchmark and report runs, with the mode the responder would use.</summary>
public static class CatalogueQueries
{
    public static IReadOnlyList<CatalogueQuery> All { get; } =
    [
        new("one word", "croissants", CatalogueSearchMode.Browse),
        new("two words", "tarte citron", CatalogueSearchMode.Browse),
        new("typos", "croisant pistahce", CatalogueSearchMode.Browse),
        new("strict sentence", "bonjour, je voudrais un pain au chocolat svp", CatalogueSearchMode.Strict),
        new("SKU", "SKU-000123", CatalogueSearchMode.Browse),
        new("no hit", "avez-vous des trottinettes ?", CatalogueSearchMode.Browse),
    ];
}

public sealed record CatalogueQuery(string Name, string Text, CatalogueSearchMode Mode)
{
    public override string ToString() => Name;
}
