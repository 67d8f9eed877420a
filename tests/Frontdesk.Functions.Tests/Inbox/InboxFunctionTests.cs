using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Frontdesk.Core;
using Frontdesk.Core.Conversations;
using Frontdesk.Core.Webhooks.Events;
using Frontdesk.Core.WhatsApp.Sending;
using Frontdesk.Functions.Inbox;
using Frontdesk.Storage;
using Frontdesk.Storage.Contacts;
using Frontdesk.Storage.Conversations;
using Frontdesk.Storage.Inbox;
using Frontdesk.Storage.Outbound;
using Frontdesk.Storage.Rules;
using Frontdesk.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Frontdesk.Functions.Tests.Inbox;

/// <summary>
/// The inbox function with the real reader, status store, ledgers, rules, contacts, engine and outbound queue on
/// Azurite (prefixed names), called with the queue message as the trigger hands it over; what it sends to Meta is
/// recorded by a <see cref="RecordingWhatsAppSender"/>.
/// </summary>
public sealed class InboxFunctionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Number = WebhookBuilder.PhoneNumberId;

    private static readonly DateTimeOffset s_sent = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private readonly string _prefix = TestNames.Prefix();
    private readonly FakeTimeProvider _time = new(s_sent.AddMinutes(1));
    private HandledMessageLedger _ledger = null!;
    private OutboundStatusStore _statuses = null!;
    private BlobContainerClient _bodies = null!;
    private InboxFunction _function = null!;
    private ContactStore _contacts = null!;
    private SendLedgerStore _sent = null!;
    private readonly RecordingWhatsAppSender _graph = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private QueueClient OutQueue => azurite.Queue(_prefix + "out");

    public async ValueTask InitializeAsync()
    {
        var tables = RuleTables.From(azurite.Tables, _prefix);
        await new DemoBusinessSeeder(tables).SeedIfEmptyAsync(Ct);
        _bodies = new BlobContainerClient(azurite.ConnectionString, _prefix + "-bodies");
        await _bodies.CreateIfNotExistsAsync(cancellationToken: Ct);
        _ledger = new HandledMessageLedger(azurite.Table(_prefix + StorageNames.Tables.HandledMessages), _time);
        _statuses = new OutboundStatusStore(azurite.Table(_prefix + StorageNames.Tables.OutboundStatuses), _time, NullLogger<OutboundStatusStore>.Instance);
        var rules = new TableRuleSource(tables, _time, Options.Create(new FrontdeskOptions()), NullLogger<TableRuleSource>.Instance);
        _contacts = new ContactStore(azurite.Table(_prefix + StorageNames.Tables.Contacts), NullLogger<ContactStore>.Instance);
        var sent = _sent = new SendLedgerStore(azurite.Table(_prefix + StorageNames.Tables.OutboundLedger), _time);
        var queue = new OutboundQueue(OutQueue, azurite.Queue(_prefix + "out-poison"), new QueueSignals());
        var handler = new InboundMessageHandler(
            _ledger,
            rules,
            _contacts,
            new ReplyEngine(_time, FixedIndexProvider.EmptyCatalogue()),
            new OutboundSender(_graph, sent, queue, Options.Create(new OutboundOptions()), _time, NullLogger<OutboundSender>.Instance),
            queue,
            new InMemorySubscriptionStore(),
            NullLogger<InboundMessageHandler>.Instance);
        var updater = new ContactUpdater(_contacts);
        _function = new InboxFunction(
            new InboxReader(_bodies),
            handler,
            _statuses,
            new StatusSignalHandler(updater, NullLogger<StatusSignalHandler>.Instance),
            new EchoHandler(rules, updater, new SentMessageIndex(_ledger, sent, _time), _time, NullLogger<EchoHandler>.Instance),
            NullLogger<InboxFunction>.Instance);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Run_BodyWithAStatusAndTwoMessages_RecordsTheStatusAndHandlesBothMessages()
    {
        var body = Body(
            [Text("15550199991", "wamid.IN-A", "hello"), Text("15550199992", "wamid.IN-B", "what is your address")],
            [new JsonObject { ["id"] = "wamid.OUT-1", ["status"] = "delivered", ["timestamp"] = Seconds(s_sent), ["recipient_id"] = "15550199991" }]);

        await _function.Run(new BinaryData(body), Ct);

        var status = await _statuses.GetAsync(Number, "wamid.OUT-1", Ct);
        Assert.Equal("delivered", status?.GetString("Status"));
        Assert.Equal(HandledMessageLedger.Dispatched, await StateAsync(Message("15550199991", "wamid.IN-A")));
        Assert.Equal(HandledMessageLedger.Dispatched, await StateAsync(Message("15550199992", "wamid.IN-B")));
        var queued = SentKeys();
        Assert.Contains("wamid.IN-A:read", queued);
        Assert.Contains("wamid.IN-B:read", queued);
        Assert.Contains("wamid.IN-B:1", queued);
    }

    [Fact]
    public async Task Run_ClaimCheckedBody_ReadsItFromItsBlobAndDeletesTheBlobWhenDone()
    {
        var body = Body([Text("15550199993", "wamid.BIG", new string('a', WebhookInbox.MaxQueueBodyBytes + 4_000))], []);
        var inboxQueue = azurite.Queue(_prefix + "inbox");
        await inboxQueue.CreateIfNotExistsAsync(cancellationToken: Ct);
        await new WebhookInbox(inboxQueue, _bodies, _time, new QueueSignals()).StoreAsync(body, Ct);
        var delivered = (await inboxQueue.ReceiveMessageAsync(cancellationToken: Ct)).Value;
        var blob = InboxMessage.ClaimCheckBlob(delivered.Body.ToMemory().Span);

        await _function.Run(delivered.Body, Ct);

        Assert.True(body.Length > WebhookInbox.MaxQueueBodyBytes);
        Assert.NotNull(blob);
        Assert.False(await _bodies.GetBlobClient(blob).ExistsAsync(Ct));
        Assert.Equal(HandledMessageLedger.Dispatched, await StateAsync(Message("15550199993", "wamid.BIG")));
        Assert.Contains("wamid.BIG:read", SentKeys());
    }

    [Fact]
    public async Task Run_DuplicateOfALargeBodyAfterTheFirstWasHandled_CompletesWithNothingToDo()
    {
        // Meta sent the same large body twice: both claim checks name one blob (named by content), and the first
        // delivery to finish deleted it. The second must complete, not fail its way into the poison queue.
        var body = Body([Text("15550199994", "wamid.BIG-DUP", new string('b', WebhookInbox.MaxQueueBodyBytes + 4_000))], []);
        var inboxQueue = azurite.Queue(_prefix + "inbox-dup");
        await inboxQueue.CreateIfNotExistsAsync(cancellationToken: Ct);
        var inbox = new WebhookInbox(inboxQueue, _bodies, _time, new QueueSignals());
        await inbox.StoreAsync(body, Ct);
        await inbox.StoreAsync(body, Ct);
        var deliveries = (await inboxQueue.ReceiveMessagesAsync(2, cancellationToken: Ct)).Value;

        await _function.Run(deliveries[0].Body, Ct);
        var second = await Record.ExceptionAsync(() => _function.Run(deliveries[1].Body, Ct));

        Assert.Equal(2, deliveries.Length);
        Assert.Null(second);
        Assert.Single(SentKeys(), k => k == "wamid.BIG-DUP:read");
    }

    [Fact]
    public async Task Run_OwnersReplyInTheSameBody_SilencesThatCustomerOnly_AndBadEchoesAreSkipped()
    {
        var echoes = new JsonArray(
            "not an echo",
            new JsonObject { ["from"] = "15550100001", ["id"] = "wamid.ECHO-NO-TO", ["timestamp"] = Seconds(s_sent), ["type"] = "text", ["text"] = new JsonObject { ["body"] = "x" } },
            new JsonObject { ["from"] = "15550100999", ["to"] = "15550199996", ["id"] = "wamid.ECHO-OTHER", ["timestamp"] = Seconds(s_sent), ["type"] = "text", ["text"] = new JsonObject { ["body"] = "x" } },
            new JsonObject { ["from"] = "15550100001", ["to"] = "15550199995", ["id"] = "wamid.ECHO-OK", ["timestamp"] = Seconds(s_sent), ["type"] = "text", ["text"] = new JsonObject { ["body"] = "Hi, Marie here" } });
        var body = Body(
            [Text("15550199995", "wamid.PAUSED-1", "what is your address"), Text("15550199996", "wamid.OTHER-1", "what is your address")],
            [],
            echoes);

        await _function.Run(new BinaryData(body), Ct);

        var paused = (await _contacts.GetAsync(Number, "15550199995", Ct))!.State;
        Assert.Equal(s_sent.AddHours(12), paused.BotPausedUntil);
        Assert.Contains("human", paused.Labels);
        Assert.Null(await _contacts.GetAsync(Number, "15550199996", Ct) is { } other ? other.State.BotPausedUntil : null);
        var queued = SentKeys();
        Assert.Contains("wamid.PAUSED-1:read", queued);
        Assert.DoesNotContain("wamid.PAUSED-1:1", queued);
        Assert.Contains("wamid.OTHER-1:1", queued);
    }

    [Fact]
    public async Task Run_BotOffThenBotOn_PausesThenResumes_AndARedeliveredBotOffChangesNothing()
    {
        var botOff = WebhookFixtures.Read("echo_bot_off.json");
        var typedAt = DateTimeOffset.FromUnixTimeSeconds(1795601160);

        await _function.Run(new BinaryData(botOff), Ct);
        var paused = (await _contacts.GetAsync(Number, "15550199991", Ct))!.State;
        await _function.Run(new BinaryData(EchoBody("15550199991", "wamid.ECHO-ON", "#bot on", typedAt.AddMinutes(5))), Ct);
        await _function.Run(new BinaryData(botOff), Ct);
        var resumed = (await _contacts.GetAsync(Number, "15550199991", Ct))!.State;

        Assert.Equal(typedAt.AddHours(4), paused.BotPausedUntil);
        Assert.Contains("#bot off", paused.PauseReason, StringComparison.Ordinal);
        Assert.Null(resumed.BotPausedUntil);
        Assert.Equal(typedAt.AddMinutes(5), resumed.PausedAt);
    }

    [Fact]
    public async Task Run_EchoOfFrontdesksOwnSend_PausesNothing()
    {
        var key = "wamid.IN-OWN:1";
        var reply = new Frontdesk.Core.WhatsApp.Messages.OutboundMessage
        {
            IdempotencyKey = key, PhoneNumberId = Number, To = "15550199997", Kind = Frontdesk.Core.WhatsApp.Messages.ReplyKind.Rule,
            Body = new Frontdesk.Core.WhatsApp.Messages.TextBody("Hello"),
        };
        await _sent.TryBeginAsync(reply, Ct);
        await _sent.MarkSentAsync(reply, "wamid.OUT-OWN", Ct);
        var withCallback = JsonNode.Parse(EchoBody("15550199998", "wamid.OUT-OTHER", "Hello", s_sent))!;
        withCallback["entry"]![0]!["changes"]![0]!["value"]!["message_echoes"]![0]!["biz_opaque_callback_data"] = "frontdesk:wamid.IN-X:1";

        await _function.Run(new BinaryData(EchoBody("15550199997", "wamid.OUT-OWN", "Hello", s_sent)), Ct);
        await _function.Run(new BinaryData(Encoding.UTF8.GetBytes(withCallback.ToJsonString())), Ct);

        Assert.Null(await _contacts.GetAsync(Number, "15550199997", Ct));
        Assert.Null(await _contacts.GetAsync(Number, "15550199998", Ct));
    }

    [Fact]
    public async Task Run_EchoOfAReplySentFromTheInbox_PausesNothing()
    {
        await _function.Run(new BinaryData(Body([Text("15550199989", "wamid.IN-CHAIN", "what is your address")], [])), Ct);
        var before = (await _contacts.GetAsync(Number, "15550199989", Ct))!.State;
        var answer = _graph.Sent.Last();
        var wamId = "wamid.OUT_" + _graph.Sent.Count(m => m.Body is not Frontdesk.Core.WhatsApp.Messages.MarkReadBody);

        await _function.Run(new BinaryData(EchoBody("15550199989", wamId, "Demo Bakery, 12 rue de la Paix, Paris.", s_sent)), Ct);

        Assert.Equal(("wamid.IN-CHAIN:3", "address"), (answer.IdempotencyKey, answer.RuleName));
        var after = (await _contacts.GetAsync(Number, "15550199989", Ct))!.State;
        Assert.Null(after.BotPausedUntil);
        Assert.Equal(before.Labels, after.Labels);
    }

    [Fact]
    public async Task Run_StatusWith131050_MarksTheContactMarketingOptOut()
    {
        var body = WebhookFixtures.Read("status_failed_131050.json");

        await _function.Run(new BinaryData(body), Ct);
        await _function.Run(new BinaryData(body), Ct);

        var contact = await _contacts.GetAsync(Number, "15550199992", Ct);
        Assert.True(contact?.State.MarketingOptOut);
        Assert.Equal("failed", (await _statuses.GetAsync(Number, "wamid.FAKE_OUTBOUND_PROMO_TEMPLATE_0002", Ct))?.GetString("Status"));
    }

    private static byte[] EchoBody(string to, string id, string text, DateTimeOffset at) =>
        WebhookBuilder.Echo(to, id, text, at, Number);

    private static InboundMessage Message(string from, string id) => new()
    {
        PhoneNumberId = Number,
        From = from,
        Id = id,
        Timestamp = s_sent,
        Type = "text",
        Content = new TextContent(""),
    };

    private static string Seconds(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static JsonObject Text(string from, string id, string text) => new()
    {
        ["from"] = from,
        ["id"] = id,
        ["timestamp"] = Seconds(s_sent),
        ["type"] = "text",
        ["text"] = new JsonObject { ["body"] = text },
    };

    private static byte[] Body(JsonObject[] messages, JsonObject[] statuses, JsonArray? echoes = null)
    {
        var value = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = new JsonObject { ["display_phone_number"] = "15550100001", ["phone_number_id"] = Number },
            ["contacts"] = new JsonArray([.. messages.Select(m => new JsonObject { ["profile"] = new JsonObject { ["name"] = "Customer" }, ["wa_id"] = m["from"]!.GetValue<string>() })]),
            ["messages"] = new JsonArray([.. messages]),
            ["statuses"] = new JsonArray([.. statuses]),
        };
        if (echoes is not null)
        {
            value["message_echoes"] = echoes;
        }

        var root = new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "100000000000001",
                ["changes"] = new JsonArray(new JsonObject { ["value"] = value, ["field"] = "messages" }),
            }),
        };
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <summary>The keys of every message sent to Meta so far, in order.</summary>
    private List<string> SentKeys() => [.. _graph.Keys];

    /// <summary>The ledger's State column for a message (null when it has no row); these tests' wamids need no key escaping.</summary>
    private async Task<string?> StateAsync(InboundMessage message)
    {
        var row = await azurite.Table(_prefix + StorageNames.Tables.HandledMessages).GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(
            message.Timestamp.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), message.Id, cancellationToken: Ct);
        return row.HasValue ? row.Value!.GetString("State") : null;
    }
}
