namespace Frontdesk.Storage.Tests;

public sealed class QueueSignalsTests
{
    [Fact]
    public async Task WaitAsync_SentOnItsQueue_Completes()
    {
        var signals = new QueueSignals();
        var wait = signals.WaitAsync("outbound-messages", Timeout.InfiniteTimeSpan, TestContext.Current.CancellationToken);

        signals.Sent("webhook-inbox");
        var afterOtherQueue = wait.IsCompleted;
        signals.Sent("outbound-messages");

        Assert.False(afterOtherQueue);
        await wait.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task WaitAsync_NoSignal_EndsAtTheTimeout()
    {
        var signals = new QueueSignals();

        var wait = signals.WaitAsync("webhook-inbox", TimeSpan.FromMilliseconds(10), TestContext.Current.CancellationToken);

        await wait.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.True(wait.IsCompletedSuccessfully);
    }
}
