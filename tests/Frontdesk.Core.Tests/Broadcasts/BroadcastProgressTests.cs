using Frontdesk.Core.Broadcasts;

namespace Frontdesk.Core.Tests.Broadcasts;

public sealed class BroadcastProgressTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private static readonly BroadcastSummary s_sending = new()
    {
        Id = "b1", PhoneNumberId = "200000000000001", Purpose = "menu", State = BroadcastState.Sending, CreatedAt = s_now,
        Planned = 300, Sent = 100, Settled = 100, MessagesPerSecond = 20, StartedAt = s_now.AddSeconds(-10), LastSentAt = s_now.AddSeconds(-5),
    };

    [Fact]
    public void Of_Sending_RateFromSendsAndEndFromPace()
    {
        var progress = BroadcastProgress.Of(s_sending, s_now);

        Assert.Equal(20, progress.RateAchieved);
        Assert.Equal(s_now.AddSeconds(10), progress.EstimatedEnd);
    }

    [Fact]
    public void Of_DeferredByTheCap_EndsAfterTheNextWindow()
    {
        var window = s_now.AddHours(20);

        var progress = BroadcastProgress.Of(s_sending with { Deferred = 200, NextWindowAt = window }, s_now);

        Assert.Equal(window.AddSeconds(10), progress.EstimatedEnd);
    }

    [Fact]
    public void Of_Paused_HasNoEstimatedEnd()
    {
        var progress = BroadcastProgress.Of(s_sending with { State = BroadcastState.Paused }, s_now);

        Assert.Null(progress.EstimatedEnd);
    }
}
