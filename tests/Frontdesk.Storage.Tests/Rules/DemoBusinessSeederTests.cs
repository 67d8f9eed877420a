using Azure.Data.Tables;
using Frontdesk.Core.Rules;
using Frontdesk.Storage.Rules;
using Frontdesk.Testing;

namespace Frontdesk.Storage.Tests.Rules;

public sealed class DemoBusinessSeederTests(AzuriteFixture azurite)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DemoBusinessSeeder Seeder(RuleTables tables) => new(tables);

    [Fact]
    public async Task SeedIfEmpty_EmptyTables_WritesTheDemoRows()
    {
        var tables = RuleTables.From(azurite.Tables, TestNames.Prefix());

        var seeded = await Seeder(tables).SeedIfEmptyAsync(Cancel);

        Assert.True(seeded);
        var count = 0;
        foreach (var (_, client) in tables.All)
        {
            await foreach (var unused in client.QueryAsync<TableEntity>(cancellationToken: Cancel))
            {
                count++;
            }
        }

        Assert.Equal(DemoBusiness.Rows.Count, count);
    }

    [Fact]
    public async Task SeedIfEmpty_Twice_NeverOverwrites()
    {
        var tables = RuleTables.From(azurite.Tables, TestNames.Prefix());
        await Seeder(tables).SeedIfEmptyAsync(Cancel);
        await tables.Settings.UpdateEntityAsync(new TableEntity("default", "business") { ["GreetingText"] = "Mine" }, Azure.ETag.All, TableUpdateMode.Replace, Cancel);

        var seededAgain = await Seeder(tables).SeedIfEmptyAsync(Cancel);

        Assert.False(seededAgain);
        var settings = await tables.Settings.GetEntityAsync<TableEntity>("default", "business", cancellationToken: Cancel);
        Assert.Equal("Mine", settings.Value.GetString("GreetingText"));
    }

    [Fact]
    public async Task SeedIfEmpty_AnyTableHoldingRows_SeedsNothing()
    {
        var tables = RuleTables.From(azurite.Tables, TestNames.Prefix());
        await tables.QuickReplies.CreateIfNotExistsAsync(Cancel);
        await tables.QuickReplies.AddEntityAsync(new TableEntity("123", "thanks") { ["Text"] = "Thanks!" }, Cancel);

        var seeded = await Seeder(tables).SeedIfEmptyAsync(Cancel);

        Assert.False(seeded);
        await foreach (var unused in tables.Rules.QueryAsync<TableEntity>(cancellationToken: Cancel))
        {
            Assert.Fail("The Rules table should have stayed empty.");
        }
    }
}
