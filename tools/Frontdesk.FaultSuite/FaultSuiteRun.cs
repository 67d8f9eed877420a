using System.Diagnostics;
using System.Globalization;
using Frontdesk.FaultSuite.Harness;
using Frontdesk.Testing;

namespace Frontdesk.FaultSuite;

/// <summary>
/// The fault suite (issue 11 item 7): N first-time customers each write once, every webhook body is posted twice,
/// the fake Graph API throttles, fails, drops connections before and after accepting, answers slowly and posts
/// signed status webhooks back (twice each), and DevHost is killed with SIGKILL mid-load and started again. Then it
/// counts, per customer, the replies the fake accepted.
/// </summary>
public static class FaultSuiteRun
{
    public static async Task<FaultSuiteReport> RunAsync(FaultSuiteOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var clock = Stopwatch.StartNew();
        await using var pipeline = await Pipeline.StartAsync(options.DevHostDll, options.Settings, options.LogFolder, cancellationToken).ConfigureAwait(false);
        var graph = pipeline.Graph;
        graph.Faults = options.Faults;
        graph.PostStatusesTo(new FakeGraphStatusWebhooks(pipeline.WebhookUrl, Pipeline.AppSecret)
        {
            Read = true,
            Copies = options.Copies,
            GiveUpAfter = TimeSpan.FromMinutes(10),
        });
        await log.WriteLineAsync($"started Azurite, the fake Graph API ({graph.BaseUrl}) and DevHost ({pipeline.WebhookUrl}) in {clock.Elapsed.TotalSeconds:0.0} s; logs in {options.LogFolder}").ConfigureAwait(false);

        var customers = Enumerable.Range(0, options.Customers).Select(i => "1555" + (4_000_000 + i).ToString("0000000", CultureInfo.InvariantCulture)).ToList();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64, UseProxy = false };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(15) };
        var poster = new MetaWebhookPoster(http, pipeline.WebhookUrl, Pipeline.AppSecret, TimeSpan.FromMinutes(10));
        var killAfter = options.KillAt is { } share ? (int)Math.Clamp(share * customers.Count, 1, customers.Count) : -1;
        var posted = 0;
        var killed = new TaskCompletionSource();
        string? kill = null;
        var killer = Task.Run(async () =>
        {
            if (killAfter < 0)
            {
                return;
            }

            await killed.Task.ConfigureAwait(false);
            var at = clock.Elapsed;
            var pid = pipeline.Host?.ProcessId;
            await pipeline.KillHostAsync().ConfigureAwait(false);
            await Task.Delay(options.DeadFor, cancellationToken).ConfigureAwait(false);
            await pipeline.StartHostAsync(cancellationToken).ConfigureAwait(false);
            kill = $"kill -9 of DevHost (pid {pid?.ToString(CultureInfo.InvariantCulture)}) at {at.TotalSeconds:0.0} s after {killAfter.ToString(CultureInfo.InvariantCulture)} customers, back {(clock.Elapsed - at).TotalSeconds:0.0} s later";
            await log.WriteLineAsync("  " + kill).ConfigureAwait(false);
        }, cancellationToken);

        var random = new Random(options.Faults.Seed);
        var sendStarted = Stopwatch.StartNew();
        var sends = new List<Task>();
        for (var i = 0; i < customers.Count; i++)
        {
            var due = TimeSpan.FromSeconds(i / options.CustomersPerSecond);
            if (due > sendStarted.Elapsed)
            {
                await Task.Delay(due - sendStarted.Elapsed, cancellationToken).ConfigureAwait(false);
            }

            var body = WebhookBuilder.Text(customers[i], $"wamid.FAULTS_{i.ToString(CultureInfo.InvariantCulture)}", "What are your opening hours?", DateTimeOffset.UtcNow, $"Customer {i.ToString(CultureInfo.InvariantCulture)}");
            var secondAfter = TimeSpan.FromMilliseconds(random.Next(0, 1500));
            sends.Add(Task.Run(() => PostCopiesAsync(poster, body, options.Copies, secondAfter, cancellationToken), cancellationToken));
            if (Interlocked.Increment(ref posted) == killAfter)
            {
                killed.TrySetResult();
            }
        }

        await Task.WhenAll(sends).ConfigureAwait(false);
        await killer.ConfigureAwait(false);
        await log.WriteLineAsync($"posted {customers.Count.ToString(CultureInfo.InvariantCulture)} customers' webhooks ×{options.Copies.ToString(CultureInfo.InvariantCulture)} by {clock.Elapsed.TotalSeconds:0.0} s; waiting for the pipeline to settle").ConfigureAwait(false);

        var (depths, settled) = await SettleAsync(pipeline, options, log, cancellationToken).ConfigureAwait(false);
        return FaultSuiteReport.Count(customers, graph, poster.Posts, poster.Failures, depths, settled, clock.Elapsed, kill, options.LogFolder);
    }

    private static async Task PostCopiesAsync(MetaWebhookPoster poster, byte[] body, int copies, TimeSpan secondAfter, CancellationToken cancellationToken)
    {
        var first = poster.PostAsync(body, cancellationToken);
        if (copies > 1)
        {
            // A duplicate, as Meta sends them: a moment later, sometimes while the first is still being handled.
            await Task.Delay(secondAfter, cancellationToken).ConfigureAwait(false);
            await Task.WhenAll(Enumerable.Range(1, copies - 1).Select(_ => poster.PostAsync(body, cancellationToken))).ConfigureAwait(false);
        }

        await first.ConfigureAwait(false);
    }

    /// <summary>Waits until the queues are empty, every status webhook is posted, and no reply arrived for a while.</summary>
    private static async Task<(QueueDepths Depths, bool Settled)> SettleAsync(Pipeline pipeline, FaultSuiteOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        var lastCount = -1;
        var quietSince = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        while (true)
        {
            var depths = await pipeline.DepthsAsync(cancellationToken).ConfigureAwait(false);
            var accepted = pipeline.Graph.Accepted.Count;
            if (accepted != lastCount)
            {
                lastCount = accepted;
                quietSince.Restart();
            }

            if (deadline.Elapsed - lastReport >= TimeSpan.FromSeconds(10))
            {
                lastReport = deadline.Elapsed;
                await log.WriteLineAsync($"  {deadline.Elapsed.TotalSeconds:0} s: {depths}; {accepted.ToString(CultureInfo.InvariantCulture)} accepted; {pipeline.Graph.PendingStatuses.ToString(CultureInfo.InvariantCulture)} messages with statuses to post").ConfigureAwait(false);
            }

            if (depths.Drained && pipeline.Graph.PendingStatuses == 0 && quietSince.Elapsed >= options.Quiet)
            {
                return (depths, true);
            }

            if (deadline.Elapsed > options.SettleTimeout)
            {
                return (depths, false);
            }

            await Task.Delay(500, cancellationToken).ConfigureAwait(false);
        }
    }
}
