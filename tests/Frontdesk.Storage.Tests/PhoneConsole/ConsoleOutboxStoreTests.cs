using Frontdesk.Core.PhoneConsole;
using Frontdesk.Core.WhatsApp.Messages;
using Frontdesk.Storage.PhoneConsole;
using Frontdesk.Testing;

namespace Frontdesk.Storage.Tests.PhoneConsole;

public sealed class ConsoleOutboxStoreTests(AzuriteFixture azurite)
{
    private readonly ConsoleOutboxStore _store = new(azurite.Table(TestNames.Prefix() + "console"), TimeProvider.System);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static OutboundMessage Reply(string to, string key, OutboundBody body) => new()
    {
        IdempotencyKey = key,
        PhoneNumberId = "200000000000001",
        To = to,
        Kind = ReplyKind.Rule,
        RuleName = "hours",
        Body = body,
        InReplyTo = "wamid.CONSOLE_1",
        Then = [new OutboundMessage { IdempotencyKey = "later", PhoneNumberId = "x", To = to, Kind = ReplyKind.Rule, Body = new TextBody("later") }],
    };

    [Fact]
    public async Task ReadAsync_Conversation_ComesBackInArrivalOrderWithEveryField()
    {
        var at = new DateTimeOffset(2026, 11, 25, 9, 58, 0, TimeSpan.Zero);
        await _store.RecordInboundAsync("200000000000001", "999000000001", "wamid.CONSOLE_1", at, new ConsoleMessage(ConsoleMessage.TextType, "hello"), Ct);
        await _store.StoreAsync(Reply("999000000001", "wamid.CONSOLE_1:read", new MarkReadBody("wamid.CONSOLE_1")), null, Ct);
        var menu = new ListBody("How can we help?", "Options", [new ListSection(null, [new ListRow("hours", "Opening hours", "When to find us open")])]);
        await _store.StoreAsync(Reply("999000000001", "wamid.CONSOLE_1:1", menu), "wamid.CONSOLE.wamid.CONSOLE_1:1", Ct);

        var entries = await _store.ReadAsync("200000000000001", "999000000001", Ct);

        Assert.Equal(3, entries.Count);
        Assert.Equal("hello", entries[0].Inbound?.Text);
        Assert.Equal(at, entries[0].At);
        Assert.Equal("wamid.CONSOLE_1", entries[0].MessageId);
        Assert.Equal(new MarkReadBody("wamid.CONSOLE_1"), entries[1].Outbound?.Body);
        var list = Assert.IsType<ListBody>(entries[2].Outbound?.Body);
        Assert.Equal("Opening hours", Assert.Single(Assert.Single(list.Sections).Rows).Title);
        Assert.Equal("wamid.CONSOLE.wamid.CONSOLE_1:1", entries[2].MessageId);
        Assert.Empty(entries[2].Outbound!.Then);
    }

    [Fact]
    public async Task StoreAsync_RepeatedReply_OverwritesItsRowAndContactsStayApart()
    {
        await _store.StoreAsync(Reply("999000000002", "wamid.A:1", new TextBody("first")), "w1", Ct);
        await _store.StoreAsync(Reply("999000000002", "wamid.A:1", new TextBody("first")), "w1", Ct);
        await _store.StoreAsync(Reply("999000000003", "wamid.B:1", new TextBody("other")), "w2", Ct);

        var entries = await _store.ReadAsync("200000000000001", "999000000002", Ct);

        Assert.Equal(new TextBody("first"), Assert.Single(entries).Outbound?.Body);
        Assert.Empty(await _store.ReadAsync("200000000000001", "999000000009", Ct));
    }
}
