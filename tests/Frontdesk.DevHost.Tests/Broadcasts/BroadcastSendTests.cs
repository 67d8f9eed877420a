using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Frontdesk.Core.Broadcasts;

namespace Frontdesk.DevHost.Tests.Broadcasts;

/// <summary>Shared by <see cref="BroadcastSendTests"/>: a fast pace and no daily cap to speak of.</summary>
public sealed class BroadcastSendFixture : IAsyncLifetime
{
    /// <summary>The CI form; the full form is <c>FRONTDESK_BROADCAST_RECIPIENTS=2000</c> (docs/broadcasts.md).</summary>
    public static int Recipients { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("FRONTDESK_BROADCAST_RECIPIENTS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 10 ? n : 200;

    public const int MessagesPerSecond = 40;

    public BroadcastPipeline Pipeline { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Pipeline = await BroadcastPipeline.StartAsync(MessagesPerSecond, dailyUniqueLimit: 1_000_000);

    public async ValueTask DisposeAsync() => await Pipeline.DisposeAsync();
}

/// <summary>Broadcasts through DevHost, Azurite and the fake Graph API, which posts signed status webhooks back.</summary>
public sealed class BroadcastSendTests(BroadcastSendFixture fixture) : IClassFixture<BroadcastSendFixture>
{
    private BroadcastPipeline Pipeline => fixture.Pipeline;

    [Fact]
    public async Task Broadcast_ByLabelWithFiveOptedOut_SendsEveryOtherOnceAtThePace()
    {
        var n = BroadcastSendFixture.Recipients;
        var ids = await Pipeline.ContactsAsync("3361", n, "vip", optedOut: 5);
        Pipeline.Graph.FailDeliveriesTo(ids[10], 131049);

        using var started = await Pipeline.StartBroadcastAsync("noel", "vip");
        using var again = await Pipeline.StartBroadcastAsync("noel", "vip");
        var summary = await Pipeline.WaitForAsync("noel", s => s.State == BroadcastState.Done, TimeSpan.FromSeconds(60 + (2 * n / BroadcastSendFixture.MessagesPerSecond)));

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var answer = (await started.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        Assert.Equal((n, 5, true), (answer["planned"]!.GetValue<int>(), answer["skipped"]!.GetValue<int>(), answer["started"]!.GetValue<bool>()));
        Assert.False((await again.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["started"]!.GetValue<bool>());
        var sends = Pipeline.SendsOf("noel");
        Assert.Equal(n - 5, sends.Count);
        Assert.Equal(ids.Skip(5).Order(), sends.Select(s => s.To).Order());
        Assert.All(sends, s => Assert.Equal("menu_noel", s.Request.Json!["template"]!["name"]!.GetValue<string>()));
        Assert.Equal((n - 5, 5), (summary.Sent, summary.Skipped));

        // The pace, from the fake's own clock: no second holds more than the pace (one more for the window's edges).
        var times = sends.Select(s => s.At).Order().ToList();
        var peak = times.Select((t, i) => times.Skip(i).TakeWhile(u => u - t < TimeSpan.FromSeconds(1)).Count()).Max();
        Assert.True(peak <= BroadcastSendFixture.MessagesPerSecond + 1, $"{peak} sends within one second; the pace is {BroadcastSendFixture.MessagesPerSecond}/s.");
        var overall = (times.Count - 1) / (times[^1] - times[0]).TotalSeconds;
        Assert.True(overall <= BroadcastSendFixture.MessagesPerSecond * 1.05, $"{overall:0.0}/s overall; the pace is {BroadcastSendFixture.MessagesPerSecond}/s.");
    }

    [Fact]
    public async Task Broadcast_StatusWebhooks_CountDeliveredReadAndFailedOnce()
    {
        var ids = await Pipeline.ContactsAsync("3362", 30, "statuses");
        Pipeline.Graph.FailDeliveriesTo(ids[3], 131049);

        using var started = await Pipeline.StartBroadcastAsync("statuses", "statuses");
        await Pipeline.WaitForAsync("statuses", s => s.State == BroadcastState.Done, TimeSpan.FromSeconds(60));
        await Pipeline.Graph.WaitForStatusesAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        var posted = Pipeline.Graph.PostedStatuses.Where(p => p.CallbackData?.StartsWith("frontdesk:broadcast:statuses:", StringComparison.Ordinal) == true && p.Delivered).ToList();
        int Posted(string status) => posted.Where(p => p.Status == status).Select(p => p.WamId).Distinct().Count();
        var summary = await Pipeline.WaitForAsync("statuses", s => s.Read == Posted("read") && s.Failed == Posted("failed"), TimeSpan.FromSeconds(30));

        Assert.Equal((29, 29, 1), (Posted("delivered"), Posted("read"), Posted("failed")));
        Assert.Equal((30, 29, 29, 1), (summary.Sent, summary.Delivered, summary.Read, summary.Failed));
        Assert.Contains(summary.FirstErrors, e => e.Contains("131049", StringComparison.Ordinal));
        var report = await Pipeline.ReportAsync("statuses");
        Assert.Equal(("Done", 29), (report["state"]!.GetValue<string>(), report["delivered"]!.GetValue<int>()));
        Assert.True(report["rateAchieved"]!.GetValue<double>() > 0);
    }

    [Fact]
    public async Task Broadcast_PausedThenResumed_StopsThenSendsTheRestOnce()
    {
        var ids = await Pipeline.ContactsAsync("3363", 80, "pause");

        using var started = await Pipeline.StartBroadcastAsync("pause", "pause");
        await Pipeline.WaitForSendsAsync("pause", 10, TimeSpan.FromSeconds(30));
        using var paused = await Pipeline.ControlAsync("pause", "pause");
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        var whilePaused = Pipeline.SendsOf("pause").Count;
        await Task.Delay(2000, TestContext.Current.CancellationToken);
        var stillPaused = Pipeline.SendsOf("pause").Count;
        var summaryPaused = await Pipeline.SummaryAsync("pause");
        using var resumed = await Pipeline.ControlAsync("pause", "resume");
        var summary = await Pipeline.WaitForAsync("pause", s => s.State == BroadcastState.Done, TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        Assert.Equal((BroadcastState.Paused, whilePaused), (summaryPaused!.State, stillPaused));
        Assert.True(whilePaused < ids.Count, $"All {whilePaused} were sent before the pause took effect.");
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Equal(ids.Order(), Pipeline.SendsOf("pause").Select(s => s.To).Order());
        Assert.Equal(ids.Count, summary.Sent);
    }

    [Fact]
    public async Task Broadcast_Cancelled_StopsSendingForGood()
    {
        var ids = await Pipeline.ContactsAsync("3364", 80, "cancel");

        using var started = await Pipeline.StartBroadcastAsync("cancel", "cancel");
        await Pipeline.WaitForSendsAsync("cancel", 10, TimeSpan.FromSeconds(30));
        using var cancelled = await Pipeline.ControlAsync("cancel", "cancel");
        var summary = await Pipeline.WaitForAsync("cancel", s => s.Sent + s.Cancelled == ids.Count, TimeSpan.FromSeconds(30));
        await Task.Delay(2000, TestContext.Current.CancellationToken);
        // Read again: a send already past the gate when the cancel landed is counted Sent (not Cancelled) once it settles.
        summary = await Pipeline.WaitForAsync("cancel", s => s.Sent + s.Cancelled == ids.Count, TimeSpan.FromSeconds(30));
        using var resumed = await Pipeline.ControlAsync("cancel", "resume");

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(BroadcastState.Cancelled, summary.State);
        Assert.True(summary.Cancelled > 0, "Nothing was left to cancel.");
        Assert.Equal(summary.Sent, Pipeline.SendsOf("cancel").Count);
        Assert.Equal(HttpStatusCode.Conflict, resumed.StatusCode);
        Assert.Equal(Pipeline.SendsOf("cancel").Count, Pipeline.SendsOf("cancel").Select(s => s.To).Distinct().Count());
    }
}
