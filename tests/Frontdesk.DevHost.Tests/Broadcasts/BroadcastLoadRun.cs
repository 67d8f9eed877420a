using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Frontdesk.Core.Broadcasts;
using Frontdesk.Storage;

namespace Frontdesk.DevHost.Tests.Broadcasts;

/// <summary>
/// The broadcast load run (docs/performance.md): N recipients by label through DevHost, Azurite and the fake Graph API,
/// with the broadcast pace far above the sender's (80/s), so the fan-out runs as fast as it can. Reports how long the
/// start takes (writing N recipient rows), the fan-out's throughput (recipients queued per second, from the rows'
/// QueuedAt) and the send rate (from the fake's timestamps). Runs only when asked:
/// <c>FRONTDESK_BROADCAST_LOAD=2000 dotnet test --project tests/Frontdesk.DevHost.Tests -c Release -- --filter-class "*BroadcastLoadRun"</c>.
/// </summary>
public sealed class BroadcastLoadRun
{
    [Fact]
    public async Task LoadRun_FanoutThroughput_IsReported()
    {
        Assert.SkipUnless(
            int.TryParse(Environment.GetEnvironmentVariable("FRONTDESK_BROADCAST_LOAD"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0,
            "A load run, not a check: set FRONTDESK_BROADCAST_LOAD=<recipients> to run it (docs/performance.md).");
        await using var pipeline = await BroadcastPipeline.StartAsync(messagesPerSecond: 80, dailyUniqueLimit: 10_000_000, read: false);
        var ids = await pipeline.ContactsAsync("3367", n, "load");

        var clock = Stopwatch.StartNew();
        using var started = await pipeline.StartBroadcastAsync("load", "load");
        var startMs = clock.Elapsed.TotalMilliseconds;
        var answeredAt = DateTimeOffset.UtcNow;
        var summary = await pipeline.WaitForAsync("load", s => s.State == BroadcastState.Done, TimeSpan.FromSeconds(120 + (n / 20)));
        var doneSeconds = clock.Elapsed.TotalSeconds;

        var rows = new TableServiceClient(pipeline.Azurite.ConnectionString).GetTableClient(StorageNames.Tables.Broadcasts);
        var queuedAt = await rows.QueryAsync<TableEntity>(e => e.PartitionKey == "load" && e.RowKey != "summary", select: ["QueuedAt"], cancellationToken: TestContext.Current.CancellationToken)
            .Where(e => e.GetDateTimeOffset("QueuedAt") is not null).Select(e => e.GetDateTimeOffset("QueuedAt")!.Value).ToListAsync(TestContext.Current.CancellationToken);
        var fanoutSeconds = (queuedAt.Max() - answeredAt).TotalSeconds;
        var sends = pipeline.SendsOf("load").Select(s => s.At).Order().ToList();
        var sendRate = (sends.Count - 1) / (sends[^1] - sends[0]).TotalSeconds;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"broadcast load run: {n} recipients; start answered in {startMs:0} ms ({n / (startMs / 1000):0} recipients/s written); fan-out queued all in {fanoutSeconds:0.0} s ({n / fanoutSeconds:0} recipients/s, paced by the sends); sends {sendRate:0.0}/s; done in {doneSeconds:0.0} s; {Environment.ProcessorCount} cores");
        TestContext.Current.SendDiagnosticMessage(line);
        Console.WriteLine(line);

        Assert.Equal((n, n), (summary.Sent, sends.Count));
        // A recipient the sender settled before its page was marked Queued has no QueuedAt: at least one page has.
        Assert.NotEmpty(queuedAt);
    }
}
