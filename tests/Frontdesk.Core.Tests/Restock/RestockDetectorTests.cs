using Frontdesk.Core.Catalogue;
using Frontdesk.Core.Restock;
using Frontdesk.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Frontdesk.Core.Tests.Restock;

public sealed class RestockDetectorTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private readonly InMemorySubscriptionStore _subscriptions = new();
    private readonly InMemoryRestockAlertQueue _alerts = new();
    private readonly Mock<IProductLookup> _products = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private RestockDetector Detector() => new(_subscriptions, _products.Object, _alerts, new FakeTimeProvider(s_now), NullLogger<RestockDetector>.Instance);

    private void Subscribe(string number, string sku, string waId, int expiresInDays = 30) => _subscriptions.Add(new Subscription
    {
        PhoneNumberId = number, Sku = sku, WaId = waId, Created = s_now.AddDays(-1), Expires = s_now.AddDays(expiresInDays),
    });

    private void Stock(string number, string sku, bool inStock) =>
        _products.Setup(p => p.FindAsync(number, sku, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Product { Sku = sku, Title = sku, Price = 1m, Currency = "EUR", InStock = inStock });

    private List<(string, string, string)> Queued() => [.. _alerts.Queued.Select(a => (a.PhoneNumberId, a.Sku, a.Source)).Order()];

    [Fact]
    public async Task ProductsBackAsync_NumberImport_QueuesOneAlertPerSubscribedProduct()
    {
        Subscribe("111111", "CRO-01", "33600000001");
        Subscribe("111111", "CRO-01", "33600000002");
        Subscribe("111111", "PAI-02", "33600000001");
        Subscribe("222222", "CRO-01", "33600000003");

        var queued = await Detector().ProductsBackAsync("111111", ["CRO-01", "NOBODY-WAITS"], Ct);

        Assert.Equal(1, queued);
        Assert.Equal([("111111", "CRO-01", "import")], Queued());
    }

    [Fact]
    public async Task ProductsBackAsync_DefaultImport_QueuesForEveryNumber()
    {
        Subscribe("111111", "CRO-01", "33600000001");
        Subscribe("222222", "CRO-01", "33600000003");
        Subscribe("222222", "OLD-01", "33600000003", expiresInDays: -1);

        await Detector().ProductsBackAsync("default", ["CRO-01", "OLD-01"], Ct);

        Assert.Equal([("111111", "CRO-01", "import"), ("222222", "CRO-01", "import")], Queued());
    }

    [Fact]
    public async Task WatchAsync_PortalEdit_QueuesOnlyProductsInStock()
    {
        Subscribe("111111", "CRO-01", "33600000001");
        Subscribe("111111", "PAI-02", "33600000001");
        Stock("111111", "CRO-01", inStock: true);
        Stock("111111", "PAI-02", inStock: false);

        var queued = await Detector().WatchAsync(Ct);

        Assert.Equal(1, queued);
        Assert.Equal([("111111", "CRO-01", "watch")], Queued());
    }

    [Fact]
    public async Task WatchAsync_LookupFails_OtherProductsStillQueued()
    {
        Subscribe("111111", "CRO-01", "33600000001");
        Subscribe("111111", "BAD-01", "33600000001");
        Stock("111111", "CRO-01", inStock: true);
        _products.Setup(p => p.FindAsync("111111", "BAD-01", It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("storage hiccup"));

        await Detector().WatchAsync(Ct);

        Assert.Equal([("111111", "CRO-01", "watch")], Queued());
    }
}
