using System.Diagnostics;
using Frontdesk.Testing;

namespace Frontdesk.DevHost.Tests.Faults;

/// <summary>
/// Back-off through the real pipeline (DevHost on Azurite, a fake Graph API): Meta's throughput limit lasts a second,
/// so two 130429 answers must keep a customer waiting seconds, not the minutes the old 30 s + 60 s back-off took.
/// </summary>
public sealed class BackOffPipelineTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoThrottles_DelayTheFirstReply_BySecondsNotMinutes()
    {
        await using var azurite = await AzuriteServer.StartAsync(Cancel);
        await using var graph = await FakeGraphServer.StartAsync(Cancel);
        await using var host = await DevHostRun.StartAsync(
            azurite,
            new Dictionary<string, string?>
            {
                ["WhatsApp:AccessToken"] = "backoff-test-token",
                ["WhatsApp:GraphBaseUrl"] = graph.BaseUrl.ToString(),
            },
            cancellationToken: Cancel);
        var customer = "15550320001";
        graph.EnqueueFor(customer, FakeGraphResponse.Throttle(), FakeGraphResponse.Throttle());
        var started = Stopwatch.StartNew();

        using var answer = await host.PostWebhookAsync(WebhookBuilder.Text(customer, "wamid.BACKOFF_1", "hello", DateTimeOffset.UtcNow), Cancel);
        while (graph.AcceptedTo(customer).Count == 0 && started.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(50, Cancel);
        }

        var waited = started.Elapsed;
        Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        Assert.NotEmpty(graph.AcceptedTo(customer));
        var throttled = graph.Requests.Where(r => r.Json?["to"] is not null && r.Sequence < graph.AcceptedTo(customer)[0].Request.Sequence).ToList();
        Assert.Equal(2, throttled.Count);
        // 1–2 s then 2–4 s of back-off (at least 3 s: the throttles were honoured), plus queue polling (≤ 2 s a wake-up) on a shared 2-core machine.
        Assert.True(waited >= TimeSpan.FromSeconds(3) && waited < TimeSpan.FromSeconds(20), $"the first reply took {waited.TotalSeconds:0.0} s after two 130429s: " + string.Join(" | ", graph.Requests.Select(r => r.Path + " " + r.Body)));
    }
}
