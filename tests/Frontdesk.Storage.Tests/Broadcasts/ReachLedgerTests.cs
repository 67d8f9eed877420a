using Frontdesk.Storage;
using Frontdesk.Storage.Broadcasts;
using Frontdesk.Testing;

namespace Frontdesk.Storage.Tests.Broadcasts;

/// <summary>The daily cap's rolling 24 hours on Azurite, with concurrent fan-outs of one number.</summary>
public sealed class ReachLedgerTests(AzuriteFixture azurite)
{
    private const string Number = "200000000000001";

    private static readonly DateTimeOffset s_now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private readonly ReachLedger _ledger = new(azurite.Table(TestNames.Prefix() + StorageNames.Tables.BroadcastReach));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<string> Customers(int from, int count) => [.. Enumerable.Range(from, count).Select(i => $"336{i:D8}")];

    [Fact]
    public async Task ReserveAsync_ConcurrentFanouts_NeverExceedTheLimit()
    {
        var reservations = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => _ledger.ReserveAsync(Number, Customers(i * 30, 30), 50, s_now, Ct), Ct)));

        Assert.Equal(50, reservations.Sum(r => r.Allowed.Count));
        Assert.Equal(70, reservations.Sum(r => r.Deferred.Count));
        Assert.All(reservations.Where(r => r.Deferred.Count > 0), r => Assert.Equal(s_now.AddHours(24), r.NextWindowAt));
    }

    [Fact]
    public async Task ReserveAsync_RollingWindow_ReachedCustomersCostNothingAndRoomFreesAfter24Hours()
    {
        await _ledger.ReserveAsync(Number, Customers(0, 3), 3, s_now, Ct);

        var again = await _ledger.ReserveAsync(Number, Customers(1, 3), 3, s_now.AddHours(1), Ct);
        var nextDay = await _ledger.ReserveAsync(Number, Customers(3, 1), 3, s_now.AddHours(24).AddMinutes(1), Ct);

        Assert.Equal(Customers(1, 2), again.Allowed);
        Assert.Equal(Customers(3, 1), again.Deferred);
        Assert.Equal(s_now.AddHours(24), again.NextWindowAt);
        Assert.Equal(Customers(3, 1), nextDay.Allowed);
    }
}
