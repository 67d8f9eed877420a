using Azure.Storage.Queues;
using Frontdesk.Core.Outreach;
using Frontdesk.Core.WhatsApp.Messages;
using Frontdesk.Storage.Outbound;
using Frontdesk.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Frontdesk.Storage.Tests.Outbound;

public sealed class OutreachQueueTests(AzuriteFixture azurite)
{
    private const string Number = "1234567890";

    private readonly string _prefix = TestNames.Prefix();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private QueueClient Main => azurite.Queue(_prefix + "outreach");

    /// <summary>A queue as one instance of the app holds it (its own pacer cache), on the shared queue and table.</summary>
    private OutreachQueue Instance() => new(
        Main, azurite.Queue(_prefix + "outreach-poison"), azurite.Table(_prefix + "Ledger"), new QueueSignals(), TimeProvider.System, NullLogger<OutreachQueue>.Instance);

    private static OutreachMessage Message(int i) => new()
    {
        IdempotencyKey = $"broadcast:b1:3360000{i:D4}",
        PhoneNumberId = Number,
        To = $"3360000{i:D4}",
        Purpose = "menu",
        Variables = new Dictionary<string, string> { ["offer"] = "Bûche -20 %" },
        FreeForm = new ProductBody("cat-1", "SKU-1", "Back in stock"),
        HeaderImageLink = "https://example.com/p.jpg",
    };

    [Fact]
    public async Task EnqueueAsync_Message_RoundTripsItsFreeFormBodyAndVariables()
    {
        await Instance().EnqueueAsync([Message(1)], 20, Ct);

        var received = (await Main.ReceiveMessageAsync(cancellationToken: Ct)).Value;
        var back = OutreachQueue.Deserialize(received.Body.ToString());

        Assert.Equal(Message(1).IdempotencyKey, back.IdempotencyKey);
        Assert.Equal(new ProductBody("cat-1", "SKU-1", "Back in stock"), back.FreeForm);
        Assert.Equal("Bûche -20 %", back.Variables["offer"]);
        Assert.Equal("https://example.com/p.jpg", back.HeaderImageLink);
    }

    [Fact]
    public async Task EnqueueAsync_TwoFanOutsOnOneNumber_TakeConsecutiveSlotsOfOneSchedule()
    {
        var before = DateTimeOffset.UtcNow;
        var first = Instance();
        var second = Instance();

        var lasts = await Task.WhenAll(
            first.EnqueueAsync([.. Enumerable.Range(0, 10).Select(Message)], 10, Ct),
            second.EnqueueAsync([.. Enumerable.Range(10, 10).Select(Message)], 10, Ct));

        // Twenty messages at 10/s reserve two seconds of the number's schedule, one batch after the other.
        var nextFree = await first.NextFreeSlotAsync(Number, Ct);
        Assert.True(nextFree >= before + TimeSpan.FromSeconds(2), $"next free slot {nextFree:O}, started {before:O}");
        Assert.True((lasts.Max() - lasts.Min()) >= TimeSpan.FromSeconds(0.99), $"batches end at {lasts[0]:O} and {lasts[1]:O}");
        Assert.Equal(20, (await Main.GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task RetryAsync_Message_StaysHiddenForTheDelay()
    {
        await Instance().RetryAsync(Message(2) with { Attempt = 1, LastError = "attempt 1: throttled" }, TimeSpan.FromMinutes(5), Ct);

        var visible = (await Main.PeekMessagesAsync(32, Ct)).Value;
        var properties = (await Main.GetPropertiesAsync(Ct)).Value;

        Assert.Empty(visible);
        Assert.Equal(1, properties.ApproximateMessagesCount);
    }
}
