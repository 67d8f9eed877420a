using Azure.Storage.Queues;
using Frontdesk.Core.Broadcasts;
using Frontdesk.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Frontdesk.DevHost.Tests.Broadcasts;

/// <summary>The daily cap across a broadcast, and a host crash mid-broadcast; each on its own Azurite and DevHost.</summary>
public sealed class BroadcastLimitTests
{
    [Fact]
    public async Task Broadcast_OverTheDailyCap_SendsTheCapAndDefersTheRest()
    {
        await using var pipeline = await BroadcastPipeline.StartAsync(messagesPerSecond: 40, dailyUniqueLimit: 30, read: false);
        await pipeline.ContactsAsync("3365", 50, "cap");

        using var started = await pipeline.StartBroadcastAsync("cap", "cap");
        var summary = await pipeline.WaitForAsync("cap", s => s.Sent == 30 && s.Deferred == 20, TimeSpan.FromSeconds(60));
        await Task.Delay(2000, TestContext.Current.CancellationToken);
        var report = await pipeline.ReportAsync("cap");

        Assert.Equal(30, pipeline.SendsOf("cap").Count);
        Assert.Equal(BroadcastState.Sending, summary.State);
        var firstReach = pipeline.SendsOf("cap").Min(s => s.At);
        Assert.InRange(summary.NextWindowAt!.Value, firstReach.AddHours(24).AddSeconds(-30), firstReach.AddHours(24).AddSeconds(30));
        Assert.Equal((20, 20), (report["deferred"]!.GetValue<int>(), report["remaining"]!.GetValue<int>()));
        Assert.NotNull(report["nextWindowAt"]);
    }

    [Fact]
    public async Task Broadcast_HostCrashAndRedeliveries_LoseAndDoubleNothing()
    {
        await using var pipeline = await BroadcastPipeline.StartAsync(messagesPerSecond: 20, dailyUniqueLimit: 1_000_000, read: false, requeueAfterSeconds: 10);
        var ids = await pipeline.ContactsAsync("3366", 120, "crash");

        using var started = await pipeline.StartBroadcastAsync("crash", "crash");
        await pipeline.WaitForSendsAsync("crash", 30, TimeSpan.FromSeconds(30));
        await pipeline.RestartAsync();
        var token = (await pipeline.SummaryAsync("crash"))!.FanoutToken;
        var fanout = pipeline.Host.Services.GetRequiredService<IBroadcastFanoutQueue>();
        await fanout.EnqueueAsync("crash", token, TimeSpan.Zero, TestContext.Current.CancellationToken);
        await fanout.EnqueueAsync("crash", token, TimeSpan.Zero, TestContext.Current.CancellationToken);
        await DuplicateVisibleOutreachAsync(pipeline);
        var summary = await pipeline.WaitForAsync("crash", s => s.State == BroadcastState.Done, TimeSpan.FromSeconds(120));
        await pipeline.Graph.WaitForStatusesAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        // A send in flight at the crash is Unknown (maybe sent) until its status webhook proves it: the fake's count lies
        // between what is known sent and that plus the unknowns, never above.
        summary = await pipeline.WaitForAsync("crash", s => s.Sent + s.Unknown == ids.Count, TimeSpan.FromSeconds(30));
        Assert.InRange(pipeline.SendsOf("crash").Count, summary.Sent, summary.Sent + summary.Unknown);

        var received = pipeline.SendsOf("crash").GroupBy(s => s.To).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(received, r => Assert.True(r.Value == 1, $"{r.Key} received the broadcast {r.Value} times."));
        Assert.Equal(ids.Count, summary.Sent + summary.Unknown);
        Assert.True(summary.Unknown <= 16, $"{summary.Unknown} sends in flight at the crash are recorded Unknown (maybe sent, never resent); at most a batch may be.");
        var store = pipeline.Host.Services.GetRequiredService<IBroadcastStore>();
        foreach (var missing in ids.Where(id => !received.ContainsKey(id)))
        {
            Assert.Equal(RecipientState.Unknown, (await store.GetRecipientAsync("crash", missing, TestContext.Current.CancellationToken))!.State);
        }
    }

    /// <summary>What a redelivery does: another copy of each outreach message visible now.</summary>
    private static async Task DuplicateVisibleOutreachAsync(BroadcastPipeline pipeline)
    {
        var queue = new QueueClient(pipeline.Azurite.ConnectionString, StorageNames.Queues.OutreachMessages, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        foreach (var message in (await queue.PeekMessagesAsync(32, TestContext.Current.CancellationToken)).Value)
        {
            await queue.SendMessageAsync(message.Body.ToString(), TestContext.Current.CancellationToken);
        }
    }
}
