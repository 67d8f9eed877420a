using BenchmarkDotNet.Attributes;
using Frontdesk.Core.Webhooks;

namespace Frontdesk.Benchmarks.Intake;

/// <summary>
/// The JSON work: <see cref="WebhookBody.Classify"/> (on the HTTP path) and <see cref="WebhookParser.Parse"/> (in the
/// Inbox consumer), for every fixture and for a ~3 MB batch of 1000 messages.
/// </summary>
[MemoryDiagnoser]
public class IntakeJsonBenchmarks
{
    private byte[] _body = [];

    [Params("text.json", "button_reply.json", "image.json", "interactive_list_reply.json", "location.json",
        "multi_message_batch.json", "order.json", "status_failed.json", "statuses_delivered.json", "unsupported.json",
        "batch-1000")]
    public string Body { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _body = Body == "batch-1000" ? IntakeData.Batch(1000, 2_900) : IntakeData.Fixture(Body);

    [Benchmark]
    public WebhookBodyKind Classify() => WebhookBody.Classify(_body, out _);

    [Benchmark]
    public int Parse()
    {
        var batch = WebhookParser.Parse(_body);
        return batch.Messages.Count + batch.Statuses.Count;
    }
}
