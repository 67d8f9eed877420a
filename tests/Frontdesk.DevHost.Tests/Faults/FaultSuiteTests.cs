using Frontdesk.FaultSuite;
using Frontdesk.Testing;

namespace Frontdesk.DevHost.Tests.Faults;

/// <summary>
/// The fault suite's short form, for CI: the same run as <c>dotnet run --project tools/Frontdesk.FaultSuite -c Release
/// -- faults</c> (1,000 customers), with a few customers. DevHost runs as a child process on its own Azurite, the fake
/// Graph API injects Meta's faults and posts signed status webhooks back, every webhook body arrives twice, and the
/// replies each customer received are counted at the fake.
/// </summary>
public sealed class FaultSuiteTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static FaultSuiteOptions Short(FakeGraphFaults faults, double? killAt) => new()
    {
        Customers = 20,
        CustomersPerSecond = 10,
        KillAt = killAt,
        Faults = faults,
        Quiet = TimeSpan.FromSeconds(5),
        SettleTimeout = TimeSpan.FromSeconds(45),
        LogFolder = Directory.CreateTempSubdirectory("frontdesk-faults-ci-").FullName,
    };

    [Fact]
    public async Task FaultSuite_ThrottlesErrorsDropsAfterAcceptingAndDuplicates_LoseAndDoubleNothing()
    {
        var faults = new FakeGraphFaults
        {
            // About 1 call in 12 faulted: more and the Graph client's circuit breaker opens (it counts 5xx, drops and
            // timeouts), every call fails fast for 5 s, and the back-off of the replies caught in it outgrows a CI test.
            Seed = 5,
            Throttle = 0.03,
            PairPacing = 0.01,
            ServerError = 0.02,
            DropAfterAccepting = 0.02,
            Slow = 0.01,
            SlowDelay = TimeSpan.FromSeconds(4),
        };
        using var log = new StringWriter();

        var report = await FaultSuiteRun.RunAsync(Short(faults, killAt: null), log, Cancel);

        Assert.True(report.Passed, $"{report}{Environment.NewLine}{log}");
        Assert.True(report.Settled, report.ToString());
        Assert.True(report.ExpectedReplies >= 1);
        Assert.True(report.InjectedFaults.Values.Sum() > 0, "the fake injected faults");
        Assert.True(report.StatusesPosted > 0, "status webhooks were posted back");
    }

    [Fact]
    public async Task FaultSuite_DropsBeforeHandlingAndAKill_LoseAndDoubleNothing()
    {
        var faults = new FakeGraphFaults { Seed = 6, Throttle = 0.03, ServerError = 0.03, DropBeforeHandling = 0.03, DropAfterAccepting = 0.03 };
        using var log = new StringWriter();

        var report = await FaultSuiteRun.RunAsync(Short(faults, killAt: 0.5), log, Cancel);

        Assert.True(report.Passed, $"{report}{Environment.NewLine}{log}");
        Assert.NotNull(report.Kill);
    }
}
