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
        await using var pipeline = await BroadcastPipeline.StartAsync(messagesPerSecond: 20, dailyUniqueLimit: 1_000_000, read: false, requeueAfterSeconds: 10, unknownGraceSeconds: 10);
        var ids = await pipeline.ContactsAsync("3366", 120, "crash");

        using var started = await pipeline.StartBroadcastAsync("crash", "crash");
        await pipeline.WaitForSendsAsync("crash", 30, TimeSpan.FromSeconds(30));
        await pipeline.RestartAsync();
        var token = (await pipeline.SummaryAsync("crash"))!.FanoutToken;
        var fanout = pipeline.Host.Services.GetRequiredService<IBroadcastFanoutQueue>();
        await fanout.EnqueueAsync("crash", token, TimeSpan.Zero, TestContext.Current.CancellationToken);
        await fanout.EnqueueAsync("crash", token, TimeSpan.Zero, TestContext.Current.CancellationToken);
        await DuplicateVisibleOutreachAsync(pipeline);
        await pipeline.WaitForAsync("crash", s => s.State == BroadcastState.Done, TimeSpan.FromSeconds(120));

        // A send in flight at the crash is Unknown (maybe sent) until Meta's status proves it, or its grace check finds
        // no status and sends it once more: in the end every customer has it once and nobody is left Unknown.
        var summary = await pipeline.WaitForAsync("crash", s => s.Sent == ids.Count, TimeSpan.FromSeconds(90));
        await pipeline.Graph.WaitForStatusesAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        var received = pipeline.SendsOf("crash").GroupBy(s => s.To).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(ids, id => Assert.True(received.GetValueOrDefault(id) == 1, $"{id} received the broadcast {received.GetValueOrDefault(id)} times."));
        Assert.Equal((ids.Count, 0, ids.Count), (summary.Sent, summary.Unknown, pipeline.SendsOf("crash").Count));
    }

    [Fact]
    public async Task Broadcast_AnswersLost_SettledByTheStatusOrSentOnceMore()
    {
        await using var pipeline = await BroadcastPipeline.StartAsync(messagesPerSecond: 20, dailyUniqueLimit: 1_000_000, read: false, unknownGraceSeconds: 3);
        var ids = await pipeline.ContactsAsync("3364", 12, "lost");
        var (accepted, neverHad) = (ids[3], ids[7]);
        pipeline.Graph.EnqueueFor(accepted, Testing.FakeGraphResponse.DropAfterAccepting());
        pipeline.Graph.EnqueueFor(neverHad, Testing.FakeGraphResponse.DropBeforeHandling());

        using var started = await pipeline.StartBroadcastAsync("lost", "lost");
        var summary = await pipeline.WaitForAsync("lost", s => s.Sent == ids.Count, TimeSpan.FromSeconds(60));
        await pipeline.Graph.WaitForStatusesAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // The one Meta had is settled by its status and not sent again; the one it never had is sent once more.
        var received = pipeline.SendsOf("lost").GroupBy(s => s.To).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(ids, id => Assert.Equal(1, received.GetValueOrDefault(id)));
        Assert.Equal(2, pipeline.Graph.Requests.Count(r => r.Body.Contains(neverHad, StringComparison.Ordinal) && r.Body.Contains("menu_noel", StringComparison.Ordinal)));
        Assert.Equal(1, pipeline.Graph.Requests.Count(r => r.Body.Contains(accepted, StringComparison.Ordinal) && r.Body.Contains("menu_noel", StringComparison.Ordinal)));
        Assert.Equal((ids.Count, 0, 0), (summary.Sent, summary.Unknown, summary.Failed));
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
