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
    public void RetryDelay_PairRateLimit_WaitsFourToTheAttemptSeconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(4), GraphErrorClassifier.RetryDelay(SendOutcome.Throttled, 131056, 1));
        Assert.Equal(TimeSpan.FromSeconds(16), GraphErrorClassifier.RetryDelay(SendOutcome.Throttled, 131056, 2));
        Assert.Equal(TimeSpan.FromSeconds(64), GraphErrorClassifier.RetryDelay(SendOutcome.Throttled, 131056, 3));
        Assert.Equal(GraphErrorClassifier.MaxDelay, GraphErrorClassifier.RetryDelay(SendOutcome.Throttled, 131056, 12));
    }

    [Theory]
    [InlineData(SendOutcome.Throttled, 130429)]
    [InlineData(SendOutcome.Throttled, 4)]
    [InlineData(SendOutcome.Transient, 131000)]
    [InlineData(SendOutcome.Transient, null)]
    [InlineData(SendOutcome.Transient, 131057)]
    public void RetryDelay_EveryFailure_GrowsTheBackOffUpToTheCap(SendOutcome outcome, int? code)
    {
        var previous = TimeSpan.Zero;
        for (var failures = 1; failures <= 30; failures++)
        {
            var delay = GraphErrorClassifier.RetryDelay(outcome, code, failures);
            Assert.True(delay >= previous, $"failure {failures}: {delay} < {previous}");
            Assert.True(delay <= GraphErrorClassifier.MaxDelay);
            Assert.True(delay >= TimeSpan.FromSeconds(1), "never a tight loop");
            previous = delay;
        }

        Assert.True(GraphErrorClassifier.RetryDelay(outcome, code, 4) > GraphErrorClassifier.RetryDelay(outcome, code, 1));
    }

    [Fact]
    public void RetryDelay_Throttling_StartsSlowerThanTransientAndMaintenanceWaitsAMinute()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), GraphErrorClassifier.RetryDelay(SendOutcome.Throttled, 130429, 1));
        Assert.Equal(TimeSpan.FromSeconds(5), GraphErrorClassifier.RetryDelay(SendOutcome.Transient, 131000, 1));
        Assert.Equal(TimeSpan.FromSeconds(10), GraphErrorClassifier.RetryDelay(SendOutcome.Transient, null, 2));
        Assert.Equal(TimeSpan.FromSeconds(60), GraphErrorClassifier.RetryDelay(SendOutcome.Transient, 131057, 1));
    }

    [Fact]
    public void RetryDelay_RetryAfter_IsAFloorButNeverShortensTheBackOff()
    {
        Assert.Equal(TimeSpan.FromSeconds(120), GraphErrorClassifier.RetryDelay(SendOutcome.Throttled, 130429, 1, TimeSpan.FromSeconds(120)));
        Assert.Equal(TimeSpan.FromSeconds(30), GraphErrorClassifier.RetryDelay(SendOutcome.Throttled, 130429, 1, TimeSpan.FromSeconds(2)));
        Assert.Equal(GraphErrorClassifier.MaxDelay, GraphErrorClassifier.RetryDelay(SendOutcome.Throttled, 130429, 1, TimeSpan.FromDays(3)));
    }
}
