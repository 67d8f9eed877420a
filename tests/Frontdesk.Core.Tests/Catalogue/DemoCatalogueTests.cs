using Frontdesk.Core.Catalogue;
using Frontdesk.Testing;

namespace Frontdesk.Core.Tests.Catalogue;

/// <summary>The demo business's catalogue (samples/demo-catalogue.csv) parses cleanly and answers like a shop would.</summary>
public sealed class DemoCatalogueTests
{
    private static readonly Lazy<CatalogueParseResult> s_parsed = new(() =>
    {
        using var file = File.OpenRead(Path.Combine(RepositoryRoot.Find(), "samples", "demo-catalogue.csv"));
        return CatalogueCsvParser.Parse(file);
    });

    private static CatalogueIndex Index => CatalogueIndex.Build(s_parsed.Value.Products.Select(p => p.Product));

    [Fact]
    public void Parse_DemoCatalogue_HasNoRejectionsSeveralCollectionsAndSomeOutOfStock()
    {
        var products = s_parsed.Value.Products.Select(p => p.Product).ToList();

        Assert.Empty(s_parsed.Value.Rejected);
        Assert.InRange(products.Count, 20, 30);
        Assert.InRange(products.Select(p => p.Collection).Distinct().Count(), 4, 10);
        Assert.Contains(products, p => !p.InStock);
        Assert.Equal("Macarons, boîte de 6", products.Single(p => p.Sku == "PAT-MAC").Title);
    }

    [Theory]
    [InlineData("fr-FR", "prix des croissants ?", "VIE-CRO")]
    [InlineData("fr-FR", "chocolatine", "VIE-PAC")]
    [InlineData("fr-FR", "éclairs au chocolat", "PAT-ECL")]
    [InlineData("en-GB", "do you have hot chocolate?", "BOI-CHO")]
    [InlineData("en-GB", "birthday cake", "GAT-ANN")]
    [InlineData("en-GB", "sourdough", "PAI-CAM")]
    public void Search_DemoCatalogue_AnswersTypicalQuestions(string culture, string query, string expectedFirst)
    {
        var result = Index.Search(query, StopWords.For(culture), CatalogueSearchMode.Browse, 10);

        Assert.Equal(expectedFirst, result.Hits[0].Sku);
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("en-GB")]
    [InlineData("de-DE")]
    public void Search_DemoCatalogue_TrottinettesIsNotTheGaletteWhateverTheBusinessCulture(string culture)
    {
        // The demo bakery is en-GB; its customers still write French.
        Assert.Equal(0, Index.Search("avez-vous des trottinettes ?", StopWords.For(culture), CatalogueSearchMode.Browse, 10).Total);
    }

    [Fact]
    public void Search_DemoCatalogue_FrenchQuestionToAnEnglishBusiness_FindsOnlyCroissants()
    {
        var result = Index.Search("des croissants", StopWords.For("en-GB"), CatalogueSearchMode.Browse, 10);

        Assert.NotEqual(0, result.Total);
        Assert.DoesNotContain(result.Hits, h => h.Sku == "GAT-GAL");
    }
}
