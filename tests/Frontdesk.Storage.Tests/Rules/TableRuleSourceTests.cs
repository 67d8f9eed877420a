using Azure.Data.Tables;
using Frontdesk.Core;
using Frontdesk.Storage.Rules;
using Frontdesk.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Frontdesk.Storage.Tests.Rules;

public sealed class TableRuleSourceTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Number = "15550001111";

    private readonly RuleTables _tables = RuleTables.From(azurite.Tables, TestNames.Prefix());
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));
    private readonly ListLogger<TableRuleSource> _logger = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        foreach (var (_, client) in _tables.All)
        {
            await client.CreateIfNotExistsAsync(Cancel);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private TableRuleSource Source(int cacheSeconds = 30) =>
        new(_tables, _time, Options.Create(new FrontdeskOptions { CacheSeconds = cacheSeconds }), _logger);

    private static TableEntity Rule(string partition, string name, string reply, string keywords = "hours") =>
        new(partition, name) { ["Keywords"] = keywords, ["Reply"] = reply };

    [Fact]
    public async Task GetRuleBook_ReadsTheNumberAndDefaultRows()
    {
        await _tables.Rules.AddEntityAsync(Rule("default", "hours", "default hours"), Cancel);
        await _tables.Rules.AddEntityAsync(Rule("default", "address", "default address", "address"), Cancel);
        await _tables.Rules.AddEntityAsync(Rule(Number, "hours", "our hours"), Cancel);
        await _tables.Rules.AddEntityAsync(Rule("19990000000", "other", "not ours", "other"), Cancel);
        await _tables.Settings.AddEntityAsync(new TableEntity(Number, "business") { ["TimeZone"] = "Europe/Paris", ["GreetingShowsMenu"] = true }, Cancel);

        var book = await Source().GetRuleBookAsync(Number, Cancel);

        Assert.Equal(["address", "hours"], book.Rules.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal("our hours", book.Rules.Single(r => r.Name == "hours").Reply);
        Assert.Equal("Europe/Paris", book.Settings.TimeZone.Id);
        Assert.True(book.Settings.GreetingShowsMenu);
    }

    [Fact]
    public async Task Validate_TemplatesRows_ReportsEveryBadRowAndKeepsTheGoodOnes()
    {
        await _tables.Templates.AddEntityAsync(new TableEntity("default", "back-in-stock") { ["Name"] = "back_in_stock", ["Language"] = "fr", ["Category"] = "utility", ["BodyParameters"] = "{{name}}, {{product}}" }, Cancel);
        await _tables.Templates.AddEntityAsync(new TableEntity(Number, "promo") { ["Name"] = "promo", ["Language"] = "fr", ["Category"] = "advert" }, Cancel);
        await _tables.Templates.AddEntityAsync(new TableEntity(Number, "order-ready") { ["Language"] = "fr", ["Category"] = "utility" }, Cancel);
        await _tables.Templates.AddEntityAsync(new TableEntity(Number, "menu") { ["Name"] = "menu", ["Language"] = "fr", ["Category"] = "marketing", ["BodyParameters"] = "{{nom}}" }, Cancel);
        await _tables.Settings.AddEntityAsync(new TableEntity(Number, "business") { ["WabaId"] = "waba-1" }, Cancel);

        var problems = await Source().ValidateAsync(null, Cancel);
        var book = await Source().GetRuleBookAsync(Number, Cancel);

        Assert.Equal(
            [("Settings", "business", "WabaId"), ("Templates", "menu", "BodyParameters"), ("Templates", "order-ready", "Name"), ("Templates", "promo", "Category")],
            problems.Select(p => (p.Table, p.RowKey, p.Column)).Order());
        Assert.Equal(["back-in-stock"], book.Templates.Keys);
        Assert.Null(book.Settings.WabaId);
    }

    [Fact]
    public async Task GetRuleBook_IsCachedForCacheSeconds()
    {
        await _tables.Rules.AddEntityAsync(Rule(Number, "hours", "before"), Cancel);
        var source = Source(cacheSeconds: 30);
        await source.GetRuleBookAsync(Number, Cancel);

        await _tables.Rules.UpsertEntityAsync(Rule(Number, "hours", "after"), TableUpdateMode.Replace, Cancel);
        _time.Advance(TimeSpan.FromSeconds(29));
        var cached = await source.GetRuleBookAsync(Number, Cancel);
        _time.Advance(TimeSpan.FromSeconds(1));
        var fresh = await source.GetRuleBookAsync(Number, Cancel);

        Assert.Equal("before", cached.Rules.Single().Reply);
        Assert.Equal("after", fresh.Rules.Single().Reply);
    }

    [Fact]
    public async Task GetRuleBook_LogsEachNewProblemOnceAsAWarning()
    {
        await _tables.Rules.AddEntityAsync(new TableEntity(Number, "broken") { ["Keywords"] = "x", ["Reply"] = "x", ["Match"] = "fuzzy" }, Cancel);
        var source = Source(cacheSeconds: 1);

        await source.GetRuleBookAsync(Number, Cancel);
        _time.Advance(TimeSpan.FromSeconds(5));
        await source.GetRuleBookAsync(Number, Cancel);

        var entry = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal(2200, entry.Id.Id);
        Assert.Contains($"Rule table Rules, PartitionKey {Number}, RowKey broken: Match 'fuzzy'", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRuleBook_MissingTables_GiveAnEmptyBook()
    {
        var missing = RuleTables.From(azurite.Tables, TestNames.Prefix());
        var source = new TableRuleSource(missing, _time, Options.Create(new FrontdeskOptions()), _logger);

        var book = await source.GetRuleBookAsync(Number, Cancel);

        Assert.Empty(book.Rules);
        Assert.Empty(book.Problems);
    }

    [Fact]
    public async Task Validate_WithoutNumber_ReportsEveryPartitionOnce()
    {
        await _tables.Rules.AddEntityAsync(new TableEntity("default", "bad-default") { ["Keywords"] = "x", ["Reply"] = "x", ["When"] = "sometimes" }, Cancel);
        await _tables.Rules.AddEntityAsync(new TableEntity("111", "bad-111") { ["Keywords"] = "x", ["Buttons"] = "a|b", ["Reply"] = null }, Cancel);
        await _tables.Hours.AddEntityAsync(new TableEntity("222", "Monday") { ["Hours"] = "nine to five" }, Cancel);

        var problems = await Source().ValidateAsync(null, Cancel);

        Assert.Equal(
            [("Hours", "222", "Monday"), ("Rules", "111", "bad-111"), ("Rules", "default", "bad-default")],
            problems.Select(p => (p.Table, p.PartitionKey, p.RowKey)));
    }

    [Fact]
    public async Task Validate_ForOneNumber_ReadsFreshRows()
    {
        var source = Source();
        await source.GetRuleBookAsync(Number, Cancel);
        await _tables.Settings.AddEntityAsync(new TableEntity(Number, "business") { ["Culture"] = "nowhere" }, Cancel);

        var problems = await source.ValidateAsync(Number, Cancel);

        Assert.Contains("Culture 'nowhere'", Assert.Single(problems).Problem, StringComparison.Ordinal);
    }
}
