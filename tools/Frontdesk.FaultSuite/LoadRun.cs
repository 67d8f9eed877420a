using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Frontdesk.FaultSuite.Harness;
using Frontdesk.Testing;

namespace Frontdesk.FaultSuite;

/// <summary>
/// The pipeline load run (issue 11 item 2, not a timed test): a Release DevHost as a child process on a fresh
/// Azurite, a fake Graph API without faults, and signed webhooks from first-time customers at a fixed rate. It
/// reports, per inbound message, the time from the webhook POST to the last reply the fake accepted for it, how many
/// were answered in full, and the queue depths over the run.
/// </summary>
public static class LoadRun
{
    public static async Task<string> RunAsync(double rate, int seconds, string devHostDll, string logFolder, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var loadBefore = LoadAverage();
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // One line per decision is the product's logging; at 80 messages a second the console itself costs CPU.
            ["Logging__LogLevel__Default"] = "Warning",
        };
        await using var pipeline = await Pipeline.StartAsync(devHostDll, settings, logFolder, cancellationToken).ConfigureAwait(false);
        await log.WriteLineAsync($"started Azurite, the fake Graph API and DevHost ({pipeline.WebhookUrl}); sending {rate.ToString(CultureInfo.InvariantCulture)} messages/s for {seconds.ToString(CultureInfo.InvariantCulture)} s").ConfigureAwait(false);

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, UseProxy = false };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var poster = new MetaWebhookPoster(http, pipeline.WebhookUrl, Pipeline.AppSecret, TimeSpan.FromMinutes(2));
        var total = (int)(rate * seconds);
        var customers = Enumerable.Range(0, total).Select(i => "1555" + (5_000_000 + i).ToString("0000000", CultureInfo.InvariantCulture)).ToArray();
        var postedAt = new DateTimeOffset[total];
        var postMs = new ConcurrentBag<double>();
        var depths = new ConcurrentQueue<(double At, QueueDepths Depths)>();
        var clock = Stopwatch.StartNew();
        using var sampling = new CancellationTokenSource();
        var sampler = SampleAsync(pipeline, clock, depths, sampling.Token);

        var posts = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, cancellationToken).ConfigureAwait(false);
            }

            var n = i;
            var body = WebhookBuilder.Text(customers[n], $"wamid.LOAD_{n.ToString(CultureInfo.InvariantCulture)}", "What are your opening hours?", DateTimeOffset.UtcNow, "Load");
            postedAt[n] = DateTimeOffset.UtcNow;
            posts.Add(Task.Run(async () =>
            {
                if (await poster.PostAsync(body, cancellationToken).ConfigureAwait(false) is { } took)
                {
                    postMs.Add(took.TotalMilliseconds);
                }
            }, cancellationToken));
        }

        var sendSeconds = clock.Elapsed.TotalSeconds;
        await Task.WhenAll(posts).ConfigureAwait(false);

        // Drain: until the queues are empty and no reply arrived for 5 s (at most 3 minutes).
        var quiet = Stopwatch.StartNew();
        var last = -1;
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds + 180))
        {
            var accepted = pipeline.Graph.Accepted.Count;
            if (accepted != last)
            {
                last = accepted;
                quiet.Restart();
            }

            if ((await pipeline.DepthsAsync(cancellationToken).ConfigureAwait(false)).Drained && quiet.Elapsed > TimeSpan.FromSeconds(5))
            {
                break;
            }

            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
        }

        await sampling.CancelAsync().ConfigureAwait(false);
        await sampler.ConfigureAwait(false);
        var loadAfter = LoadAverage();

        var byCustomer = pipeline.Graph.Accepted.GroupBy(a => a.To, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var counts = customers.Select(c => byCustomer.TryGetValue(c, out var l) ? l.Select(a => a.CallbackData).Distinct(StringComparer.Ordinal).Count() : 0).ToArray();
        // Every customer sends the same text: the most common number of replies among those who got any is a full answer.
        var expected = counts.Where(c => c > 0).GroupBy(c => c).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        var latencies = new List<double>();

        // By when the message was posted, in 10-second windows: a fresh host compiles, fills its caches and creates its
        // tables while the first messages arrive, and a backlog then is the run's tail, not its steady state.
        var windows = new SortedDictionary<int, List<double>>();
        for (var i = 0; i < total; i++)
        {
            if (counts[i] >= expected && expected > 0)
            {
                var latency = (byCustomer[customers[i]].Max(a => a.At) - postedAt[i]).TotalMilliseconds;
                latencies.Add(latency);
                var window = (int)(i / rate / 10) * 10;
                (windows.TryGetValue(window, out var list) ? list : windows[window] = []).Add(latency);
            }
        }

        latencies.Sort();
        var postSorted = postMs.Order().ToArray();
        string P(IReadOnlyList<double> sorted, double q) => sorted.Count == 0 ? "-" : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)].ToString("0", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"load run: {total} inbound messages at {rate} /s requested, posted in {sendSeconds:0.0} s ({total / sendSeconds:0.0} /s); webhook POST -> 200: p50 {P(postSorted, 0.5)} ms, p99 {P(postSorted, 0.99)} ms, max {P(postSorted, 1)} ms; {poster.Failures} POSTs not answered 200");
        text.AppendLine(CultureInfo.InvariantCulture, $"  answered in full ({expected} replies each): {latencies.Count} of {total}, some replies: {counts.Count(c => c > 0 && c < expected)}, none: {counts.Count(c => c == 0)}; replies accepted by the fake: {pipeline.Graph.Accepted.Count}; peak replies in one second: {pipeline.Graph.PeakAccepted(TimeSpan.FromSeconds(1))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  webhook POST -> last reply at the fake Graph API: p50 {P(latencies, 0.5)} ms, p90 {P(latencies, 0.9)} ms, p99 {P(latencies, 0.99)} ms, max {P(latencies, 1)} ms");
        text.Append("  the same by when the message was posted (s: p50/p99 ms):");
        foreach (var (from, list) in windows)
        {
            list.Sort();
            text.Append(CultureInfo.InvariantCulture, $" {from}-{from + 10}: {P(list, 0.5)}/{P(list, 0.99)}");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"  load average: before {loadBefore}, after {loadAfter}");
        text.AppendLine("  queue depths over time (s: inbox/outbound, invisible included):");
        text.Append("   ");
        foreach (var (at, d) in depths)
        {
            text.Append(CultureInfo.InvariantCulture, $" {at:0}:{d.Inbox}/{d.Outbound}");
        }

        return text.ToString();
    }

    private static async Task SampleAsync(Pipeline pipeline, Stopwatch clock, ConcurrentQueue<(double, QueueDepths)> depths, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                depths.Enqueue((clock.Elapsed.TotalSeconds, await pipeline.DepthsAsync(cancellationToken).ConfigureAwait(false)));
                await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
