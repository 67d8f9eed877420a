using Frontdesk.Core.Broadcasts;
using Frontdesk.Core.Outreach;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Frontdesk.Core.Tests.Broadcasts;

public sealed class BroadcastOutcomesTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private static readonly BroadcastSummary s_summary = new()
    {
        Id = "noel", PhoneNumberId = "200000000000001", Purpose = "menu", State = BroadcastState.Sending, Planned = 2, CreatedAt = s_now, MessagesPerSecond = 20,
    };

    private static readonly OutreachMessage s_message = new()
    {
        IdempotencyKey = BroadcastKeys.IdempotencyKey("noel", "33600000001"), PhoneNumberId = "200000000000001", To = "33600000001", Purpose = "menu",
    };

    private readonly Mock<IBroadcastStore> _store = new();
    private Func<BroadcastSummary, BroadcastRecipient, BroadcastRecipient?>? _change;
    private Func<BroadcastSummary, BroadcastSummary?>? _update;

    public BroadcastOutcomesTests()
    {
        _store.Setup(s => s.GetRecipientAsync("noel", "33600000001", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new BroadcastRecipient { WaId = "33600000001", State = RecipientState.Queued });
        _store.Setup(s => s.TransitionAsync("noel", It.IsAny<IReadOnlyList<BroadcastRecipient>>(),
                It.IsAny<Func<BroadcastSummary, BroadcastRecipient, BroadcastRecipient?>>(), It.IsAny<Func<BroadcastSummary, BroadcastSummary>?>(), It.IsAny<CancellationToken>()))
            .Callback((string _, IReadOnlyList<BroadcastRecipient> _, Func<BroadcastSummary, BroadcastRecipient, BroadcastRecipient?> change, Func<BroadcastSummary, BroadcastSummary>? _, CancellationToken _) => _change = change)
            .ReturnsAsync((s_summary, 1));
        _store.Setup(s => s.UpdateAsync("noel", It.IsAny<Func<BroadcastSummary, BroadcastSummary?>>(), It.IsAny<CancellationToken>()))
            .Callback((string _, Func<BroadcastSummary, BroadcastSummary?> change, CancellationToken _) => _update = change)
            .ReturnsAsync(s_summary);
    }

    private BroadcastOutcomes Sink() => new(_store.Object, new FakeTimeProvider(s_now), NullLogger<BroadcastOutcomes>.Instance);

    [Theory]
    [InlineData(OutreachOutcome.SentAsTemplate, RecipientState.Sent)]
    [InlineData(OutreachOutcome.SkippedOptedOut, RecipientState.Skipped)]
    [InlineData(OutreachOutcome.SkippedMarketingOptOut, RecipientState.Skipped)]
    [InlineData(OutreachOutcome.NeedsTemplate, RecipientState.Failed)]
    [InlineData(OutreachOutcome.Failed, RecipientState.Failed)]
    [InlineData(OutreachOutcome.MaybeSent, RecipientState.Unknown)]
    public async Task RecordAsync_Outcome_SettlesTheRecipient(OutreachOutcome outcome, RecipientState expected)
    {
        await Sink().RecordAsync(s_message, outcome, "(#131049) not delivered", TestContext.Current.CancellationToken);

        var queued = new BroadcastRecipient { WaId = "33600000001", State = RecipientState.Queued };
        Assert.Equal(expected, _change!(s_summary, queued)!.State);
        Assert.Null(_change(s_summary, queued with { State = RecipientState.Sent }));
    }

    [Fact]
    public async Task RecordAsync_OtherKey_ChangesNothing()
    {
        await Sink().RecordAsync(s_message with { IdempotencyKey = "restock:SKU:33600000001:2026" }, OutreachOutcome.Sent, null, TestContext.Current.CancellationToken);

        _store.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData("AlreadySent", RecipientState.Sent)]
    [InlineData("AlreadyFailed", RecipientState.Failed)]
    public async Task RecordAsync_DuplicateOfASettledKey_SettlesFromTheLedger(string ledger, RecipientState expected)
    {
        await Sink().RecordAsync(s_message, OutreachOutcome.Duplicate, ledger, TestContext.Current.CancellationToken);

        var queued = new BroadcastRecipient { WaId = "33600000001", State = RecipientState.Queued };
        Assert.Equal(expected, _change!(s_summary, queued)!.State);
    }

    [Fact]
    public async Task RecordAsync_SentAfterACancel_IsCountedSent()
    {
        await Sink().RecordAsync(s_message, OutreachOutcome.SentAsTemplate, null, TestContext.Current.CancellationToken);

        var cancelled = new BroadcastRecipient { WaId = "33600000001", State = RecipientState.Cancelled };
        Assert.Equal(RecipientState.Sent, _change!(s_summary, cancelled)!.State);
        var after = BroadcastCounts.Apply(s_summary with { Cancelled = 1 }, cancelled, cancelled with { State = RecipientState.Sent });
        Assert.Equal((s_summary.Sent + 1, 0), (after.Sent, after.Cancelled));
    }

    [Fact]
    public async Task RecordAsync_PairRateLimit_HalvesThePace()
    {
        await Sink().RecordAsync(s_message, OutreachOutcome.RetryScheduled, "131056 (#131056) Pair rate limit hit", TestContext.Current.CancellationToken);

        Assert.Equal(10, _update!(s_summary)!.MessagesPerSecond);
    }

    [Fact]
    public async Task RecordAsync_ThroughputLimit_BacksOff()
    {
        await Sink().RecordAsync(s_message, OutreachOutcome.RetryScheduled, "130429 Rate limit hit", TestContext.Current.CancellationToken);

        Assert.Equal(s_now + BroadcastOutcomes.ThroughputBackoff, _update!(s_summary)!.BackoffUntil);
    }
}
