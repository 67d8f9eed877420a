using BenchmarkDotNet.Attributes;
using Frontdesk.Core.Webhooks;

namespace Frontdesk.Benchmarks.Intake;

/// <summary>
/// <see cref="WebhookSplitter.Split"/> at the queue limit the inbox uses (46 000 bytes): on the HTTP path for every
/// body over the limit, so its time adds to Meta's answer.
/// </summary>
[MemoryDiagnoser]
public class IntakeSplitterBenchmarks
{
    private const int MaxQueueBodyBytes = 46_000;
    private byte[] _body = [];

    /// <summary>Messages in the batch; 1000 × ~2.9 KB texts is a ~3 MB body, 100 × ~2.9 KB a ~300 KB one.</summary>
    [Params(100, 1000)]
    public int Messages { get; set; }

    [GlobalSetup]
    public void Setup() => _body = IntakeData.Batch(Messages, 2_900);

    [Benchmark]
    public int Split() => WebhookSplitter.Split(_body, MaxQueueBodyBytes).Count;
}
