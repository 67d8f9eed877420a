using System.Text;
using Azure.Data.Tables;
using Frontdesk.Core.Catalogue;
using Frontdesk.Storage.Catalogue;
using Frontdesk.Testing;

namespace Frontdesk.Storage.Tests.Catalogue;

public sealed class CatalogueStoreTests(AzuriteFixture azurite)
{
    private const string Number = "106540352242922";

    private readonly TableClient _table = new(azurite.ConnectionString, TestNames.Prefix() + "Catalogue");

    private CatalogueStore Store => new(_table);

    private static CatalogueParseResult Feed(string csv) => CatalogueCsvParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(csv)));

    [Fact]
    public async Task Import_NewFeed_AddsGoodRowsAndReportsBadOnes()
    {
        var feed = Feed("id,title,availability,price,collection,keywords\n" +
            "CRO-001,Croissant,in stock,1.20 EUR,Viennoiseries,\"beurre, matin\"\n" +
            "BAD-1,Pain,maybe,1.00 EUR,,\n" +
            "PAC-001,Pain au chocolat,out of stock,1.30 EUR,Viennoiseries,\n" +
            ",Sans id,in stock,1.00 EUR,,\n");

        var result = await Store.ImportAsync(Number, feed, TestContext.Current.CancellationToken);

        Assert.Equal((2, 0, 0), (result.Added, result.Updated, result.Unchanged));
        Assert.Equal([3, 5], result.Rejected.Select(row => row.Line));
        var stored = (await _table.GetEntityAsync<TableEntity>(Number, "CRO-001", cancellationToken: TestContext.Current.CancellationToken)).Value;
        Assert.Equal(("Croissant", "1.20", "EUR", "in stock", "Viennoiseries", "beurre, matin"),
            (stored.GetString("Title"), stored.GetString("Price"), stored.GetString("Currency"), stored.GetString("Availability"), stored.GetString("Collection"), stored.GetString("Keywords")));
        Assert.Equal(["CRO-001", "PAC-001"], (await Store.ReadProductsAsync(Number, TestContext.Current.CancellationToken)).Select(p => p.Sku));
    }

    [Fact]
    public async Task Import_SameFeedTwice_CountsUnchanged_AndAChangedRowAsUpdated()
    {
        const string Header = "id,title,availability,price\n";
        await Store.ImportAsync(Number, Feed(Header + "A,Pain,in stock,1.00 EUR\nB,Brioche,in stock,4.00 EUR\n"), TestContext.Current.CancellationToken);
        var versionBefore = await Store.ReadVersionAsync(Number, TestContext.Current.CancellationToken);

        var again = await Store.ImportAsync(Number, Feed(Header + "A,Pain,in stock,1.00 EUR\nB,Brioche,in stock,4.00 EUR\n"), TestContext.Current.CancellationToken);
        var versionUnchanged = await Store.ReadVersionAsync(Number, TestContext.Current.CancellationToken);
        var changed = await Store.ImportAsync(Number, Feed(Header + "A,Pain,out of stock,1.00 EUR\nB,Brioche,in stock,4.00 EUR\nC,Tarte,in stock,4.50 EUR\n"), TestContext.Current.CancellationToken);

        Assert.Equal((0, 0, 2), (again.Added, again.Updated, again.Unchanged));
        Assert.Equal(versionBefore, versionUnchanged);
        Assert.Equal((1, 1, 1), (changed.Added, changed.Updated, changed.Unchanged));
        Assert.NotEqual(versionBefore, await Store.ReadVersionAsync(Number, TestContext.Current.CancellationToken));
        Assert.False((await Store.ReadProductsAsync(Number, TestContext.Current.CancellationToken)).Single(p => p.Sku == "A").InStock);
    }

    [Fact]
    public async Task Import_MoreThanOneBatch_StoresEveryRow()
    {
        var csv = new StringBuilder("id,title,availability,price\n");
        for (var i = 0; i < 250; i++)
        {
            csv.Append("P").Append(i).Append(",Produit ").Append(i).Append(",in stock,1.00 EUR\n");
        }

        var result = await Store.ImportAsync(Number, Feed(csv.ToString()), TestContext.Current.CancellationToken);

        Assert.Equal(250, result.Added);
        Assert.Equal(250, (await Store.ReadProductsAsync(Number, TestContext.Current.CancellationToken)).Count);
    }

    [Fact]
    public async Task ReadProducts_PartitionsStaySeparate_AndTheVersionPartitionIsNoCatalogue()
    {
        await Store.ImportAsync(Number, Feed("id,title,availability,price\nA,Pain,in stock,1.00 EUR\n"), TestContext.Current.CancellationToken);
        await Store.ImportAsync("default", Feed("id,title,availability,price\nZ,Autre,in stock,1.00 EUR\n"), TestContext.Current.CancellationToken);

        var own = await Store.ReadProductsAsync(Number, TestContext.Current.CancellationToken);
        var shared = await Store.ReadProductsAsync("default", TestContext.Current.CancellationToken);

        Assert.Equal(["A"], own.Select(p => p.Sku));
        Assert.Equal(["Z"], shared.Select(p => p.Sku));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ReadProductsAsync(CatalogueStore.VersionPartition, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ReadProducts_RowTypedInThePortal_IsReadTolerantly()
    {
        await _table.CreateIfNotExistsAsync(TestContext.Current.CancellationToken);
        await _table.AddEntityAsync(new TableEntity(Number, "HAND-1") { ["Title"] = "Éclair", ["Price"] = 2.6, ["Currency"] = "eur", ["Availability"] = "Out Of Stock" }, TestContext.Current.CancellationToken);
        await _table.AddEntityAsync(new TableEntity(Number, "HAND-2") { ["Description"] = "no title, no price" }, TestContext.Current.CancellationToken);

        var product = Assert.Single(await Store.ReadProductsAsync(Number, TestContext.Current.CancellationToken));

        Assert.Equal(("HAND-1", 2.6m, "EUR", false), (product.Sku, product.Price, product.Currency, product.InStock));
    }

    [Fact]
    public async Task ReadProducts_NoTable_IsAnEmptyCatalogue()
    {
        Assert.Empty(await Store.ReadProductsAsync(Number, TestContext.Current.CancellationToken));
        Assert.Null(await Store.ReadVersionAsync(Number, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ReadProducts_RepeatedValues_AreOneSharedStringEach()
    {
        await Store.ImportAsync(Number, Feed("id,title,availability,price,collection,keywords\n" +
            "A,Croissant,in stock,1.20 EUR,Viennoiseries,\"beurre, matin\"\n" +
            "B,Brioche,in stock,4.00 EUR,Viennoiseries,\"beurre, goûter\"\n"), TestContext.Current.CancellationToken);

        var products = await Store.ReadProductsAsync(Number, TestContext.Current.CancellationToken);

        var (a, b) = (products.Single(p => p.Sku == "A"), products.Single(p => p.Sku == "B"));
        Assert.Same(a.Currency, b.Currency);
        Assert.Same(a.Collection, b.Collection);
        Assert.Same(a.Keywords[0], b.Keywords[0]);
        Assert.Equal(["beurre", "goûter"], b.Keywords);
    }
}
