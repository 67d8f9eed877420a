using System.Text;
using Frontdesk.Core.Catalogue;
using Frontdesk.Core.Limits;

namespace Frontdesk.Core.Tests.Catalogue;

public sealed class CatalogueCsvParserTests
{
    private const string Header = "id,title,description,availability,condition,price,link,image_link,brand";

    private static CatalogueParseResult Parse(string csv, string? defaultCurrency = null, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        if (bom)
        {
            bytes = [.. Encoding.UTF8.GetPreamble(), .. bytes];
        }

        return CatalogueCsvParser.Parse(new MemoryStream(bytes), defaultCurrency);
    }

    [Fact]
    public void Parse_MetaFeed_ReadsEveryColumn()
    {
        var csv = Header + ",collection,keywords\n" +
            "CRO-001,Croissant au beurre,Pur beurre,in stock,new,1.20 EUR,https://shop.example/cro,https://shop.example/cro.jpg,Maison,Viennoiseries,\"beurre, matin\"\n";

        var result = Parse(csv);

        var product = Assert.Single(result.Products).Product;
        Assert.Empty(result.Rejected);
        Assert.Equal("CRO-001", product.Sku);
        Assert.Equal("Croissant au beurre", product.Title);
        Assert.Equal("Pur beurre", product.Description);
        Assert.Equal(1.20m, product.Price);
        Assert.Equal("EUR", product.Currency);
        Assert.True(product.InStock);
        Assert.Equal("Viennoiseries", product.Collection);
        Assert.Equal(["beurre", "matin"], product.Keywords);
        Assert.Equal("https://shop.example/cro", product.Link);
        Assert.Equal("https://shop.example/cro.jpg", product.ImageLink);
    }

    [Fact]
    public void Parse_QuotedCommasAndNewLines_KeepsThemInTheField()
    {
        var csv = Header + "\n" +
            "A1,\"Tarte, fraises\",\"Ligne un\nligne \"\"deux\"\"\",in stock,new,4.50 EUR,,,\n" +
            "A2,Baguette,,in stock,new,1.10 EUR,,,\n";

        var result = Parse(csv);

        Assert.Equal(["A1", "A2"], result.Products.Select(p => p.Product.Sku));
        Assert.Equal("Tarte, fraises", result.Products[0].Product.Title);
        Assert.Equal("Ligne un\nligne \"deux\"", result.Products[0].Product.Description);
        Assert.Equal(2, result.Products[0].Line);
        Assert.Equal(4, result.Products[1].Line);
    }

    [Fact]
    public void Parse_Bom_DoesNotCorruptTheFirstHeader()
    {
        var result = Parse(Header + "\nA1,Baguette,,in stock,new,1.10 EUR,,,\n", bom: true);

        Assert.Equal("A1", Assert.Single(result.Products).Product.Sku);
        Assert.Empty(result.Rejected);
    }

    [Fact]
    public void Parse_ColumnsInAnyOrderAndCase_AreFoundByName()
    {
        var result = Parse("Price,AVAILABILITY,Title,ID\n2.00 GBP,out of stock,Scone,S1\n");

        var product = Assert.Single(result.Products).Product;
        Assert.Equal(("S1", "Scone", 2.00m, "GBP", false), (product.Sku, product.Title, product.Price, product.Currency, product.InStock));
    }

    [Fact]
    public void Parse_MissingRequiredColumns_RejectsTheFileWithTheirNames()
    {
        var result = Parse("title,availability\nScone,in stock\n");

        Assert.Empty(result.Products);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(1, rejected.Line);
        Assert.Contains("id", rejected.Reason, StringComparison.Ordinal);
        Assert.Contains("price", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyFile_IsRejectedNotThrown()
    {
        var result = Parse("");

        Assert.Empty(result.Products);
        Assert.Single(result.Rejected);
    }

    [Theory]
    [InlineData("12.50 EUR", "EUR", 12.50)]
    [InlineData("12.50 eur", "EUR", 12.50)]
    [InlineData("EUR 12.50", "EUR", 12.50)]
    [InlineData("3 USD", "USD", 3)]
    [InlineData("12.50", "CHF", 12.50)]
    public void Parse_Prices_WithOrWithoutCurrency(string price, string currency, decimal amount)
    {
        var result = Parse($"id,title,availability,price\nP1,Pain,in stock,{price}\n", defaultCurrency: "CHF");

        var product = Assert.Single(result.Products).Product;
        Assert.Equal((amount, currency), (product.Price, product.Currency));
    }

    [Theory]
    [InlineData("id,title,availability,price\n,Pain,in stock,1.00 EUR\n", "missing id")]
    [InlineData("id,title,availability,price\nP1,Pain,in stock,douze\n", "unparsable price")]
    [InlineData("id,title,availability,price\nP1,Pain,in stock,\"12,50 EUR\"\n", "unparsable price")]
    [InlineData("id,title,availability,price\nP1,Pain,in stock,12.50\n", "no currency")]
    [InlineData("id,title,availability,price\nP1,Pain,in stock,12.50 EURO\n", "unparsable price")]
    [InlineData("id,title,availability,price\nP1,Pain,preorder,1.00 EUR\n", "unknown availability 'preorder'")]
    [InlineData("id,title,availability,price\nP1,Pain,,1.00 EUR\n", "missing availability")]
    [InlineData("id,title,availability,price\nP1,,in stock,1.00 EUR\n", "missing title")]
    [InlineData("id,title,availability,price\nA/B,Pain,in stock,1.00 EUR\n", "Table Storage refuses")]
    public void Parse_BadRow_IsRejectedWithLineAndReason(string csv, string reason)
    {
        var result = Parse(csv);

        Assert.Empty(result.Products);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(2, rejected.Line);
        Assert.Contains(reason, rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadRowsAmongGoodOnes_NeverStopTheGoodOnes()
    {
        var csv = "id,title,availability,price\n" +
            "P1,Pain,in stock,1.00 EUR\n" +
            ",Sans id,in stock,1.00 EUR\n" +
            "P2,Brioche,sold out,4.00 EUR\n" +
            "P3,Tarte,out_of_stock,4.50 EUR\n" +
            "P1,Doublon,in stock,1.00 EUR\n" +
            "P4,Éclair,In Stock,2.60 EUR\n";

        var result = Parse(csv);

        Assert.Equal(["P1", "P3", "P4"], result.Products.Select(p => p.Product.Sku));
        Assert.False(result.Products[1].Product.InStock);
        Assert.Equal([3, 4, 6], result.Rejected.Select(r => r.Line));
        Assert.Contains("duplicate id (first seen on line 2)", result.Rejected[2].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ShortRow_ReadsMissingTrailingColumnsAsEmpty()
    {
        var result = Parse("id,title,availability,price,description,collection\nP1,Pain,in stock,1.00 EUR\n");

        var product = Assert.Single(result.Products).Product;
        Assert.Null(product.Description);
        Assert.Null(product.Collection);
    }

    [Fact]
    public void Parse_ProductTypeWithoutCollection_UsesItsLeafAsCollection()
    {
        var result = Parse("id,title,availability,price,product_type\nP1,Pain,in stock,1.00 EUR,Boulangerie > Pains\n");

        Assert.Equal("Pains", Assert.Single(result.Products).Product.Collection);
    }

    [Fact]
    public void Parse_TabSeparatedFeed_IsReadToo()
    {
        var result = Parse("id\ttitle\tavailability\tprice\nP1\tPain, complet\tin stock\t1.00 EUR\n");

        Assert.Equal("Pain, complet", Assert.Single(result.Products).Product.Title);
    }

    [Fact]
    public void Parse_MoreRowsThanOneImportTakes_StopsAndSaysSo()
    {
        var csv = new StringBuilder("id,title,availability,price\n");
        for (var i = 0; i <= InputLimits.CatalogueRows; i++)
        {
            csv.Append('S').Append(i).Append(",P,in stock,1.00 EUR\n");
        }

        var result = Parse(csv.ToString());

        Assert.True(result.OverRowLimit);
        Assert.Equal(InputLimits.CatalogueRows, result.Products.Count);
        Assert.False(Parse("id,title,availability,price\nA,P,in stock,1.00 EUR\n").OverRowLimit);
    }
}
