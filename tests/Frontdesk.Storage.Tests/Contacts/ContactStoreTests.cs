using Azure.Data.Tables;
using Frontdesk.Core.Conversations;
using Frontdesk.Storage.Contacts;
using Frontdesk.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Frontdesk.Storage.Tests.Contacts;

public sealed class ContactStoreTests(AzuriteFixture azurite)
{
    private const string Number = "15550001111";
    private const string Customer = "33600000001";

    private static readonly DateTimeOffset s_now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private readonly TableClient _table = azurite.Tables.GetTableClient(TestNames.Prefix() + StorageNames.Tables.Contacts);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private ContactStore Store => new(_table, NullLogger<ContactStore>.Instance);

    private static ContactState State(string name = "Anna") =>
        new(name, s_now.AddDays(-3), s_now, s_now.AddDays(-3), null, ["vip", "needs-agent"], false, s_now.AddHours(24));

    [Fact]
    public async Task Get_Unknown_IsNullEvenWithoutTheTable()
    {
        Assert.Null(await Store.GetAsync(Number, Customer, Cancel));
    }

    [Fact]
    public async Task Save_ThenGet_RoundTripsEveryColumn()
    {
        var version = await Store.TrySaveAsync(Number, Customer, State(), null, Cancel);

        var stored = await Store.GetAsync(Number, Customer, Cancel);

        Assert.NotNull(version);
        Assert.Equal(version, stored!.Version);
        Assert.Equal(State() with { Labels = stored.State.Labels }, stored.State);
        Assert.Equal(["vip", "needs-agent"], stored.State.Labels);
    }

    [Fact]
    public async Task Save_WritesExactlyTheDocumentedColumns()
    {
        await Store.TrySaveAsync(Number, Customer, State(), null, Cancel);

        var entity = (await _table.GetEntityAsync<TableEntity>(Number, Customer, cancellationToken: Cancel)).Value;

        Assert.Equal(
            ["BotPausedUntil", "FirstSeen", "Labels", "LastGreeting", "LastInbound", "Name", "OptedOut"],
            entity.Keys.Where(k => k is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")).Order(StringComparer.Ordinal));
        Assert.Equal("vip, needs-agent", entity.GetString("Labels"));
        Assert.Equal(false, entity.GetBoolean("OptedOut"));
    }

    [Fact]
    public async Task Save_TheSignalColumns_RoundTripAsDocumented()
    {
        var at = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
        var state = State() with
        {
            PauseReason = "the owner answering", PausedAt = at, LastReaction = "👍", LastReactionAt = at, MarketingOptOut = true,
            RecentReplies = [new ReplyMark(at, 2, "wamid.B"), new ReplyMark(at.AddMinutes(-1), 1, "wamid.A")],
        };

        await Store.TrySaveAsync(Number, Customer, state, null, Cancel);
        var entity = (await _table.GetEntityAsync<TableEntity>(Number, Customer, cancellationToken: Cancel)).Value;
        var read = (await Store.GetAsync(Number, Customer, Cancel))!.State;

        Assert.Equal("2026-11-26T10:00:00Z 2 wamid.B; 2026-11-26T09:59:00Z 1 wamid.A", entity.GetString("RecentReplies"));
        Assert.Equal(true, entity.GetBoolean("MarketingOptOut"));
        Assert.Equal(state with { Labels = read.Labels, RecentReplies = read.RecentReplies }, read);
        Assert.Equal(state.RecentReplies, read.RecentReplies);
    }

    [Fact]
    public async Task Read_AMangledReplyMark_IsDroppedNotTheRow()
    {
        await _table.CreateIfNotExistsAsync(Cancel);
        await _table.AddEntityAsync(new TableEntity(Number, Customer) { ["RecentReplies"] = "yesterday 2 wamid.A; 2026-11-26T10:00:00Z 1 wamid.B", ["MarketingOptOut"] = "yes" }, Cancel);

        var read = (await Store.GetAsync(Number, Customer, Cancel))!.State;

        Assert.Equal("wamid.B", Assert.Single(read.RecentReplies).MessageId);
        Assert.True(read.MarketingOptOut);
    }

    [Fact]
    public async Task Save_WithAStaleVersion_ReturnsNullAndKeepsTheOtherWrite()
    {
        var first = await Store.TrySaveAsync(Number, Customer, State("first"), null, Cancel);
        var second = await Store.TrySaveAsync(Number, Customer, State("second"), first, Cancel);

        var stale = await Store.TrySaveAsync(Number, Customer, State("stale"), first, Cancel);

        Assert.NotNull(second);
        Assert.Null(stale);
        Assert.Equal("second", (await Store.GetAsync(Number, Customer, Cancel))!.State.Name);
    }

    [Fact]
    public async Task Save_NewContactThatExistsMeanwhile_ReturnsNull()
    {
        await Store.TrySaveAsync(Number, Customer, State("first"), null, Cancel);

        var duplicate = await Store.TrySaveAsync(Number, Customer, State("second"), null, Cancel);

        Assert.Null(duplicate);
    }

    [Fact]
    public async Task Save_ClearedValue_DisappearsFromTheRow()
    {
        var version = await Store.TrySaveAsync(Number, Customer, State(), null, Cancel);

        await Store.TrySaveAsync(Number, Customer, State() with { BotPausedUntil = null }, version, Cancel);

        Assert.Null((await Store.GetAsync(Number, Customer, Cancel))!.State.BotPausedUntil);
    }

    [Fact]
    public async Task Get_RowEditedByHandInThePortal_IsReadForgivingly()
    {
        await _table.CreateIfNotExistsAsync(Cancel);
        await _table.AddEntityAsync(
            new TableEntity(Number, Customer)
            {
                ["name"] = " Anna ",
                ["OptedOut"] = "Yes",
                ["Labels"] = " vip ,, VIP, late ",
                ["BotPausedUntil"] = "",
                ["LastInbound"] = "2026-11-20 09:30",
                ["FirstSeen"] = "not a date",
            },
            Cancel);

        var state = (await Store.GetAsync(Number, Customer, Cancel))!.State;

        Assert.Equal("Anna", state.Name);
        Assert.True(state.OptedOut);
        Assert.Equal(["vip", "late"], state.Labels);
        Assert.Null(state.BotPausedUntil);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero), state.LastInbound);
        Assert.Null(state.FirstSeen);
    }
}
