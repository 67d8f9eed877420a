using Frontdesk.Core.Catalogue;
using Frontdesk.Core.Conversations;
using Frontdesk.Core.Restock;
using Frontdesk.Core.Rules;
using Frontdesk.Core.Tests.WhatsApp;
using Frontdesk.Core.Webhooks.Events;
using Frontdesk.Core.WhatsApp.Graph;
using Frontdesk.Core.WhatsApp.Messages;
using Frontdesk.Core.WhatsApp.Sending;
using Frontdesk.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Frontdesk.Core.Tests.Conversations;

/// <summary>
/// The handler's own logic over in-memory ports, with the demo business (closed on Sundays): what it sends, in which
/// order, what it records, and what each ledger state makes it do. The table ledger's lease and concurrency are
/// tested against Azurite in Storage.Tests (ExactlyOnceDeliveryTests).
/// </summary>
public sealed class InboundMessageHandlerTests
{
    /// <summary>Sunday 29 November 2026, 10:00 UTC: the bakery is closed.</summary>
    private static readonly DateTimeOffset s_sunday = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(s_sunday.AddMinutes(1));
    private readonly InMemoryHandledMessages _ledger = new();
    private readonly InMemorySendLedger _sendLedger = new();
    private readonly RecordingContactStore _contacts = new();
    private readonly RecordingOutboundQueue _queue = new();
    private readonly InMemorySubscriptionStore _subscriptions = new();
    private readonly RecordingWhatsAppSender _graph = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private InboundMessageHandler Handler(ICatalogueResponder? catalogue = null) => new(
        _ledger,
        new InMemoryRuleSource([.. DemoBusiness.Rows]),
        _contacts,
        new ReplyEngine(_time, catalogue ?? FixedIndexProvider.EmptyCatalogue()),
        new OutboundSender(_graph, _sendLedger, _queue, Options.Create(new OutboundOptions()), _time, NullLogger<OutboundSender>.Instance),
        _queue,
        _subscriptions,
        NullLogger<InboundMessageHandler>.Instance);

    private static InboundMessage Message(string id, string text) => Inbound.Text(text) with { Id = id, Timestamp = s_sunday };

    private static IEnumerable<OutboundMessage> Unrolled(OutboundMessage head) => new[] { head }.Concat(head.Then);

    private static OutboundMessage Reply(InboundMessage message, int n, string text) => new()
    {
        IdempotencyKey = $"{message.Id}:{n}",
        PhoneNumberId = message.PhoneNumberId,
        To = message.From,
        Kind = ReplyKind.Rule,
        Body = new TextBody(text),
    };

    [Fact]
    public async Task HandleAsync_NewMessage_SendsTheReadReceiptThenTheRepliesInOrderAndIndexesThem()
    {
        var message = Message("wamid.ONE", "Bonjour");

        await Handler().HandleAsync(message, Ct);

        Assert.Equal([message.Id + ":read", message.Id + ":1", message.Id + ":2", message.Id + ":3"], _graph.Keys);
        Assert.Equal([ReplyKind.ReadReceipt, ReplyKind.Greeting, ReplyKind.Menu, ReplyKind.Away], _graph.Sent.Select(m => m.Kind));
        Assert.Empty(_queue.Enqueued);
        Assert.Empty(_sendLedger.States);
        Assert.Equal(HandledState.Dispatched, _ledger.StateOf(message.Id));
        Assert.Equal(new ChainProgress(3, "SSS"), _ledger.ProgressOf(message.Id));
        Assert.Equal([message.Id + ":1", message.Id + ":2", message.Id + ":3"], _ledger.Indexed.Select(i => i.IdempotencyKey));
        Assert.Equal(_time.GetUtcNow(), _contacts.Contacts[(message.PhoneNumberId, message.From)].LastInbound);
        Assert.Equal(1, _contacts.Saves);
    }

    [Fact]
    public async Task HandleAsync_NotifyMePressed_StoresOneSubscriptionAndConfirms()
    {
        var catalogue = new CatalogueResponder(new FixedIndexProvider(CatalogueIndex.Build(
            [new Product { Sku = "CRO-01", Title = "Croissant", Price = 1.2m, Currency = "EUR", InStock = false }])));
        var press = Inbound.Text("x") with
        {
            Id = "wamid.PRESS", Timestamp = s_sunday, Type = "interactive", ProfileName = "Anna",
            Content = new InteractiveReplyContent("button_reply", "restock:CRO-01", "Notify me", null),
        };

        await Handler(catalogue).HandleAsync(press, Ct);
        await Handler(catalogue).HandleAsync(press with { Id = "wamid.PRESS2", Timestamp = s_sunday.AddMinutes(1) }, Ct);

        var stored = Assert.Single(_subscriptions.All);
        Assert.Equal(("CRO-01", press.From, "Anna", SubscriptionState.Open), (stored.Sku, stored.WaId, stored.Name, stored.State));
        Assert.Equal((s_sunday, s_sunday.AddDays(30)), (stored.Created, stored.Expires));
        var confirmations = _graph.Sent.Where(m => m.Kind == ReplyKind.Catalogue).ToList();
        Assert.Equal(2, confirmations.Count);
        Assert.All(confirmations, m => Assert.Contains("Croissant", Assert.IsType<TextBody>(m.Body).Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandleAsync_AlreadyDispatched_SendsAndSavesNothing()
    {
        var message = Message("wamid.DONE", "Bonjour");
        _ledger.Preset(message, HandledState.Dispatched);

        await Handler().HandleAsync(message, Ct);

        Assert.Empty(_graph.Sent);
        Assert.Empty(_queue.Enqueued);
        Assert.Equal(0, _contacts.Saves);
    }

    [Fact]
    public async Task HandleAsync_AnotherDeliveryIsSending_ThrowsSoTheQueueRetriesLater()
    {
        var message = Message("wamid.BUSY", "Bonjour");
        _ledger.Preset(message, HandledState.Busy);

        await Assert.ThrowsAsync<DuplicateInProgressException>(() => Handler().HandleAsync(message, Ct));

        Assert.Empty(_graph.Sent);
        Assert.Equal(0, _contacts.Saves);
    }

    [Fact]
    public async Task HandleAsync_DeadDeliveryWasSendingTheSecondReply_RecordsItMaybeSentAndSendsTheThirdOnly()
    {
        var message = Message("wamid.CRASHED", "Bonjour");
        var recorded = new RecordedDecision([Reply(message, 1, "one"), Reply(message, 2, "two"), Reply(message, 3, "three")], Contacts.Regular(s_sunday), "rule: recorded");
        _ledger.Preset(message, HandledState.Decided, recorded, new ChainProgress(1, "S"));

        await Handler().HandleAsync(message, Ct);

        Assert.Equal([message.Id + ":read", message.Id + ":3"], _graph.Keys);
        Assert.Equal("three", Assert.IsType<TextBody>(_graph.Sent.Last().Body).Text);
        Assert.Equal((message.Id + ":2", true), Assert.Single(_queue.Enqueued).Message is var c ? (c.IdempotencyKey, c.UnknownCheck) : default);
        Assert.Equal(new ChainProgress(3, "SUS"), _ledger.ProgressOf(message.Id));
        Assert.Equal(HandledState.Dispatched, _ledger.StateOf(message.Id));
        Assert.Equal(1, _contacts.Saves);
    }

    [Fact]
    public async Task HandleAsync_DeadDeliveryWasHandingToTheQueue_QueuesTheRestAgainAndSendsNothing()
    {
        var message = Message("wamid.HANDING", "Bonjour");
        var recorded = new RecordedDecision([Reply(message, 1, "one"), Reply(message, 2, "two")], Contacts.Regular(s_sunday), "rule: recorded");
        _ledger.Preset(message, HandledState.Handing, recorded, new ChainProgress(1, "S"));

        await Handler().HandleAsync(message, Ct);

        Assert.Empty(_graph.Sent);
        Assert.Equal([message.Id + ":2"], Unrolled(Assert.Single(_queue.Enqueued).Message).Select(m => m.IdempotencyKey));
        Assert.Equal(new ChainProgress(2, "SQ"), _ledger.ProgressOf(message.Id));
    }

    [Fact]
    public async Task HandleAsync_ThrottledSecondReply_HandsItAndTheRestToTheQueueWithADelay()
    {
        var message = Message("wamid.THROTTLED", "Bonjour");
        _graph.Answer = m => m.IdempotencyKey.EndsWith(":2", StringComparison.Ordinal)
            ? new GraphSendResult { Outcome = SendOutcome.Throttled, Error = new WhatsAppError(130429, "Rate limit hit", null, null), Reason = "throttled" }
            : GraphSendResult.Accepted(m.Body is MarkReadBody ? null : "wamid.OUT_" + m.IdempotencyKey);

        await Handler().HandleAsync(message, Ct);

        Assert.Equal([message.Id + ":read", message.Id + ":1", message.Id + ":2"], _graph.Keys);
        var (queued, delay) = Assert.Single(_queue.Enqueued);
        Assert.Equal([message.Id + ":2", message.Id + ":3"], Unrolled(queued).Select(m => m.IdempotencyKey));
        Assert.Equal(1, queued.Attempt);
        Assert.True(delay > TimeSpan.Zero);
        Assert.Equal("Retryable", _sendLedger.States[message.Id + ":2"]);
        Assert.Equal(new ChainProgress(3, "SQQ"), _ledger.ProgressOf(message.Id));
        Assert.Equal(HandledState.Dispatched, _ledger.StateOf(message.Id));
    }

    [Fact]
    public async Task HandleAsync_LostAnswer_IsRecordedMaybeSentAndTheChainGoesOn()
    {
        var message = Message("wamid.LOST", "Bonjour");
        _graph.Answer = m => m.IdempotencyKey.EndsWith(":1", StringComparison.Ordinal)
            ? new GraphSendResult { Outcome = SendOutcome.MaybeAccepted, Reason = "connection closed" }
            : GraphSendResult.Accepted(m.Body is MarkReadBody ? null : "wamid.OUT_" + m.IdempotencyKey);

        await Handler().HandleAsync(message, Ct);

        Assert.Equal([message.Id + ":read", message.Id + ":1", message.Id + ":2", message.Id + ":3"], _graph.Keys);
        Assert.Equal(new ChainProgress(3, "USS"), _ledger.ProgressOf(message.Id));
        Assert.Equal([message.Id + ":2", message.Id + ":3"], _ledger.Indexed.Select(i => i.IdempotencyKey));
        var (check, delay) = Assert.Single(_queue.Enqueued);
        Assert.Equal((message.Id + ":1", true), (check.IdempotencyKey, check.UnknownCheck));
        Assert.Empty(check.Then);
        Assert.Equal(TimeSpan.FromSeconds(new OutboundOptions().UnknownGraceSeconds), delay);
    }

    [Fact]
    public async Task HandleAsync_WebhookHoursLate_SendsNoReplyAndTheQueueDropsEachOnce()
    {
        var message = Message("wamid.HOURS_LATE", "Bonjour");
        _time.SetUtcNow(s_sunday.AddHours(3));
        var sender = new OutboundSender(_graph, _sendLedger, _queue, Options.Create(new OutboundOptions()), _time, NullLogger<OutboundSender>.Instance);

        await Handler().HandleAsync(message, Ct);
        var (chain, delay) = Assert.Single(_queue.Enqueued);
        // The queue's deliveries, one after another: each settles its reply and queues the next of the chain.
        var dispositions = new List<SendDisposition>();
        var next = chain;
        for (var i = 0; i < 3; i++)
        {
            dispositions.Add(await sender.SendAsync(next, Ct));
            next = _queue.Enqueued.Last().Message;
        }

        Assert.Equal([message.Id + ":read"], _graph.Keys);
        Assert.Null(delay);
        Assert.Equal([SendDisposition.Expired, SendDisposition.Expired, SendDisposition.Expired], dispositions);
        Assert.Equal([message.Id + ":1", message.Id + ":2", message.Id + ":3"], _queue.Enqueued.Select(e => e.Message.IdempotencyKey));
        Assert.All([":1", ":2", ":3"], n => Assert.Equal("Failed", _sendLedger.States[message.Id + n]));
        Assert.Equal(HandledState.Dispatched, _ledger.StateOf(message.Id));
    }

    [Fact]
    public async Task HandleAsync_LeaseTakenOverWhileSending_StopsAfterTheCurrentReply()
    {
        _ledger.KeepsTheLease = false;

        await Handler().HandleAsync(Message("wamid.LATE", "Bonjour"), Ct);

        Assert.Equal(["wamid.LATE:read", "wamid.LATE:1"], _graph.Keys);
        Assert.Empty(_queue.Enqueued);
    }

    [Fact]
    public async Task HandleAsync_Stop_OptsTheContactOutAndConfirms()
    {
        var stop = Message("wamid.STOP", "STOP");

        await Handler().HandleAsync(stop, Ct);

        Assert.True(_contacts.Contacts[(stop.PhoneNumberId, stop.From)].OptedOut);
        Assert.Equal(ReplyKind.OptOut, _graph.Sent.Last().Kind);
        Assert.Equal(2, _graph.Sent.Count);
    }
}
