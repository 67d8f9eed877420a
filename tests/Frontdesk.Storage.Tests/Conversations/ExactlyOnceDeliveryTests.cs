using Azure.Data.Tables;
using Azure.Storage.Queues;
using Frontdesk.Core;
using Frontdesk.Core.Conversations;
using Frontdesk.Core.Webhooks.Events;
using Frontdesk.Core.WhatsApp.Messages;
using Frontdesk.Storage.Contacts;
using Frontdesk.Storage.Conversations;
using Frontdesk.Storage.Outbound;
using Frontdesk.Storage.Rules;
using Frontdesk.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Frontdesk.Storage.Tests.Conversations;

/// <summary>
/// The table ledger (<see cref="HandledMessageLedger"/>) keeps Core's handler exactly-once on real tables and a real
/// queue, seeded with the demo business (closed on Sundays): duplicate deliveries, concurrent deliveries and
/// deliveries that die between two steps. The handler's own logic is tested in Core.Tests.
/// </summary>
public sealed class ExactlyOnceDeliveryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    // "Bonjour" from a new contact on a closed Sunday: greeting, menu, away.
    private static readonly string[] s_firstContactKeys = [":read", ":1", ":2", ":3"];

    private readonly string _prefix = TestNames.Prefix();
    private readonly FakeTimeProvider _time = new(Inbound.Sent.AddMinutes(1));
    private TableRuleSource _rules = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TableClient HandledTable => azurite.Table(_prefix + "handled");

    private QueueClient OutQueue => azurite.Queue(_prefix + "out");

    private HandledMessageLedger Ledger() => new(HandledTable, _time);

    private ContactStore Contacts() => new(azurite.Table(_prefix + StorageNames.Tables.Contacts), NullLogger<ContactStore>.Instance);

    private RecordingOutboundQueue Queue(int? crashAt = null, TaskCompletionSource? holdFirst = null) =>
        new(new OutboundQueue(OutQueue, azurite.Queue(_prefix + "out-poison"), new QueueSignals())) { CrashAt = crashAt, HoldFirst = holdFirst };

    private InboundMessageHandler Handler(RecordingOutboundQueue queue) =>
        new(Ledger(), _rules, Contacts(), new ReplyEngine(_time, FixedIndexProvider.EmptyCatalogue()), queue, new InMemorySubscriptionStore(), NullLogger<InboundMessageHandler>.Instance);

    public async ValueTask InitializeAsync()
    {
        var tables = RuleTables.From(azurite.Tables, _prefix);
        await new DemoBusinessSeeder(tables).SeedIfEmptyAsync(Ct);
        _rules = new TableRuleSource(tables, _time, Options.Create(new FrontdeskOptions()), NullLogger<TableRuleSource>.Instance);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task HandleAsync_OneMessage_QueuesTheReadReceiptThenTheRepliesAsOneOrderedChain()
    {
        var queue = Queue();
        var message = Inbound.Text("wamid.ONE", "Bonjour");

        await Handler(queue).HandleAsync(message, Ct);

        var enqueued = queue.Enqueued.ToList();
        Assert.Equal(2, enqueued.Count);
        Assert.Equal(s_firstContactKeys.Select(k => message.Id + k), Keys(enqueued.Select(e => e.Message)));
        Assert.Equal([ReplyKind.ReadReceipt, ReplyKind.Greeting, ReplyKind.Menu, ReplyKind.Away], Flatten(enqueued.Select(e => e.Message)).Select(m => m.Kind));
        Assert.All(enqueued, e => Assert.Null(e.Delay));
        Assert.Equal(new MarkReadBody(message.Id), enqueued[0].Message.Body);
        Assert.All(Flatten(enqueued.Select(e => e.Message)), m => Assert.Equal(Inbound.Customer, m.To));
        Assert.Equal([message.Id + ":1", message.Id + ":read"], (await DrainAsync(2)).Order(StringComparer.Ordinal));
        Assert.Equal(HandledMessageLedger.Dispatched, (await LedgerRowAsync(message)).GetString("State"));
        Assert.Equal(_time.GetUtcNow(), (await Contacts().GetAsync(Inbound.Number, Inbound.Customer, Ct))!.State.LastInbound);
    }

    [Fact]
    public async Task HandleAsync_SameMessageTwice_QueuesNothingTheSecondTime()
    {
        var queue = Queue();
        var message = Inbound.Text("wamid.TWICE", "Bonjour");
        await Handler(queue).HandleAsync(message, Ct);
        _time.Advance(TimeSpan.FromMinutes(10));

        await Handler(queue).HandleAsync(message, Ct);

        Assert.Equal(2, queue.Enqueued.Count);
        Assert.Equal(2, await CountQueuedAsync());
    }

    [Fact]
    public async Task HandleAsync_EightConcurrentDeliveries_QueueTheRepliesOnce()
    {
        var queue = Queue();
        var handler = Handler(queue);
        var message = Inbound.Text("wamid.CONCURRENT", "Bonjour");
        using var start = new ManualResetEventSlim();

        var runs = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            start.Wait(Ct);
            try
            {
                await handler.HandleAsync(message, Ct);
                return null;
            }
            catch (DuplicateInProgressException e)
            {
                return e;
            }
        }, Ct)).ToArray();
        start.Set();
        var outcomes = await Task.WhenAll(runs);

        Assert.Contains(outcomes, o => o is null);
        Assert.Equal(s_firstContactKeys.Select(k => message.Id + k), Keys(queue.Enqueued.Select(e => e.Message)));
        Assert.Equal(2, await CountQueuedAsync());
        Assert.Equal(HandledMessageLedger.Dispatched, (await LedgerRowAsync(message)).GetString("State"));
    }

    [Fact]
    public async Task HandleAsync_RedeliveryWhileTheFirstIsStillQueueing_IsBusyAndQueuesNothing()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = Queue(holdFirst: release);
        var second = Queue();
        var message = Inbound.Text("wamid.MIDDISPATCH", "Bonjour");
        var firstRun = Handler(first).HandleAsync(message, Ct);
        await first.Holding.Task.WaitAsync(Ct);

        var redelivery = await Record.ExceptionAsync(() => Handler(second).HandleAsync(message, Ct));
        release.SetResult();
        await firstRun;

        Assert.IsType<DuplicateInProgressException>(redelivery);
        Assert.Empty(second.Enqueued);
        Assert.Equal(2, first.Enqueued.Count);
        Assert.Equal(2, await CountQueuedAsync());
    }

    [Fact]
    public async Task HandleAsync_DeliveryDiedAfterRecordingTheDecision_RedeliveryQueuesTheRecordedRepliesAndDispatches()
    {
        var crashing = Queue(crashAt: 2);
        var message = Inbound.Text("wamid.CRASH/1+x=", "Bonjour");
        await Assert.ThrowsAsync<IOException>(() => Handler(crashing).HandleAsync(message, Ct));
        var afterCrash = await LedgerRowAsync(message);
        var retry = Queue();

        var early = await Record.ExceptionAsync(() => Handler(retry).HandleAsync(message, Ct));
        _time.Advance(HandledMessageLedger.Lease + TimeSpan.FromSeconds(1));
        await Handler(retry).HandleAsync(message, Ct);

        Assert.Equal(HandledMessageLedger.Decided, afterCrash.GetString("State"));
        Assert.IsType<DuplicateInProgressException>(early);
        Assert.Equal([message.Id + ":read"], crashing.Enqueued.Select(e => e.Message.IdempotencyKey));
        Assert.Equal(s_firstContactKeys.Select(k => message.Id + k), Keys(retry.Enqueued.Select(e => e.Message)));
        Assert.Equal(afterCrash.GetString("Replies"), LedgerJson(Flatten(retry.Enqueued.Select(e => e.Message))));
        Assert.Equal(HandledMessageLedger.Dispatched, (await LedgerRowAsync(message)).GetString("State"));
        var queued = await DrainAsync(3);
        Assert.Equal(2, queued.Count(k => k == message.Id + ":read"));
        Assert.Equal([message.Id + ":1", message.Id + ":read"], queued.Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task HandleAsync_DeliveryDiedAfterClaiming_RedeliveryIsBusyUntilTheLeaseExpiresThenDecidesAndDispatches()
    {
        var queue = Queue();
        var message = Inbound.Text("wamid.DIED", "Bonjour");
        Assert.Equal(HandledState.Claimed, (await Ledger().ClaimAsync(message, Ct)).State);

        var early = await Record.ExceptionAsync(() => Handler(queue).HandleAsync(message, Ct));
        _time.Advance(HandledMessageLedger.Lease + TimeSpan.FromSeconds(1));
        await Handler(queue).HandleAsync(message, Ct);

        Assert.IsType<DuplicateInProgressException>(early);
        Assert.Equal(s_firstContactKeys.Select(k => message.Id + k), Keys(queue.Enqueued.Select(e => e.Message)));
        Assert.Equal(HandledMessageLedger.Dispatched, (await LedgerRowAsync(message)).GetString("State"));
        Assert.Equal(2, await CountQueuedAsync());
    }

    private async Task<TableEntity> LedgerRowAsync(InboundMessage message) =>
        (await HandledTable.GetEntityAsync<TableEntity>(
            message.Timestamp.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            TableKey.Encode(message.Id),
            cancellationToken: Ct)).Value;

    /// <summary>Every reply queued, chains unrolled in order (without their tails, as the ledger records them).</summary>
    private static List<OutboundMessage> Flatten(IEnumerable<OutboundMessage> queued) =>
        [.. queued.SelectMany(m => new[] { m }.Concat(m.Then)).Select(m => m with { Then = [] })];

    private static IEnumerable<string> Keys(IEnumerable<OutboundMessage> queued) => Flatten(queued).Select(m => m.IdempotencyKey);

    private static string LedgerJson(IEnumerable<OutboundMessage> replies) =>
        System.Text.Json.JsonSerializer.Serialize(replies.ToList(), LedgerJsonContext.Default.ListOutboundMessage);

    /// <summary>Every message on the queue, visible or still delayed.</summary>
    private async Task<int> CountQueuedAsync() => (await OutQueue.GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount;

    /// <summary>Receives <paramref name="count"/> queue messages and returns the keys of their heads.</summary>
    private async Task<List<string>> DrainAsync(int count)
    {
        var keys = new List<string>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (keys.Count < count && DateTime.UtcNow < deadline)
        {
            var batch = (await OutQueue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5), Ct)).Value;
            keys.AddRange(batch.Select(m => OutboundQueue.Deserialize(m.Body.ToString()).IdempotencyKey));
            if (batch.Length == 0)
            {
                await Task.Delay(200, Ct);
            }
        }

        Assert.Equal(count, keys.Count);
        return keys;
    }
}
