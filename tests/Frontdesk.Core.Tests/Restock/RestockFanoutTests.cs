using System.Collections.Concurrent;
using Frontdesk.Core.Catalogue;
using Frontdesk.Core.Outreach;
using Frontdesk.Core.Restock;
using Frontdesk.Core.Restock.Fanout;
using Frontdesk.Core.Rules;
using Frontdesk.Core.Tests.Rules;
using Frontdesk.Core.WhatsApp.Messages;
using Frontdesk.Core.WhatsApp.Sending;
using Frontdesk.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Frontdesk.Core.Tests.Restock;

/// <summary>The fan-out against the outreach queue's interface (the sending core is another piece; here it is a mock).</summary>
public sealed class RestockFanoutTests
{
    private const string Number = Rows.Number;
    private static readonly DateTimeOffset s_now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(s_now);
    private readonly InMemorySubscriptionStore _subscriptions = new();
    private readonly InMemoryRestockAlertQueue _alerts = new();
    private readonly Mock<IOutreachQueue> _outreach = new(MockBehavior.Strict);
    private readonly ConcurrentQueue<(OutreachMessage Message, double Rate)> _queued = new();
    private readonly Mock<IProductLookup> _products = new();

    private Product _product = new()
    {
        Sku = "CRO-01", Title = "Croissant", Price = 1.2m, Currency = "EUR", InStock = true,
        ImageLink = "https://example.com/croissant.jpg",
    };

    public RestockFanoutTests()
    {
        _outreach
            .Setup(q => q.EnqueueAsync(It.IsAny<IReadOnlyList<OutreachMessage>>(), It.IsAny<double>(), It.IsAny<CancellationToken>()))
            .Callback((IReadOnlyList<OutreachMessage> messages, double rate, CancellationToken _) =>
            {
                foreach (var message in messages)
                {
                    _queued.Enqueue((message, rate));
                }
            })
            .ReturnsAsync(s_now.AddSeconds(1));
        _products.Setup(p => p.FindAsync(Number, "CRO-01", It.IsAny<CancellationToken>())).ReturnsAsync(() => _product);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private RestockFanout Fanout() => new(
        _subscriptions,
        _products.Object,
        new InMemoryRuleSource(Rows.Settings(("Culture", "fr-FR"))),
        _outreach.Object,
        _alerts,
        Options.Create(new OutboundOptions { MessagesPerSecond = 5 }),
        _time,
        NullLogger<RestockFanout>.Instance);

    private static RestockAlert Alert(string? after = null) => new() { PhoneNumberId = Number, Sku = "CRO-01", Source = "import", After = after };

    private Subscription Subscribe(string waId, string sku = "CRO-01", SubscriptionState state = SubscriptionState.Open, int expiresInDays = 30, string? name = "Anna")
    {
        var subscription = new Subscription
        {
            PhoneNumberId = Number, Sku = sku, WaId = waId, Name = name, State = state,
            Created = s_now.AddDays(-1), Expires = s_now.AddDays(expiresInDays),
        };
        _subscriptions.Add(subscription);
        return subscription;
    }

    /// <summary>Runs the alert and every page it queues after it, as the queue function would.</summary>
    private async Task<int> DrainAsync(RestockAlert first)
    {
        var fanout = Fanout();
        var total = await fanout.FanOutAsync(first, Ct);
        while (_alerts.Queued.TryDequeue(out var next))
        {
            total += await fanout.FanOutAsync(next, Ct);
        }

        return total;
    }

    [Fact]
    public async Task FanOutAsync_LiveSubscriber_QueuesOneAlertAtTheConfiguredRateAndClosesIt()
    {
        var live = Subscribe("33600000001");

        var sent = await Fanout().FanOutAsync(Alert(), Ct);

        Assert.Equal(1, sent);
        var (message, rate) = Assert.Single(_queued);
        Assert.Equal(5, rate);
        Assert.Equal($"restock:CRO-01:33600000001:{live.Created.UtcTicks}", message.IdempotencyKey);
        Assert.Equal((Number, "33600000001", "back-in-stock"), (message.PhoneNumberId, message.To, message.Purpose));
        Assert.Equal("Anna", message.Variables["name"]);
        Assert.Equal("Croissant", message.Variables["product"]);
        Assert.Equal(1.2m.ToString("C", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")), message.Variables["price"]);
        Assert.Equal("https://example.com/croissant.jpg", message.HeaderImageLink);
        var card = Assert.IsType<TextBody>(message.FreeForm);
        Assert.StartsWith("Bonne nouvelle : Croissant est de retour en stock !", card.Text, StringComparison.Ordinal);
        Assert.Contains("1,20", card.Text, StringComparison.Ordinal);
        var closed = Assert.Single(_subscriptions.All);
        Assert.Equal((SubscriptionState.Notified, s_now), (closed.State, closed.ClosedAt));
    }

    [Fact]
    public async Task FanOutAsync_CatalogId_SendsTheCatalogueProductInsideTheWindow()
    {
        Subscribe("33600000001");
        var fanout = new RestockFanout(
            _subscriptions, _products.Object, new InMemoryRuleSource(Rows.Settings(("Culture", "en-GB"), ("CatalogId", "cat-9"))),
            _outreach.Object, _alerts, Options.Create(new OutboundOptions()), _time, NullLogger<RestockFanout>.Instance);

        await fanout.FanOutAsync(Alert(), Ct);

        var (message, rate) = Assert.Single(_queued);
        Assert.Equal(20, rate);
        Assert.Equal(new ProductBody("cat-9", "CRO-01", "Good news: Croissant is back in stock!"), message.FreeForm);
    }

    [Fact]
    public async Task FanOutAsync_ExpiredNotifiedAndOtherProducts_AreNotAlerted()
    {
        Subscribe("33600000001", expiresInDays: -1);
        Subscribe("33600000002", state: SubscriptionState.Notified);
        Subscribe("33600000003", sku: "PAI-02");
        Subscribe("33600000004");

        await Fanout().FanOutAsync(Alert(), Ct);

        Assert.Equal(["33600000004"], _queued.Select(q => q.Message.To));
        var states = _subscriptions.All.ToDictionary(s => s.WaId, s => s.State);
        Assert.Equal(SubscriptionState.Expired, states["33600000001"]);
        Assert.Equal(SubscriptionState.Notified, states["33600000002"]);
        Assert.Equal(SubscriptionState.Open, states["33600000003"]);
        Assert.Equal(SubscriptionState.Notified, states["33600000004"]);
    }

    [Fact]
    public async Task FanOutAsync_SecondRestock_SendsNothing()
    {
        Subscribe("33600000001");
        await Fanout().FanOutAsync(Alert(), Ct);

        var again = await Fanout().FanOutAsync(Alert(), Ct);

        Assert.Equal(0, again);
        Assert.Single(_queued);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FanOutAsync_ProductOutOfStockOrGone_SendsNothingAndKeepsSubscriptions(bool gone)
    {
        Subscribe("33600000001");
        _product = _product with { InStock = false };
        if (gone)
        {
            _products.Setup(p => p.FindAsync(Number, "CRO-01", It.IsAny<CancellationToken>())).ReturnsAsync((Product?)null);
        }

        var sent = await Fanout().FanOutAsync(Alert(), Ct);

        Assert.Equal(0, sent);
        Assert.Empty(_queued);
        Assert.Equal(SubscriptionState.Open, Assert.Single(_subscriptions.All).State);
    }

    [Fact]
    public async Task FanOutAsync_ManySubscribers_PagesThroughEveryoneOnce()
    {
        var count = RestockFanout.PageSize * 2 + 17;
        for (var i = 0; i < count; i++)
        {
            Subscribe($"336{i:D8}");
        }

        var sent = await DrainAsync(Alert());

        Assert.Equal(count, sent);
        Assert.Equal(count, _queued.Select(q => q.Message.IdempotencyKey).Distinct().Count());
        Assert.Equal(count, _queued.Count);
        Assert.All(_subscriptions.All, s => Assert.Equal(SubscriptionState.Notified, s.State));
    }

    [Fact]
    public async Task FanOutAsync_QueueFails_ClosesNothingSoTheRetryAlertsEveryone()
    {
        Subscribe("33600000001");
        _outreach
            .Setup(q => q.EnqueueAsync(It.IsAny<IReadOnlyList<OutreachMessage>>(), It.IsAny<double>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("queue down"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Fanout().FanOutAsync(Alert(), Ct));

        Assert.Equal(SubscriptionState.Open, Assert.Single(_subscriptions.All).State);
    }

    [Fact]
    public async Task FanOutAsync_UnreadableRow_IsSkippedAndTheOthersAlerted()
    {
        Subscribe("33600000001");
        _subscriptions.Problems.Add(new RuleProblem("Subscriptions", Number, "CRO-01|not-a-wa-id", "RowKey 'CRO-01|not-a-wa-id' is not <SKU>|<wa_id>"));

        var sent = await Fanout().FanOutAsync(Alert(), Ct);

        Assert.Equal(1, sent);
    }
}
