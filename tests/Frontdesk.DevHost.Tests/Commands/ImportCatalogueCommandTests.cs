using Azure.Data.Tables;
using Frontdesk.DevHost.Commands;
using Frontdesk.Storage;
using Frontdesk.Testing;

namespace Frontdesk.DevHost.Tests.Commands;

[Collection(CatalogueAzuriteCollection.Name)]
public sealed class ImportCatalogueCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Run_DemoCatalogue_ImportsItIntoTheConfiguredStorage()
    {
        var partition = "9" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var file = Path.Combine(RepositoryRoot.Find(), "samples", "demo-catalogue.csv");
        var output = new StringWriter();
        var errors = new StringWriter();
        var settings = new Dictionary<string, string?> { [StorageNames.Connection] = azurite.ConnectionString };

        var exit = await ImportCatalogueCommand.RunAsync(
            [ImportCatalogueCommand.Name, "--phone-number-id", partition, "--file", file], settings, output, errors, TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        Assert.Contains("\"added\": 27", output.ToString(), StringComparison.Ordinal);
        var table = new TableClient(azurite.ConnectionString, StorageNames.Tables.Catalogue);
        var stored = table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(27, await stored.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Run_SomeRowsRejected_ExitsWithOne()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "id,title,availability,price\nA,Pain,in stock,1.00 EUR\nB,Brioche,maybe,1.00 EUR\n", TestContext.Current.CancellationToken);
        var settings = new Dictionary<string, string?> { [StorageNames.Connection] = azurite.ConnectionString };

        var exit = await ImportCatalogueCommand.RunAsync(["--phone-number-id=default", $"--file={file}"], settings, new StringWriter(), new StringWriter(), TestContext.Current.CancellationToken);

        File.Delete(file);
        Assert.Equal(1, exit);
    }

    [Theory]
    [InlineData("--file x.csv")]
    [InlineData("--phone-number-id 1")]
    [InlineData("--phone-number-id 1 --file /no/such/file.csv")]
    [InlineData("stray")]
    [InlineData("--phone-number-id shop/1 --file x.csv")]
    [InlineData("--phone-number-id")]
    public async Task Run_WrongArguments_PrintsUsageAndExitsWithTwo(string commandLine)
    {
        var errors = new StringWriter();

        var exit = await ImportCatalogueCommand.RunAsync(commandLine.Split(' '), null, new StringWriter(), errors, TestContext.Current.CancellationToken);

        Assert.Equal(2, exit);
        Assert.Contains("import-catalogue", errors.ToString(), StringComparison.Ordinal);
    }
}
