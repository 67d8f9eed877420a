using Frontdesk.Core.Catalogue;
using Frontdesk.Core.Conversations;
using Frontdesk.Core.Restock;
using Frontdesk.Core.Rules;
using Frontdesk.Core.Tests.WhatsApp;
using Frontdesk.Core.Webhooks.Events;
using Frontdesk.Core.WhatsApp.Messages;
using Frontdesk.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Frontdesk.Core.Tests.Conversations;

/// <summary>
/// The handler's own logic over in-memory ports, with the demo business (closed on Sundays): what it queues, in
/// which order, what it records, and what each ledger state makes it do. The table ledger's lease and concurrency
/// are tested against Azurite in Storage.Tests (ExactlyOnceDeliveryTests).
/// </summary>
public sealed class InboundMessageHandlerTests
{
    /// <summary>Sunday 29 November 2026, 10:00 UTC: the bakery is closed.</summary>
    private static readonly DateTimeOffset s_sunday = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(s_sunday.AddMinutes(1));
    private readonly InMemoryHandledMessages _ledger = new();
    private readonly RecordingContactStore _contacts = new();
    private readonly RecordingOutboundQueue _queue = new();
    private readonly InMemorySubscriptionStore _subscriptions = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private InboundMessageHandler Handler(ICatalogueResponder? catalogue = null) => new(
        _ledger,
        new InMemoryRuleSource([.. DemoBusiness.Rows]),
        _contacts,
        new ReplyEngine(_time, catalogue ?? FixedIndexProvider.EmptyCatalogue()),
        _queue,
        _subscriptions,
        NullLogger<InboundMessageHandler>.Instance);

    private static InboundMessage Message(string id, string text) => Inbound.Text(text) with { Id = id, Timestamp = s_sunday };

    private static IEnumerable<OutboundMessage> Unrolled(OutboundMessage head) => new[] { head }.Concat(head.Then);

    [Fact]
    public async Task HandleAsync_NewMessage_QueuesTheReadReceiptThenTheRepliesAsOneChain()
    {
        var message = Message("wamid.ONE", "Bonjour");

        await Handler().HandleAsync(message, Ct);

        var enqueued = _queue.Enqueued.Select(e => e.Message).ToList();
        Assert.Equal(2, enqueued.Count);
        Assert.Equal(new MarkReadBody(message.Id), Assert.Single(Unrolled(enqueued[0])).Body);
        Assert.Equal([ReplyKind.Greeting, ReplyKind.Menu, ReplyKind.Away], Unrolled(enqueued[1]).Select(m => m.Kind));
        Assert.Equal([message.Id + ":1", message.Id + ":2", message.Id + ":3"], Unrolled(enqueued[1]).Select(m => m.IdempotencyKey));
        Assert.All(_queue.Enqueued, e => Assert.Null(e.Delay));
        Assert.Equal(HandledState.Dispatched, _ledger.StateOf(message.Id));
        Assert.Equal(_time.GetUtcNow(), _contacts.Contacts[(message.PhoneNumberId, message.From)].LastInbound);
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
        await Handler(catalogue).HandleAsync(press with { Id = "wamid.PRESS2" }, Ct);

        var stored = Assert.Single(_subscriptions.All);
        Assert.Equal(("CRO-01", press.From, "Anna", SubscriptionState.Open), (stored.Sku, stored.WaId, stored.Name, stored.State));
        Assert.Equal(_time.GetUtcNow().AddDays(30), stored.Expires);
        var confirmations = _queue.Enqueued.Select(e => e.Message).Where(m => m.Kind != ReplyKind.ReadReceipt).SelectMany(Unrolled).Where(m => m.Kind == ReplyKind.Catalogue).ToList();
        Assert.Equal(2, confirmations.Count);
        Assert.All(confirmations, m => Assert.Contains("Croissant", Assert.IsType<TextBody>(m.Body).Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandleAsync_AlreadyDispatched_QueuesAndSavesNothing()
    {
        var message = Message("wamid.DONE", "Bonjour");
        _ledger.Preset(message, HandledState.Dispatched);

        await Handler().HandleAsync(message, Ct);

        Assert.Empty(_queue.Enqueued);
        Assert.Equal(0, _contacts.Saves);
    }

    [Fact]
    public async Task HandleAsync_AnotherDeliveryIsDeciding_ThrowsSoTheQueueRetriesLater()
    {
        var message = Message("wamid.BUSY", "Bonjour");
        _ledger.Preset(message, HandledState.Busy);

        await Assert.ThrowsAsync<DuplicateInProgressException>(() => Handler().HandleAsync(message, Ct));

        Assert.Empty(_queue.Enqueued);
    }

    [Fact]
    public async Task HandleAsync_DecidedButNotDispatched_QueuesTheRecordedDecisionNotANewOne()
    {
        var message = Message("wamid.CRASHED", "Bonjour");
        var recorded = new OutboundMessage
        {
            IdempotencyKey = message.Id + ":1",
            PhoneNumberId = message.PhoneNumberId,
            To = message.From,
            Kind = ReplyKind.Rule,
            Body = new TextBody("the reply decided before the crash"),
        };
        _ledger.Preset(message, HandledState.Decided, new RecordedDecision([recorded], Contacts.Regular(s_sunday), "rule: recorded"));

        await Handler().HandleAsync(message, Ct);

        var queued = Assert.Single(Unrolled(Assert.Single(_queue.Enqueued).Message));
        Assert.Equal((recorded.IdempotencyKey, recorded.Body), (queued.IdempotencyKey, queued.Body));
        Assert.Equal(HandledState.Dispatched, _ledger.StateOf(message.Id));
    }

    [Fact]
    public async Task HandleAsync_LeaseTakenOverBeforeRecording_ThrowsAndQueuesNothing()
    {
        _ledger.KeepsTheLease = false;

        await Assert.ThrowsAsync<DuplicateInProgressException>(() => Handler().HandleAsync(Message("wamid.LATE", "Bonjour"), Ct));

        Assert.Empty(_queue.Enqueued);
    }

    [Fact]
    public async Task HandleAsync_Stop_OptsTheContactOutAndConfirms()
    {
        var stop = Message("wamid.STOP", "STOP");

        await Handler().HandleAsync(stop, Ct);

        Assert.True(_contacts.Contacts[(stop.PhoneNumberId, stop.From)].OptedOut);
        Assert.Equal(ReplyKind.OptOut, Assert.Single(Unrolled(_queue.Enqueued.Last().Message)).Kind);
    }
}
