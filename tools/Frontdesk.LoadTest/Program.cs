using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

// Sends signed WhatsApp webhook bodies to a local Frontdesk, each with its own wamid, from N concurrent workers, for
// a bounded time and count; prints throughput, latency percentiles and errors. Loopback only: it never leaves the box.
var options = LoadOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("""
        usage: Frontdesk.LoadTest [--url http://127.0.0.1:7071/api/webhook] [--secret local_app_secret_change_me]
                                  [--concurrency 8] [--duration 20] [--requests 20000] [--warmup 200]
                                  [--fixture tests/Fixtures/webhooks/text.json | --messages 1000 --text-bytes 2900]
                                  [--label name]
        """);
    return 2;
}

if (!await IsLoopbackAsync(options.Url).ConfigureAwait(false))
{
    Console.Error.WriteLine($"Refusing {options.Url}: the load test only targets loopback addresses.");
    return 2;
}

var template = BodyTemplate.Create(options);
var secret = Encoding.UTF8.GetBytes(options.Secret);
var run = Guid.NewGuid().ToString("N")[..8];
using var handler = new SocketsHttpHandler
{
    MaxConnectionsPerServer = options.Concurrency,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    UseProxy = false,
};
using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };

// Warm-up: JIT, connections, Azurite's first queue calls; not counted.
var warm = new Sender(client, options.Url, template, secret, $"{run}W");
for (var i = 0; i < options.Warmup; i++)
{
    await warm.SendAsync(i, CancellationToken.None).ConfigureAwait(false);
}

var next = -1;
var stopwatch = Stopwatch.StartNew();
using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(options.DurationSeconds));
var workers = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
{
    var sender = new Sender(client, options.Url, template, secret, run);
    var result = new WorkerResult();
    while (!deadline.IsCancellationRequested)
    {
        var n = Interlocked.Increment(ref next);
        if (n >= options.Requests)
        {
            break;
        }

        var outcome = await sender.SendAsync(n, CancellationToken.None).ConfigureAwait(false);
        result.Add(outcome);
    }

    return result;
})).ToArray();
var results = await Task.WhenAll(workers).ConfigureAwait(false);
var elapsed = stopwatch.Elapsed;

var latencies = results.SelectMany(r => r.LatenciesMs).Order().ToArray();
var statuses = results.SelectMany(r => r.Statuses).GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}");
var ok = results.Sum(r => r.Ok);
var failures = results.Sum(r => r.Failures);
var exceptions = results.SelectMany(r => r.Exceptions).GroupBy(e => e).Select(g => $"{g.Key}×{g.Count()}");
var over250 = latencies.Count(l => l > 250);
var over1000 = latencies.Count(l => l > 1000);
string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
double P(double q) => latencies.Length == 0 ? double.NaN : latencies[Math.Clamp((int)Math.Ceiling(q * latencies.Length) - 1, 0, latencies.Length - 1)];
string Share(int count) => latencies.Length == 0 ? "-" : (100.0 * count / latencies.Length).ToString("0.00", CultureInfo.InvariantCulture) + " %";

Console.WriteLine($"run {run} {options.Label}: {options.Concurrency} worker(s), body {template.ApproximateBytes} B, {latencies.Length} requests in {elapsed.TotalSeconds:0.0} s");
Console.WriteLine($"  throughput {(latencies.Length / elapsed.TotalSeconds).ToString("0", CultureInfo.InvariantCulture)} req/s; 200 OK {ok}; other status {failures} [{string.Join(", ", statuses)}]; transport errors {results.Sum(r => r.Exceptions.Count)} [{string.Join(", ", exceptions)}]");
Console.WriteLine($"  latency ms: p50 {Ms(P(0.50))}  p90 {Ms(P(0.90))}  p99 {Ms(P(0.99))}  p99.9 {Ms(P(0.999))}  max {Ms(latencies.LastOrDefault())}; > 250 ms {Share(over250)}; > 1 s {Share(over1000)}");
Console.WriteLine($"| {options.Label} | {options.Concurrency} | {latencies.Length} | {(latencies.Length / elapsed.TotalSeconds).ToString("0", CultureInfo.InvariantCulture)} | {Ms(P(0.50))} | {Ms(P(0.90))} | {Ms(P(0.99))} | {Ms(latencies.LastOrDefault())} | {failures + results.Sum(r => r.Exceptions.Count)} | {Share(over1000)} |");
return failures + results.Sum(r => r.Exceptions.Count) == 0 ? 0 : 1;

static async Task<bool> IsLoopbackAsync(Uri url)
{
    if (IPAddress.TryParse(url.Host.Trim('[', ']'), out var literal))
    {
        return IPAddress.IsLoopback(literal);
    }

    var addresses = await Dns.GetHostAddressesAsync(url.Host).ConfigureAwait(false);
    return addresses.Length > 0 && addresses.All(IPAddress.IsLoopback);
}

/// <summary>Command-line settings; every run is bounded by both a duration and a request count.</summary>
internal sealed record LoadOptions(
    Uri Url, string Secret, int Concurrency, int DurationSeconds, int Requests, int Warmup, string Fixture, int Messages, int TextBytes, string Label)
{
    public static LoadOptions? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                return null;
            }

            values[args[i][2..]] = args[++i];
        }

        string Get(string name, string fallback) => values.Remove(name, out var value) ? value : fallback;
        int Int(string name, int fallback, int max) =>
            Math.Clamp(int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture), 0, max);

        var concurrency = Math.Max(1, Int("concurrency", 8, 256));
        var options = new LoadOptions(
            new Uri(Get("url", "http://127.0.0.1:7071/api/webhook")),
            Get("secret", "local_app_secret_change_me"),
            concurrency,
            Math.Max(1, Int("duration", 20, 120)),
            Math.Max(1, Int("requests", 20_000, 200_000)),
            Int("warmup", 200, 10_000),
            Get("fixture", "tests/Fixtures/webhooks/text.json"),
            Int("messages", 0, 1_000),
            Int("text-bytes", 2_900, 100_000),
            Get("label", $"c{concurrency}"));
        return values.Count == 0 ? options : null;
    }
}

/// <summary>
/// The body with placeholders for the message ids and timestamps, so that each request carries new wamids (the
/// Inbox's once-per-wamid ledger then does real work) and is signed on its own.
/// </summary>
internal sealed class BodyTemplate(string text)
{
    private const string IdToken = "{{ID}}";
    private const string TimeToken = "{{TS}}";

    public int ApproximateBytes => Encoding.UTF8.GetByteCount(text);

    public byte[] Render(string id) => Encoding.UTF8.GetBytes(text
        .Replace(IdToken, id, StringComparison.Ordinal)
        .Replace(TimeToken, DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

    public static BodyTemplate Create(LoadOptions options)
    {
        var root = options.Messages > 0 ? Batch(options.Messages, options.TextBytes) : JsonNode.Parse(File.ReadAllText(options.Fixture))!.AsObject();
        var index = 0;
        foreach (var change in root["entry"]!.AsArray().SelectMany(e => e!["changes"]!.AsArray()))
        {
            foreach (var message in change!["value"]?["messages"]?.AsArray() ?? [])
            {
                message!["id"] = $"wamid.LOAD_{IdToken}_{index++}";
                message["timestamp"] = TimeToken;
            }
        }

        return new BodyTemplate(root.ToJsonString());
    }

    private static JsonObject Batch(int messages, int textBytes)
    {
        var contacts = new JsonArray();
        var list = new JsonArray();
        const string Phrase = "Hello, do you deliver to Testville on Saturdays? ";
        var text = string.Concat(Enumerable.Repeat(Phrase, (textBytes / Phrase.Length) + 1))[..textBytes];
        for (var s = 0; s < Math.Min(20, messages); s++)
        {
            contacts.Add(new JsonObject { ["profile"] = new JsonObject { ["name"] = $"Load {s}" }, ["wa_id"] = $"155501999{s:00}" });
        }

        for (var i = 0; i < messages; i++)
        {
            list.Add(new JsonObject
            {
                ["from"] = $"155501999{i % 20:00}",
                ["type"] = "text",
                ["text"] = new JsonObject { ["body"] = text },
            });
        }

        return new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "100000000000001",
                ["changes"] = new JsonArray(new JsonObject
                {
                    ["value"] = new JsonObject
                    {
                        ["messaging_product"] = "whatsapp",
                        ["metadata"] = new JsonObject { ["display_phone_number"] = "15550100001", ["phone_number_id"] = "200000000000001" },
                        ["contacts"] = contacts,
                        ["messages"] = list,
                    },
                    ["field"] = "messages",
                }),
            }),
        };
    }
}

/// <summary>One request: render, sign (HMAC-SHA256 of these exact bytes), POST, time until the response is read.</summary>
internal sealed class Sender(HttpClient client, Uri url, BodyTemplate template, byte[] secret, string run)
{
    public async Task<Outcome> SendAsync(int n, CancellationToken cancellationToken)
    {
        var body = template.Render($"{run}_{n.ToString(CultureInfo.InvariantCulture)}");
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, body));
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            return new Outcome(Stopwatch.GetElapsedTime(started).TotalMilliseconds, (int)response.StatusCode, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new Outcome(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 0, e.GetType().Name);
        }
    }
}

internal sealed record Outcome(double Milliseconds, int Status, string? Exception);

internal sealed class WorkerResult
{
    public List<double> LatenciesMs { get; } = [];

    public List<int> Statuses { get; } = [];

    public List<string> Exceptions { get; } = [];

    public int Ok { get; private set; }

    public int Failures { get; private set; }

    public void Add(Outcome outcome)
    {
        if (outcome.Exception is not null)
        {
            Exceptions.Add(outcome.Exception);
            return;
        }

        LatenciesMs.Add(outcome.Milliseconds);
        Statuses.Add(outcome.Status);
        if (outcome.Status == 200)
        {
            Ok++;
        }
        else
        {
            Failures++;
        }
    }
}
