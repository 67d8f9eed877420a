using BenchmarkDotNet.Attributes;
using Frontdesk.Core.Webhooks;

namespace Frontdesk.Benchmarks.Intake;

/// <summary>X-Hub-Signature-256 verification (HMAC-SHA256 of the raw body + constant-time compare), per body size.</summary>
[MemoryDiagnoser]
public class IntakeSignatureBenchmarks
{
    private readonly AppSecrets _secrets = AppSecrets.Parse(IntakeData.AppSecret);
    private byte[] _body = [];
    private string _header = "";

    /// <summary>text.json is the 946-byte fixture; the others are 64 KiB and 1 MiB bodies.</summary>
    [Params("text.json", "64KiB", "1MiB")]
    public string Body { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _body = Body switch
        {
            "64KiB" => IntakeData.Filler(64 * 1024),
            "1MiB" => IntakeData.Filler(1024 * 1024),
            _ => IntakeData.Fixture(Body),
        };
        _header = WebhookSignature.Sign(_body, IntakeData.AppSecret);
    }

    [Benchmark]
    public SignatureCheck Verify() => WebhookSignature.Verify(_header, _body, _secrets);
}
