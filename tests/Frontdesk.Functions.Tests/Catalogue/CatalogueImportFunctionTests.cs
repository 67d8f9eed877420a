using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Frontdesk.Core;
using Frontdesk.Core.Catalogue;
using Frontdesk.Core.Restock;
using Frontdesk.Functions.Catalogue;
using Frontdesk.Functions.Tests.Http;
using Frontdesk.Storage.Catalogue;
using Frontdesk.Storage.Restock;
using Frontdesk.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Frontdesk.Functions.Tests.Catalogue;

[Collection(CatalogueAzuriteCollection.Name)]
public sealed class CatalogueImportFunctionTests(AzuriteFixture azurite)
{
    private const string Number = "106540352242922";

    private readonly TableClient _table = new(azurite.ConnectionString, TestNames.Prefix() + "Catalogue");

    private (CatalogueImportFunction Function, TableCatalogueIndexProvider Indexes) Create()
    {
        var store = new CatalogueStore(_table);
        var indexes = new TableCatalogueIndexProvider(store, Options.Create(new FrontdeskOptions()), Options.Create(new CatalogueOptions()), TimeProvider.System, NullLogger<TableCatalogueIndexProvider>.Instance);
        var importer = new CatalogueImporter(store, indexes, new RestockDetector(new InMemorySubscriptionStore(), new ProductLookup(store), new InMemoryRestockAlertQueue(), TimeProvider.System, NullLogger<RestockDetector>.Instance), NullLogger<CatalogueImporter>.Instance);
        return (new CatalogueImportFunction(importer, NullLogger<CatalogueImportFunction>.Instance), indexes);
    }

    private static HttpRequest Request(string query, byte[] body)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.QueryString = new QueryString(query);
        context.Request.ContentType = "text/csv";
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = body.Length;
        return context.Request;
    }

    [Fact]
    public async Task Post_DemoCatalogue_ImportsEveryRowAndTheNumberCanBeSearched()
    {
        var (function, indexes) = Create();
        var csv = await File.ReadAllBytesAsync(Path.Combine(RepositoryRoot.Find(), "samples", "demo-catalogue.csv"), TestContext.Current.CancellationToken);

        var response = await function.Run(Request($"?phoneNumberId={Number}", csv), TestContext.Current.CancellationToken);

        var content = Assert.IsType<ContentResult>(response);
        Assert.Equal(StatusCodes.Status200OK, content.StatusCode);
        using var report = JsonDocument.Parse(content.Content!);
        Assert.Equal(27, report.RootElement.GetProperty("added").GetInt32());
        Assert.Equal(0, report.RootElement.GetProperty("rejectedCount").GetInt32());
        var index = await indexes.GetAsync(Number, TestContext.Current.CancellationToken);
        Assert.Equal("VIE-PAC", index.Search("chocolatines", StopWords.For("fr-FR"), CatalogueSearchMode.Browse, 10).Hits[0].Sku);
    }

    [Fact]
    public async Task Post_BadRows_AnswersTheirLinesAndReasons()
    {
        var (function, _) = Create();
        var csv = Encoding.UTF8.GetBytes("id,title,availability,price\nA,Pain,in stock,1.00 EUR\nB,Brioche,in stock,douze\n,Tarte,in stock,4.50 EUR\n");

        var response = await function.Run(Request($"?phoneNumberId={Number}", csv), TestContext.Current.CancellationToken);

        using var report = JsonDocument.Parse(Assert.IsType<ContentResult>(response).Content!);
        var rejected = report.RootElement.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal(1, report.RootElement.GetProperty("added").GetInt32());
        Assert.Equal([3, 4], rejected.Select(row => row.GetProperty("line").GetInt32()));
        Assert.Contains("unparsable price", rejected[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("missing id", rejected[1].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_DefaultCurrency_AppliesToPricesWithoutOne()
    {
        var (function, indexes) = Create();

        await function.Run(Request($"?phoneNumberId={Number}&currency=chf", Encoding.UTF8.GetBytes("id,title,availability,price\nA,Pain,in stock,1.00\n")), TestContext.Current.CancellationToken);

        Assert.Equal("CHF", (await indexes.GetAsync(Number, TestContext.Current.CancellationToken)).FindBySku("A")!.Currency);
    }

    [Theory]
    [InlineData("", "id,title,availability,price\nA,Pain,in stock,1.00 EUR\n", "phoneNumberId")]
    [InlineData("?phoneNumberId=", "id,title,availability,price\nA,Pain,in stock,1.00 EUR\n", "phoneNumberId")]
    [InlineData("?phoneNumberId=abc/def", "id,title,availability,price\nA,Pain,in stock,1.00 EUR\n", "is neither the business number's phone_number_id")]
    [InlineData("?phoneNumberId=106540352242922", "", "body is empty")]
    [InlineData("?phoneNumberId=106540352242922&currency=euro", "id\n", "ISO 4217")]
    public async Task Post_BadRequest_Answers400WithAClearMessage(string query, string body, string message)
    {
        var (function, _) = Create();

        var response = await function.Run(Request(query, Encoding.UTF8.GetBytes(body)), TestContext.Current.CancellationToken);

        Assert.Contains(message, ProblemAssert.Detail(StatusCodes.Status400BadRequest, response), StringComparison.Ordinal);
    }

    [Fact]
    public void Route_DoesNotStartWithAdmin_WhichTheFunctionsHostReserves()
    {
        Assert.False(CatalogueImportFunction.Route.StartsWith("admin", StringComparison.OrdinalIgnoreCase));
    }
}
