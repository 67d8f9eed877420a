using Azure.Data.Tables;
using Frontdesk.Core.Rules;
using Frontdesk.Core.Telemetry;
using Frontdesk.Storage;
using Frontdesk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Frontdesk.DevHost.Tests;

/// <summary>
/// DevHost's demo bakery (rules and catalogue) goes only into a completely empty setup, never next to a business's
/// own rows, and not at all with <c>DevHost__SeedDemo=false</c>; one log line says which and why. Each case starts
/// DevHost on an Azurite of its own, as a developer's first (or later) run does.
/// </summary>
public sealed class DemoSeedingTests : IAsyncLifetime
{
    private AzuriteServer _azurite = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _azurite = await AzuriteServer.StartAsync(Ct);

    public async ValueTask DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task EmptySetup_GetsTheDemoRulesAndCatalogue_AndSaysSo()
    {
        var log = new LogRecorder();

        await using (await StartAsync(log))
        {
        }

        Assert.Equal(DemoBusiness.Rows.Count, await CountAsync(StorageNames.Tables.Settings, StorageNames.Tables.Hours, StorageNames.Tables.Rules, StorageNames.Tables.QuickReplies));
        Assert.Equal(27, await ProductsAsync());
        var line = Assert.Single(log.WithId(TelemetryEvents.DevHostDemoSeeded));
        Assert.Contains($"{DemoBusiness.Rows.Count} rule rows, 27 products", line.Message, StringComparison.Ordinal);
        Assert.Contains("were empty", line.Message, StringComparison.Ordinal);
        Assert.Empty(log.WithId(TelemetryEvents.DevHostDemoNotSeeded));
    }

    [Fact]
    public async Task ConfiguredRules_GetNeitherDemoRulesNorDemoCatalogue()
    {
        var settings = new TableClient(_azurite.ConnectionString, StorageNames.Tables.Settings);
        await settings.CreateIfNotExistsAsync(Ct);
        await settings.AddEntityAsync(new TableEntity("200000000000555", RuleBookCompiler.SettingsRowKey) { ["GreetingText"] = "Bonjour de la cordonnerie" }, Ct);
        var log = new LogRecorder();

        await using (await StartAsync(log))
        {
        }

        Assert.Equal(1, await CountAsync(StorageNames.Tables.Settings, StorageNames.Tables.Hours, StorageNames.Tables.Rules, StorageNames.Tables.QuickReplies));
        Assert.Equal(0, await ProductsAsync());
        var line = Assert.Single(log.WithId(TelemetryEvents.DevHostDemoNotSeeded));
        Assert.Contains("table Settings already holds rows", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwnCatalogueOnly_GetsNeitherDemoRulesNorDemoCatalogue()
    {
        var catalogue = new TableClient(_azurite.ConnectionString, StorageNames.Tables.Catalogue);
        await catalogue.CreateIfNotExistsAsync(Ct);
        await catalogue.AddEntityAsync(new TableEntity("200000000000555", "ECL-CHO") { ["Title"] = "Éclair au chocolat", ["Price"] = "3.50", ["Currency"] = "EUR", ["Availability"] = "out of stock" }, Ct);
        var log = new LogRecorder();

        await using (await StartAsync(log))
        {
        }

        Assert.Equal(0, await CountAsync(StorageNames.Tables.Settings, StorageNames.Tables.Hours, StorageNames.Tables.Rules, StorageNames.Tables.QuickReplies));
        Assert.Equal(1, await ProductsAsync());
        var line = Assert.Single(log.WithId(TelemetryEvents.DevHostDemoNotSeeded));
        Assert.Contains("table Catalogue already holds products", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedDemoFalse_OnAnEmptySetup_SeedsNothing_AndNamesTheSetting()
    {
        var log = new LogRecorder();

        await using (await StartAsync(log, new Dictionary<string, string?> { ["DevHost:SeedDemo"] = "false" }))
        {
        }

        Assert.Equal(0, await CountAsync(StorageNames.Tables.Settings, StorageNames.Tables.Hours, StorageNames.Tables.Rules, StorageNames.Tables.QuickReplies));
        Assert.Equal(0, await ProductsAsync());
        var line = Assert.Single(log.WithId(TelemetryEvents.DevHostDemoNotSeeded));
        Assert.Contains("DevHost__SeedDemo is false", line.Message, StringComparison.Ordinal);
    }

    private Task<DevHostRun> StartAsync(LogRecorder log, IReadOnlyDictionary<string, string?>? settings = null) =>
        DevHostRun.StartAsync(_azurite, settings, services => services.AddSingleton<ILoggerProvider>(log), Ct);

    private async Task<int> CountAsync(params string[] tables)
    {
        var count = 0;
        foreach (var name in tables)
        {
            count += await new TableClient(_azurite.ConnectionString, name).QueryAsync<TableEntity>(cancellationToken: Ct).CountAsync(Ct);
        }

        return count;
    }

    /// <summary>Catalogue rows other than the import's version markers.</summary>
    private async Task<int> ProductsAsync() =>
        await new TableClient(_azurite.ConnectionString, StorageNames.Tables.Catalogue)
            .QueryAsync<TableEntity>(e => e.PartitionKey != "_versions", cancellationToken: Ct).CountAsync(Ct);
}
