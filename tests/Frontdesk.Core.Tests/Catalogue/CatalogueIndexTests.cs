using Frontdesk.Core.Catalogue;

namespace Frontdesk.Core.Tests.Catalogue;

public sealed class CatalogueIndexTests
{
    private static readonly StopWords s_french = StopWords.For("fr-FR");
    private static readonly StopWords s_english = StopWords.For("en-US");

    private static CatalogueSearchResult Browse(string query) =>
        TestCatalogues.French.Search(query, s_french, CatalogueSearchMode.Browse, 30);

    private static CatalogueSearchResult Strict(string query) =>
        TestCatalogues.French.Search(query, s_french, CatalogueSearchMode.Strict, 30);

    private static CatalogueSearchResult BrowseEnglish(string query) =>
        TestCatalogues.English.Search(query, s_english, CatalogueSearchMode.Browse, 30);

    [Theory]
    [InlineData("croissant")]
    [InlineData("croissants")]
    [InlineData("CROISSANTS")]
    [InlineData("Croissants ?")]
    public void Search_CaseAndPlural_FindsBothCroissants(string query)
    {
        Assert.Equal(["CRO-001", "CRO-002"], Browse(query).Skus().Order());
    }

    [Theory]
    [InlineData("eclair")]
    [InlineData("éclairs")]
    [InlineData("ÉCLAIR")]
    public void Search_Accents_AreIgnoredAndInStockComesFirst(string query)
    {
        Assert.Equal(["ECL-001", "ECL-002"], Browse(query).Skus());
    }

    [Theory]
    [InlineData("pain au chocolat")]
    [InlineData("chocolat pain")]
    [InlineData("du chocolat dans du pain")]
    public void Search_WordOrder_IsFree(string query)
    {
        Assert.Equal(["PAC-001"], Browse(query).Skus());
    }

    [Theory]
    [InlineData("croisant", "CRO-001")]
    [InlineData("croissnat", "CRO-001")]
    [InlineData("trate", "TAR-001")]
    [InlineData("chocolatines", "PAC-001")]
    [InlineData("brioshe", "BRI-001")]
    public void Search_OneTypoInALongWord_IsForgiven(string query, string expected)
    {
        Assert.Contains(expected, Browse(query).Skus());
    }

    [Theory]
    [InlineData("pian")]
    [InlineData("cafr")]
    [InlineData("croisssannt")]
    public void Search_TypoInAShortWordOrTwoTypos_FindsNothing(string query)
    {
        Assert.Equal(0, Browse(query).Total);
    }

    [Theory]
    [InlineData("GAL-001")]
    [InlineData("gal-001")]
    [InlineData("vous avez le GAL-001 ?")]
    public void Search_Sku_FindsThatProduct(string query)
    {
        var result = Browse(query);

        Assert.Equal(["GAL-001"], result.Skus());
        Assert.Equal(CatalogueMatchKind.Sku, result.Kind);
    }

    [Theory]
    [InlineData("avez-vous des trottinettes ?")]
    [InlineData("des")]
    [InlineData("le la les de du")]
    public void Search_StopWords_NeverMakeAHitByThemselves(string query)
    {
        Assert.Equal(0, Browse(query).Total);
    }

    [Fact]
    public void Search_AMeaningfulWordBesideStopWords_StillHits()
    {
        Assert.Equal(["GAL-001"], Browse("vous avez des rois ?").Skus());
    }

    [Fact]
    public void Search_TitleRanksBeforeKeywords()
    {
        Assert.Equal(["CRO-002", "FIN-001"], Browse("amandes").Skus());
    }

    [Fact]
    public void Search_KeywordsRankBeforeCollection()
    {
        // "beurre" is in a title (CRO-001) and FIN-001's keywords; nothing in collections.
        Assert.Equal(["CRO-001", "FIN-001"], Browse("beurre").Skus());
    }

    [Fact]
    public void Search_CollectionRanksBeforeDescription_AndTitleBeforeCollection()
    {
        var skus = Browse("gâteaux").Skus();

        Assert.Equal("GAT-001", skus[0]);
        Assert.Contains("GAL-001", skus);
    }

    [Fact]
    public void Search_Description_IsSearchedLast()
    {
        Assert.Equal(["GAL-001"], Browse("frangipane").Skus());
    }

    [Fact]
    public void Search_MoreQueryWordsMatched_Wins()
    {
        Assert.Equal(["ECL-002"], Browse("éclair chocolat").Skus());
    }

    [Fact]
    public void Search_Limit_KeepsTheBestAndCountsAll()
    {
        var result = TestCatalogues.French.Search("viennoiseries", s_french, CatalogueSearchMode.Browse, 2);

        Assert.Equal(4, result.Total);
        Assert.Equal(2, result.Hits.Count);
    }

    [Theory]
    [InlineData("do you have the red shoes?", new[] { "SHO-RED" })]
    [InlineData("shoes", new[] { "SHO-RED", "SHO-BLU" })]
    [InlineData("strawberries", new[] { "JAM-001" })]
    [InlineData("berry", new[] { "JAM-001" })]
    [InlineData("cookie", new[] { "COK-001" })]
    [InlineData("boxes", new[] { "BOX-001" })]
    [InlineData("tees", new[] { "TSH-001" })]
    [InlineData("runing shoes", new[] { "SHO-RED", "SHO-BLU" })]
    public void Search_EnglishCatalogue(string query, string[] expected)
    {
        Assert.Equal(expected, BrowseEnglish(query).Skus());
    }

    [Fact]
    public void Search_EnglishStopWords_NeverMakeAHit()
    {
        Assert.Equal(0, BrowseEnglish("do you have any of the").Total);
    }

    [Fact]
    public void Strict_TextNamingAWholeTitle_Answers()
    {
        Assert.Equal(["PAC-001"], Strict("Bonjour, je voudrais un pain au chocolat svp").Skus());
    }

    [Theory]
    [InlineData("bonjour, vous êtes ouverts demain ?")]
    [InlineData("avez-vous des trottinettes ?")]
    [InlineData("frangipane")]
    [InlineData("chocolat")]
    public void Strict_TextNotNamingAProduct_FindsNothing(string query)
    {
        var result = Strict(query);

        // "chocolat" alone matches three titles in part; strict mode answers only a whole title or every word.
        if (query == "chocolat")
        {
            Assert.All(result.Hits, product => Assert.Contains("chocolat", product.Title, StringComparison.OrdinalIgnoreCase));
        }
        else
        {
            Assert.Equal(0, result.Total);
        }
    }

    [Fact]
    public void Collections_AreCountedLargestFirst()
    {
        Assert.Equal(
            [new CatalogueCollection("Pâtisseries", 4), new CatalogueCollection("Viennoiseries", 4), new CatalogueCollection("Gâteaux", 2), new CatalogueCollection("Pains", 2)],
            TestCatalogues.French.Collections);
    }

    [Fact]
    public void InCollection_ListsInStockFirst()
    {
        Assert.Equal(["ECL-001", "FIN-001", "TAR-001", "ECL-002"], TestCatalogues.French.InCollection("pâtisseries", 10).Select(p => p.Sku));
    }
}
