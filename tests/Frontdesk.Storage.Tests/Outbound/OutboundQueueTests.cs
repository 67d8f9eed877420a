using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Frontdesk.Core.WhatsApp.Graph;
using Frontdesk.Core.WhatsApp.Messages;
using Frontdesk.Core.WhatsApp.Sending;
using Frontdesk.Storage.Outbound;
using Frontdesk.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Frontdesk.Storage.Tests.Outbound;

public sealed class OutboundQueueTests(AzuriteFixture azurite)
{
    private readonly string _prefix = TestNames.Prefix();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private QueueClient Main => azurite.Queue(_prefix + "out");

    private QueueClient Poison => azurite.Queue(_prefix + "out-poison");

    private OutboundQueue Queue() => new(Main, Poison, new QueueSignals());

    /// <summary>Polls until a message is visible (the trigger's view), or fails after a generous timeout.</summary>
    private static async Task<QueueMessage> ReceiveAsync(QueueClient queue, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            var received = await queue.ReceiveMessageAsync(TimeSpan.FromSeconds(30), Ct);
            if (received.Value is { } message)
            {
                return message;
            }

            await Task.Delay(100, Ct);
        }

        throw new TimeoutException($"No message became visible on {queue.Name}.");
    }

    [Fact]
    public async Task EnqueueAsync_Message_IsBase64JsonThatRoundTripsEveryField()
    {
        var message = Builders.Message("wamid.B64:1") with
        {
            Kind = ReplyKind.Menu,
            RuleName = "menu",
            InReplyTo = "wamid.B64",
            Quote = true,
            Body = new ListBody("Menu", "Open", [new ListSection(null, [new ListRow("1", "Hours", "When we are open")])]),
        };
        await Queue().EnqueueAsync(message, cancellationToken: Ct);

        var raw = await ReceiveAsync(new QueueServiceClient(azurite.ConnectionString).GetQueueClient(Main.Name));
        var json = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(raw.MessageText));
        var back = OutboundQueue.Deserialize(json);

        Assert.Contains("\"$type\":\"list\"", json, StringComparison.Ordinal);
        Assert.Equal(message with { Body = back.Body, Then = back.Then }, back);
        Assert.Empty(back.Then);
        var list = Assert.IsType<ListBody>(back.Body);
        Assert.Equal("When we are open", Assert.Single(Assert.Single(list.Sections).Rows).Description);
    }

    [Fact]
    public async Task Chain_RoundTripsInOrder()
    {
        var chain = OutboundMessage.Chain([Builders.Message("wamid.CH:1"), Builders.Message("wamid.CH:2"), Builders.Message("wamid.CH:3")])!;
        await Queue().EnqueueAsync(chain, cancellationToken: Ct);

        var raw = await ReceiveAsync(new QueueServiceClient(azurite.ConnectionString).GetQueueClient(Main.Name));
        var back = OutboundQueue.Deserialize(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(raw.MessageText)));

        Assert.Equal("wamid.CH:1", back.IdempotencyKey);
        Assert.Equal(["wamid.CH:2", "wamid.CH:3"], back.Then.Select(m => m.IdempotencyKey));
    }

    [Fact]
    public async Task EnqueueAsync_Delay_HidesTheMessageUntilItPasses()
    {
        await Queue().EnqueueAsync(Builders.Message("wamid.LATE:0"), TimeSpan.FromMinutes(5), Ct);
        await Queue().EnqueueAsync(Builders.Message("wamid.SOON:0"), TimeSpan.FromSeconds(1), Ct);

        var soon = OutboundQueue.Deserialize((await ReceiveAsync(Main)).MessageText);
        Assert.Equal("wamid.SOON:0", soon.IdempotencyKey);
        var props = await Main.GetPropertiesAsync(Ct);
        Assert.Equal(2, props.Value.ApproximateMessagesCount);
        Assert.Null((await Main.ReceiveMessageAsync(cancellationToken: Ct)).Value);
    }

    [Fact]
    public async Task SendAsync_TransientFailures_AreReEnqueuedWithAttemptPlusOneThenPoisonedAfterTheMaximum()
    {
        var ledger = new SendLedgerStore(azurite.Table(_prefix + "ledger"), TimeProvider.System);
        var whatsApp = new ScriptedSender(_ => new GraphSendResult { Outcome = SendOutcome.Transient, HttpStatus = 503, Reason = "HTTP 503 without a Graph error body" });
        var sender = new OutboundSender(whatsApp, ledger, Queue(),
            Options.Create(new OutboundOptions { MaxAttempts = 3, MaxRetryDelaySeconds = 1 }),
            TimeProvider.System,
            NullLogger<OutboundSender>.Instance);
        await Queue().EnqueueAsync(Builders.Message("wamid.POISON:0"), cancellationToken: Ct);

        var dispositions = new List<SendDisposition>();
        var attempts = new List<int>();
        for (var delivery = 0; delivery < 3; delivery++)
        {
            // What the trigger does: take the next visible message, hand it to the sender, delete it on success.
            var received = await ReceiveAsync(Main);
            var message = OutboundQueue.Deserialize(received.MessageText);
            attempts.Add(message.Attempt);
            dispositions.Add(await sender.SendAsync(message, Ct));
            await Main.DeleteMessageAsync(received.MessageId, received.PopReceipt, Ct);
        }

        Assert.Equal([0, 1, 2], attempts);
        Assert.Equal([SendDisposition.RetryScheduled, SendDisposition.RetryScheduled, SendDisposition.Poisoned], dispositions);
        Assert.Equal(3, whatsApp.Calls);
        Assert.Equal(0, (await Main.GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount);
        var poisoned = OutboundQueue.Deserialize((await ReceiveAsync(Poison)).MessageText);
        Assert.Equal(3, poisoned.Attempt);
        Assert.Contains("gave up after 3 attempts", poisoned.LastError, StringComparison.Ordinal);
        Assert.Contains("HTTP 503", poisoned.LastError, StringComparison.Ordinal);
        var row = await ledger.GetAsync(poisoned.PhoneNumberId, poisoned.IdempotencyKey, Ct);
        Assert.Equal(SendLedgerStore.Failed, row!.GetString("State"));
    }
}
