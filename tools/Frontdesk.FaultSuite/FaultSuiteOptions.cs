using Frontdesk.Testing;

namespace Frontdesk.FaultSuite;

/// <summary>One fault-suite run: how many customers, how fast, which faults, and whether DevHost is killed.</summary>
public sealed record FaultSuiteOptions
{
    public int Customers { get; init; } = 1000;

    /// <summary>New customers' first webhooks per second (each body is also posted a second time).</summary>
    public double CustomersPerSecond { get; init; } = 40;

    /// <summary>Kill DevHost (SIGKILL) once this share of the customers has been posted; null: no kill.</summary>
    public double? KillAt { get; init; } = 0.5;

    /// <summary>How long DevHost stays dead before it is started again.</summary>
    public TimeSpan DeadFor { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Each webhook body (messages from the load, statuses from the fake) is posted this many times.</summary>
    public int Copies { get; init; } = 2;

    /// <summary>The faults the fake Graph API injects.</summary>
    public FakeGraphFaults Faults { get; init; } = new()
    {
        Seed = 11,
        Throttle = 0.03,
        PairPacing = 0.01,
        ServerError = 0.02,
        DropBeforeHandling = 0.01,
        DropAfterAccepting = 0.01,
        Slow = 0.01,
        SlowDelay = TimeSpan.FromSeconds(4),
    };

    /// <summary>The pipeline is settled when queues are empty and no reply arrived for this long.</summary>
    public TimeSpan Quiet { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The longest wait for the pipeline to settle after the last webhook was posted.</summary>
    public TimeSpan SettleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>DevHost settings added to the environment (e.g. <c>Outbound__UnknownGraceSeconds</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // A Graph call slower than this is a lost answer ("maybe sent"): the fake's slow answers (4 s) become those.
        ["Outbound__AttemptTimeoutSeconds"] = "2",
        // Reconciliation of unclear sends from status webhooks (issue 11 item 3) resends after this much silence;
        // ignored by a build without it.
        ["Outbound__UnknownGraceSeconds"] = "10",
    };

    public string DevHostDll { get; init; } = Harness.Pipeline.DefaultDevHostDll;

    public string LogFolder { get; init; } = Path.Combine(Path.GetTempPath(), "frontdesk-faults-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
}
