using Frontdesk.Core.Broadcasts;

namespace Frontdesk.Core.Tests.Broadcasts;

public sealed class BroadcastCountsTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private static BroadcastSummary Summary(int planned = 3) => new()
    {
        Id = "b1", PhoneNumberId = "200000000000001", Purpose = "menu", State = BroadcastState.Sending, Planned = planned, CreatedAt = s_now,
    };

    private static BroadcastRecipient R(RecipientState state, bool delivered = false, bool read = false, string? error = null) =>
        new() { WaId = "33600000001", State = state, Delivered = delivered, Read = read, Error = error };

    [Fact]
    public void Apply_QueuedToSent_CountsSentAndSettled()
    {
        var next = BroadcastCounts.Apply(Summary(), R(RecipientState.Queued), R(RecipientState.Sent));

        Assert.Equal((1, 1), (next.Sent, next.Settled));
    }

    [Fact]
    public void Apply_SentToFailedByStatus_KeepsSentAndSettledOnce()
    {
        var sent = BroadcastCounts.Apply(Summary(), R(RecipientState.Queued), R(RecipientState.Sent));

        var failed = BroadcastCounts.Apply(sent, R(RecipientState.Sent), R(RecipientState.Failed, error: "failed (131049 x)"));

        Assert.Equal((1, 1, 1), (failed.Sent, failed.Failed, failed.Settled));
        Assert.Equal(["33600000001: failed (131049 x)"], failed.FirstErrors);
    }

    [Fact]
    public void Apply_SameRowTwice_CountsNothingTheSecondTime()
    {
        var once = BroadcastCounts.Apply(Summary(), R(RecipientState.Sent), R(RecipientState.Sent, delivered: true));

        var twice = BroadcastCounts.Apply(once, R(RecipientState.Sent, delivered: true), R(RecipientState.Sent, delivered: true));

        Assert.Equal(1, twice.Delivered);
        Assert.Equal(once, twice);
    }

    [Fact]
    public void Apply_DeferredThenQueued_DeferredGoesBackDown()
    {
        var deferred = BroadcastCounts.Apply(Summary(), R(RecipientState.Planned), R(RecipientState.Deferred));

        var queued = BroadcastCounts.Apply(deferred, R(RecipientState.Deferred), R(RecipientState.Queued));

        Assert.Equal((1, 0), (deferred.Deferred, queued.Deferred));
    }

    [Fact]
    public void Finish_LastRecipientSettled_IsDone()
    {
        var summary = Summary(planned: 1) with { Settled = 1 };

        var done = BroadcastCounts.Finish(summary, s_now);

        Assert.Equal((BroadcastState.Done, s_now), (done.State, done.FinishedAt));
        Assert.Equal(BroadcastState.Paused, BroadcastCounts.Finish(summary with { State = BroadcastState.Paused }, s_now).State);
    }

    [Fact]
    public void WithError_MoreThanFive_KeepsTheFirstFive()
    {
        var summary = Enumerable.Range(1, 8).Aggregate(Summary(), (s, i) => s.WithError($"error {i}"));

        Assert.Equal(["error 1", "error 2", "error 3", "error 4", "error 5"], summary.FirstErrors);
    }
}
