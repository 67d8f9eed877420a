using Frontdesk.Core.Limits;
using Frontdesk.Core.WhatsApp.Graph;

namespace Frontdesk.Core.Tests.WhatsApp;

public sealed class GraphErrorClassifierTests
{
    [Theory]
    [InlineData(130429, 400, SendOutcome.Throttled)]
    [InlineData(130429, 429, SendOutcome.Throttled)]
    [InlineData(131056, 400, SendOutcome.Throttled)]
    [InlineData(80007, 400, SendOutcome.Throttled)]
    [InlineData(4, 400, SendOutcome.Throttled)]
    [InlineData(131000, 500, SendOutcome.Transient)]
    [InlineData(131000, 400, SendOutcome.Transient)]
    [InlineData(131016, 503, SendOutcome.Transient)]
    [InlineData(131057, 400, SendOutcome.Transient)]
    [InlineData(133004, 503, SendOutcome.Transient)]
    [InlineData(1, 400, SendOutcome.Transient)]
    [InlineData(2, 503, SendOutcome.Transient)]
    [InlineData(131047, 400, SendOutcome.Permanent)]
    [InlineData(131026, 400, SendOutcome.Permanent)]
    [InlineData(131051, 400, SendOutcome.Permanent)]
    [InlineData(131050, 400, SendOutcome.Permanent)]
    [InlineData(100, 400, SendOutcome.Permanent)]
    [InlineData(190, 401, SendOutcome.Permanent)]
    [InlineData(131008, 400, SendOutcome.Permanent)]
    [InlineData(131009, 400, SendOutcome.Permanent)]
    [InlineData(130403, 400, SendOutcome.Permanent)]
    [InlineData(368, 403, SendOutcome.Permanent)]
    [InlineData(131048, 400, SendOutcome.Permanent)]
    [InlineData(999999, 400, SendOutcome.Permanent)]
    public void Classify_MetaCode_Decides(int code, int status, SendOutcome expected) =>
        Assert.Equal(expected, GraphErrorClassifier.Classify(code, status));

    [Theory]
    [InlineData(500, SendOutcome.Transient)]
    [InlineData(502, SendOutcome.Transient)]
    [InlineData(503, SendOutcome.Transient)]
    [InlineData(408, SendOutcome.Transient)]
    [InlineData(429, SendOutcome.Throttled)]
    [InlineData(400, SendOutcome.Permanent)]
    [InlineData(401, SendOutcome.Permanent)]
    [InlineData(404, SendOutcome.Permanent)]
    public void Classify_NoMetaCode_HttpStatusDecides(int status, SendOutcome expected) =>
        Assert.Equal(expected, GraphErrorClassifier.Classify(null, status));

    [Fact]
    public void RetryDelay_PairRateLimit_WaitsForMetasPairWindowThenDoubles()
    {
        Assert.Equal(WhatsAppLimits.PairRateWindow, GraphErrorClassifier.RetryDelay(SendOutcome.Throttled, 131056, 1));
        Assert.Equal(TimeSpan.FromSeconds(12), GraphErrorClassifier.RetryDelay(SendOutcome.Throttled, 131056, 2));
        Assert.Equal(TimeSpan.FromSeconds(24), GraphErrorClassifier.RetryDelay(SendOutcome.Throttled, 131056, 3));
        Assert.Equal(TimeSpan.FromSeconds(7.5), GraphErrorClassifier.RetryDelay(SendOutcome.Throttled, 131056, 1, jitter: 1));
        Assert.Equal(GraphErrorClassifier.MaxDelay, GraphErrorClassifier.RetryDelay(SendOutcome.Throttled, 131056, 20));
    }

    [Theory]
    [InlineData(SendOutcome.Throttled, 130429)]
    [InlineData(SendOutcome.Throttled, 4)]
    [InlineData(SendOutcome.Throttled, null)]
    [InlineData(SendOutcome.Transient, 131000)]
    [InlineData(SendOutcome.Transient, null)]
    public void RetryDelay_ThrottlingAndTransient_StartsAtOneToTwoSecondsAndDoubles(SendOutcome outcome, int? code)
    {
        Assert.Equal(TimeSpan.FromSeconds(1), GraphErrorClassifier.RetryDelay(outcome, code, 1, jitter: 0));
        Assert.Equal(TimeSpan.FromSeconds(1.5), GraphErrorClassifier.RetryDelay(outcome, code, 1, jitter: 0.5));
        Assert.Equal(TimeSpan.FromSeconds(2), GraphErrorClassifier.RetryDelay(outcome, code, 1, jitter: 1));
        Assert.Equal(TimeSpan.FromSeconds(2), GraphErrorClassifier.RetryDelay(outcome, code, 2, jitter: 0));
        Assert.Equal(TimeSpan.FromSeconds(8), GraphErrorClassifier.RetryDelay(outcome, code, 3, jitter: 1));
        Assert.Equal(TimeSpan.FromSeconds(64), GraphErrorClassifier.RetryDelay(outcome, code, 7, jitter: 0));
    }

    [Theory]
    [InlineData(SendOutcome.Throttled, 130429)]
    [InlineData(SendOutcome.Throttled, 131056)]
    [InlineData(SendOutcome.Transient, 131000)]
    [InlineData(SendOutcome.Transient, 131057)]
    public void RetryDelay_SeededJitter_StaysWithinBoundsAndGrowsToTheCap(SendOutcome outcome, int? code)
    {
        var random = new Random(11);
        var previousShortest = TimeSpan.Zero;
        for (var failures = 1; failures <= 40; failures++)
        {
            var shortest = GraphErrorClassifier.RetryDelay(outcome, code, failures, jitter: 0);
            var longest = GraphErrorClassifier.RetryDelay(outcome, code, failures, jitter: 1);
            var drawn = GraphErrorClassifier.RetryDelay(outcome, code, failures, jitter: random.NextDouble());

            Assert.InRange(drawn, shortest, longest);
            Assert.True(shortest >= previousShortest, $"failure {failures}: {shortest} < {previousShortest}");
            Assert.True(longest <= GraphErrorClassifier.MaxDelay);
            Assert.True(shortest >= TimeSpan.FromSeconds(1), "never a tight loop");
            previousShortest = shortest;
        }

        Assert.Equal(GraphErrorClassifier.MaxDelay, previousShortest);
    }

    [Fact]
    public void RetryDelay_Maintenance_WaitsAMinute()
    {
        Assert.Equal(TimeSpan.FromSeconds(60), GraphErrorClassifier.RetryDelay(SendOutcome.Transient, 131057, 1));
        Assert.Equal(TimeSpan.FromSeconds(120), GraphErrorClassifier.RetryDelay(SendOutcome.Transient, 131057, 2));
    }

    [Fact]
    public void RetryDelay_RetryAfter_IsAFloorButNeverShortensTheBackOff()
    {
        Assert.Equal(TimeSpan.FromSeconds(120), GraphErrorClassifier.RetryDelay(SendOutcome.Throttled, 130429, 1, TimeSpan.FromSeconds(120)));
        Assert.Equal(TimeSpan.FromSeconds(8), GraphErrorClassifier.RetryDelay(SendOutcome.Throttled, 130429, 4, TimeSpan.FromSeconds(2)));
        Assert.Equal(GraphErrorClassifier.MaxDelay, GraphErrorClassifier.RetryDelay(SendOutcome.Throttled, 130429, 1, TimeSpan.FromDays(3)));
    }

    [Theory]
    [InlineData(SendOutcome.Accepted)]
    [InlineData(SendOutcome.Permanent)]
    [InlineData(SendOutcome.MaybeAccepted)]
    public void RetryDelay_NotRetryable_Throws(SendOutcome outcome) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => GraphErrorClassifier.RetryDelay(outcome, null, 1));
}
