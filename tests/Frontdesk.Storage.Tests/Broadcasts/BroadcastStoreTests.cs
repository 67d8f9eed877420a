using Frontdesk.Core.Broadcasts;
using Frontdesk.Storage;
using Frontdesk.Storage.Broadcasts;
using Frontdesk.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Frontdesk.Storage.Tests.Broadcasts;

/// <summary>The Broadcasts table on Azurite: one commit per broadcast, and counts exactly once under real concurrency.</summary>
public sealed class BroadcastStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private readonly BroadcastStore _store = new(azurite.Table(TestNames.Prefix() + StorageNames.Tables.Broadcasts), new FakeTimeProvider(s_now));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static BroadcastSummary Summary(string id, int planned) => new()
    {
        Id = id, PhoneNumberId = "200000000000001", Purpose = "menu", State = BroadcastState.Sending, Planned = planned, CreatedAt = s_now, Name = "Menu de Noël",
    };

    private static List<BroadcastRecipient> Recipients(int count, RecipientState state) =>
        [.. Enumerable.Range(1, count).Select(i => new BroadcastRecipient { WaId = $"336{i:D8}", State = state })];

    [Fact]
    public async Task CreateAsync_SameIdTwice_KeepsTheFirst()
    {
        var (first, created) = await _store.CreateAsync(Summary("noel", 3), Recipients(3, RecipientState.Planned), Ct);

        var (second, createdAgain) = await _store.CreateAsync(Summary("noel", 9), Recipients(9, RecipientState.Planned), Ct);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal((3, "Menu de Noël"), (second.Planned, second.Name));
        Assert.Equal(3, (await _store.InStateAsync("noel", RecipientState.Planned, 100, Ct)).Count);
        Assert.NotNull(first.Version);
    }

    [Fact]
    public async Task TransitionAsync_ConcurrentOutcomesAndStatuses_CountEachRecipientOnce()
    {
        const int count = 40;
        await _store.CreateAsync(Summary("busy", count), Recipients(count, RecipientState.Queued), Ct);
        var work = new List<Task>();
        foreach (var waId in Recipients(count, RecipientState.Queued).Select(r => r.WaId))
        {
            for (var copy = 0; copy < 3; copy++)
            {
                work.Add(Task.Run(() => ChangeAsync("busy", waId, r => r.IsSettled ? null : r with { State = RecipientState.Sent }), Ct));
                work.Add(Task.Run(() => ChangeAsync("busy", waId, r => r.Delivered ? null : r with { Delivered = true, State = r.IsSettled ? r.State : RecipientState.Sent }), Ct));
            }
        }

        await Task.WhenAll(work);

        var summary = await _store.GetAsync("busy", Ct);
        Assert.Equal((count, count, count, BroadcastState.Done), (summary!.Sent, summary.Delivered, summary.Settled, summary.State));
    }

    [Fact]
    public async Task DueAsync_PlannedThenDeferredWhoseWindowCameThenLostQueued()
    {
        await _store.CreateAsync(Summary("due", 5), [
            new BroadcastRecipient { WaId = "33600000004", State = RecipientState.Queued, QueuedAt = s_now.AddMinutes(-30) },
            new BroadcastRecipient { WaId = "33600000005", State = RecipientState.Queued, QueuedAt = s_now.AddMinutes(-1) },
            new BroadcastRecipient { WaId = "33600000001", State = RecipientState.Planned },
            new BroadcastRecipient { WaId = "33600000002", State = RecipientState.Deferred, NotBefore = s_now.AddMinutes(-1) },
            new BroadcastRecipient { WaId = "33600000003", State = RecipientState.Deferred, NotBefore = s_now.AddHours(1) },
        ], Ct);

        var due = await _store.DueAsync("due", s_now, s_now.AddMinutes(-15), 10, Ct);

        Assert.Equal(["33600000001", "33600000002", "33600000004"], due.Select(r => r.WaId));
    }

    [Fact]
    public async Task RunningAsync_ListsScheduledAndSendingOnly()
    {
        await _store.CreateAsync(Summary("run-a", 1), Recipients(1, RecipientState.Planned), Ct);
        await _store.CreateAsync(Summary("run-b", 1) with { State = BroadcastState.Paused }, Recipients(1, RecipientState.Planned), Ct);

        var running = await _store.RunningAsync(Ct);

        Assert.Contains(running, s => s.Id == "run-a");
        Assert.DoesNotContain(running, s => s.Id == "run-b");
    }

    private async Task ChangeAsync(string id, string waId, Func<BroadcastRecipient, BroadcastRecipient?> change)
    {
        var row = await _store.GetRecipientAsync(id, waId, Ct);
        await _store.TransitionAsync(id, [row!], (_, r) => change(r), null, Ct);
    }
}
