using System.Text;
using Azure.Data.Tables;
using Frontdesk.Core;
using Frontdesk.Core.Catalogue;
using Frontdesk.Core.Restock;
using Frontdesk.Core.Telemetry;
using Frontdesk.Storage.Catalogue;
using Frontdesk.Storage.Restock;
using Frontdesk.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Frontdesk.Storage.Tests.Catalogue;

public sealed class TableCatalogueIndexProviderTests(AzuriteFixture azurite)
{
    private const string Number = "106540352242922";
    private const string Header = "id,title,availability,price\n";

    private readonly TableClient _table = new(azurite.ConnectionString, TestNames.Prefix() + "Catalogue");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-26T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private CatalogueStore Store => new(_table);

    private TableCatalogueIndexProvider Provider() =>
        new(Store, Options.Create(new FrontdeskOptions { CacheSeconds = 30 }), Options.Create(new CatalogueOptions()), _time, NullLogger<TableCatalogueIndexProvider>.Instance);

    private static Stream Csv(string rows) => new MemoryStream(Encoding.UTF8.GetBytes(Header + rows));

    private Task ImportElsewhereAsync(string partition, string rows) =>
        Store.ImportAsync(partition, CatalogueCsvParser.Parse(Csv(rows)), TestContext.Current.CancellationToken);

    [Fact]
    public async Task Get_ImportOnThisInstance_IsSeenAtOnce()
    {
        var provider = Provider();
        var importer = new CatalogueImporter(Store, provider, new RestockDetector(new InMemorySubscriptionStore(), new ProductLookup(Store), new InMemoryRestockAlertQueue(), TimeProvider.System, NullLogger<RestockDetector>.Instance), NullLogger<CatalogueImporter>.Instance);
        await ImportElsewhereAsync(Number, "A,Pain,in stock,1.00 EUR\n");
        Assert.Equal(1, (await provider.GetAsync(Number, TestContext.Current.CancellationToken)).Count);

        await importer.ImportAsync(Number, Csv("B,Brioche,in stock,4.00 EUR\n"), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, (await provider.GetAsync(Number, TestContext.Current.CancellationToken)).Count);
    }

    [Fact]
    public async Task Get_ImportOnAnotherInstance_IsSeenAtTheFirstCheckAfterCacheSeconds()
    {
        var provider = Provider();
        await ImportElsewhereAsync(Number, "A,Pain,in stock,1.00 EUR\n");
        await provider.GetAsync(Number, TestContext.Current.CancellationToken);
        await ImportElsewhereAsync(Number, "B,Brioche,in stock,4.00 EUR\n");

        await provider.RefreshIfDueAsync(Number, TestContext.Current.CancellationToken);
        var beforeDue = (await provider.GetAsync(Number, TestContext.Current.CancellationToken)).Count;
        _time.Advance(TimeSpan.FromSeconds(30));
        await provider.RefreshIfDueAsync(Number, TestContext.Current.CancellationToken);
        var afterDue = (await provider.GetAsync(Number, TestContext.Current.CancellationToken)).Count;

        Assert.Equal((1, 2), (beforeDue, afterDue));
    }

    [Fact]
    public async Task Get_PortalEditWithoutMarker_IsSeenAfterTheFullReloadPeriod()
    {
        var provider = Provider();
        await ImportElsewhereAsync(Number, "A,Pain,in stock,1.00 EUR\n");
        await provider.GetAsync(Number, TestContext.Current.CancellationToken);
        await _table.UpsertEntityAsync(new TableEntity(Number, "A") { ["Title"] = "Pain", ["Price"] = "1.00", ["Currency"] = "EUR", ["Availability"] = "out of stock" }, TableUpdateMode.Replace, TestContext.Current.CancellationToken);

        _time.Advance(TimeSpan.FromSeconds(30));
        await provider.RefreshIfDueAsync(Number, TestContext.Current.CancellationToken);
        var afterCheck = (await provider.GetAsync(Number, TestContext.Current.CancellationToken)).FindBySku("A")!.InStock;
        _time.Advance(TimeSpan.FromSeconds(30 * TableCatalogueIndexProvider.FullReloadFactor));
        await provider.RefreshIfDueAsync(Number, TestContext.Current.CancellationToken);
        var afterFullReload = (await provider.GetAsync(Number, TestContext.Current.CancellationToken)).FindBySku("A")!.InStock;

        Assert.Equal((true, false), (afterCheck, afterFullReload));
    }

    [Fact]
    public async Task Get_NumberWithoutCatalogue_UsesTheDefaultPartition()
    {
        await ImportElsewhereAsync("default", "D,Défaut,in stock,1.00 EUR\n");

        var index = await Provider().GetAsync(Number, TestContext.Current.CancellationToken);

        Assert.NotNull(index.FindBySku("D"));
    }

    [Fact]
    public async Task Get_NumberWithItsOwnCatalogue_IgnoresTheDefault()
    {
        await ImportElsewhereAsync("default", "D,Défaut,in stock,1.00 EUR\n");
        await ImportElsewhereAsync(Number, "A,Pain,in stock,1.00 EUR\n");

        var index = await Provider().GetAsync(Number, TestContext.Current.CancellationToken);

        Assert.Null(index.FindBySku("D"));
        Assert.NotNull(index.FindBySku("A"));
    }

    [Fact]
    public async Task Get_PastTheMemoryBound_EvictsTheLeastRecentlyUsedAndRebuildsItOnItsNextMessage()
    {
        var logger = new ListLogger<TableCatalogueIndexProvider>();
        var provider = new TableCatalogueIndexProvider(
            Store, Options.Create(new FrontdeskOptions()), Options.Create(new CatalogueOptions { MaxIndexMegabytes = 1 }), _time, logger);
        const string Other = "106540352242923";
        var rows = string.Concat(Enumerable.Range(0, 2_000).Select(i => $"P{i:0000},Pain aux céréales numéro {i} de la maison,in stock,1.00 EUR\n"));
        await ImportElsewhereAsync(Number, rows);
        await ImportElsewhereAsync(Other, rows);

        var first = await provider.GetAsync(Number, TestContext.Current.CancellationToken);
        var firstBytes = provider.CachedBytes;
        await provider.GetAsync(Other, TestContext.Current.CancellationToken);
        var evictions = logger.Entries.Where(entry => entry.Id.Id == TelemetryEvents.CatalogueEvicted).ToList();
        var again = await provider.GetAsync(Number, TestContext.Current.CancellationToken);

        Assert.InRange(firstBytes, 1024 * 1024 / 2, 1024 * 1024);
        Assert.Contains(Number, Assert.Single(evictions).Message, StringComparison.Ordinal);
        Assert.NotSame(first, again);
        Assert.Equal(2_000, again.Count);
        Assert.Contains(logger.Entries, entry => entry.Id.Id == TelemetryEvents.CatalogueRebuilt && entry.Message.Contains(Number, StringComparison.Ordinal));
        Assert.InRange(provider.CachedBytes, 1, 1024 * 1024);
    }
}
