using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Testing;

/// <summary>
/// A real HTTP server on 127.0.0.1 (a free port picked by the OS) that answers like Meta's Graph API messages edge
/// (and its <c>conversational_automation</c> edge) and records every request. Point <c>WhatsApp__GraphBaseUrl</c> at
/// <see cref="BaseUrl"/>. Scripted answers (<see cref="Enqueue"/>) are used one per request, in arrival order; without
/// one, <see cref="Faults"/> may inject a random fault (seeded), and otherwise requests succeed.
/// <para>
/// Like Meta, it records what it <em>accepted</em> per recipient (<see cref="Accepted"/>, <see cref="AcceptedTo"/>),
/// including sends whose connection it dropped after accepting: those reach the customer though the caller never
/// heard. With <see cref="PostStatusesTo"/> it posts signed status webhooks back for every accepted message.
/// </para>
/// </summary>
/// <example>
/// <code>
/// await using var graph = await FakeGraphServer.StartAsync();
/// graph.Enqueue(FakeGraphResponse.Throttle(), FakeGraphResponse.DropAfterAccepting()); // then successes
/// graph.Faults = new FakeGraphFaults { Seed = 7, Throttle = 0.05, DropAfterAccepting = 0.01 };
/// graph.PostStatusesTo(new FakeGraphStatusWebhooks(webhookUrl, appSecret) { Read = true, Copies = 2 });
/// // … run the pipeline with WhatsApp__GraphBaseUrl = graph.BaseUrl …
/// var requests = await graph.WaitForRequestsAsync(2);
/// var received = graph.AcceptedTo("15550199991");
/// </code>
/// </example>
public sealed class FakeGraphServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<RecordedGraphRequest> _requests = new();
    private readonly ConcurrentQueue<FakeGraphResponse> _script = new();
    private readonly ConcurrentQueue<AcceptedGraphMessage> _accepted = new();
    private readonly ConcurrentQueue<PostedStatus> _posted = new();
    private readonly ConcurrentDictionary<string, int> _injected = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _failDeliveriesTo = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeGraphResponse>> _scriptFor = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _lastSecond = new();
    private readonly Lock _gate = new();
    private FakeGraphFaults _faults = FakeGraphFaults.None;
    private Random _random = new(FakeGraphFaults.None.Seed);
    private StatusWebhookPoster? _poster;
    private int _sequence;
    private int _sent;

    private FakeGraphServer(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:54321</c>: the value for <c>WhatsApp__GraphBaseUrl</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request so far, in arrival order (faulted ones included).</summary>
    public IReadOnlyList<RecordedGraphRequest> Requests => [.. _requests.OrderBy(r => r.Sequence)];

    /// <summary>Every message accepted so far (read receipts are not messages), in arrival order.</summary>
    public IReadOnlyList<AcceptedGraphMessage> Accepted => [.. _accepted.OrderBy(a => a.Request.Sequence)];

    /// <summary>Every status webhook posted back so far (once settled: answered 200, or given up).</summary>
    public IReadOnlyList<PostedStatus> PostedStatuses => [.. _posted];

    /// <summary>
    /// The random faults injected so far, by kind (the <see cref="FakeGraphFaults"/> property names, and
    /// <c>MessagesPerSecondLimit</c> for 130429s from the real limit); scripted answers are not counted.
    /// </summary>
    public IReadOnlyDictionary<string, int> InjectedFaults => new SortedDictionary<string, int>(_injected, StringComparer.Ordinal);

    /// <summary>Status webhooks scheduled but not yet settled.</summary>
    public int PendingStatuses => _poster?.Pending ?? 0;

    /// <summary>Random faults for requests without a scripted answer; setting it restarts the generator from its seed.</summary>
    public FakeGraphFaults Faults
    {
        get => _faults;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            lock (_gate)
            {
                _faults = value;
                _random = new Random(value.Seed);
            }
        }
    }

    /// <summary>Templates per WABA id, listed by <c>GET /{version}/{waba-id}/message_templates</c> (see <see cref="SetMessageTemplates"/>).</summary>
    private readonly ConcurrentDictionary<string, IReadOnlyList<FakeMessageTemplate>> _templates = new(StringComparer.Ordinal);

    /// <summary>How many templates one page of <c>message_templates</c> holds (small, so paging is exercised).</summary>
    public int TemplatesPageSize { get; set; } = 2;

    /// <summary>The templates the WhatsApp Business Account <paramref name="wabaId"/> holds, as Meta lists them (paged by <c>after</c>).</summary>
    public void SetMessageTemplates(string wabaId, params FakeMessageTemplate[] templates) => _templates[wabaId] = templates;

    public static Task<FakeGraphServer> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync(TimeProvider.System, cancellationToken);

    /// <param name="time">The clock for acceptance times, status timestamps and delays.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<FakeGraphServer> StartAsync(TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(time);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeGraphServer(app, time);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        server.BaseUrl = new Uri(app.Urls.First());
        return server;
    }

    /// <summary>Scripts the answers of the next requests, in order.</summary>
    public void Enqueue(params FakeGraphResponse[] responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }
    }

    /// <summary>
    /// Scripts the answers of the next messages to one recipient (with or without <c>+</c>), in order, ahead of
    /// <see cref="Enqueue"/>'s; read receipts and other recipients are not affected.
    /// </summary>
    public void EnqueueFor(string to, params FakeGraphResponse[] responses)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(responses);
        var queue = _scriptFor.GetOrAdd(to.TrimStart('+'), _ => new ConcurrentQueue<FakeGraphResponse>());
        foreach (var response in responses)
        {
            queue.Enqueue(response);
        }
    }

    /// <summary>
    /// From now on, posts status webhooks for every accepted message, as <paramref name="settings"/> say. Called again
    /// (a host restarted on a new port), it moves the webhook: statuses still being retried go to the new one, as
    /// Meta's retries go to the app's webhook as configured now, instead of being dropped.
    /// </summary>
    public void PostStatusesTo(FakeGraphStatusWebhooks settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (Volatile.Read(ref _poster) is { } poster)
        {
            poster.Retarget(settings);
            return;
        }

        var created = new StatusWebhookPoster(settings, _time, _posted);
        if (Interlocked.CompareExchange(ref _poster, created, null) is { } raced)
        {
            _ = created.DisposeAsync().AsTask();
            raced.Retarget(settings);
        }
    }

    /// <summary>Messages to <paramref name="to"/> accepted from now on get a <c>failed</c> status with <paramref name="errorCode"/>.</summary>
    public void FailDeliveriesTo(string to, int errorCode)
    {
        ArgumentNullException.ThrowIfNull(to);
        _failDeliveriesTo[to.TrimStart('+')] = errorCode;
    }

    /// <summary>The messages accepted for one recipient (with or without <c>+</c>), in arrival order.</summary>
    public IReadOnlyList<AcceptedGraphMessage> AcceptedTo(string to)
    {
        ArgumentNullException.ThrowIfNull(to);
        var key = to.TrimStart('+');
        return [.. Accepted.Where(a => a.To == key)];
    }

    /// <summary>The accepted messages grouped by recipient: what each customer received.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<AcceptedGraphMessage>> AcceptedByRecipient() =>
        Accepted.GroupBy(a => a.To, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<AcceptedGraphMessage>)[.. g], StringComparer.Ordinal);

    /// <summary>The most messages accepted within any <paramref name="window"/> (e.g. one second): the peak send rate.</summary>
    public int PeakAccepted(TimeSpan window)
    {
        var times = Accepted.Select(a => a.At).Order().ToArray();
        var peak = 0;
        var start = 0;
        for (var end = 0; end < times.Length; end++)
        {
            while (times[end] - times[start] >= window)
            {
                start++;
            }

            peak = Math.Max(peak, end - start + 1);
        }

        return peak;
    }

    /// <summary>Waits (polling) until at least <paramref name="count"/> requests arrived; throws with what did arrive otherwise.</summary>
    public async Task<IReadOnlyList<RecordedGraphRequest>> WaitForRequestsAsync(int count, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (_requests.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"FakeGraphServer got {_requests.Count} of {count} requests: " +
                    string.Join(" | ", Requests.Select(r => $"{r.Method} {r.Path} {r.Body}")));
            }

            await Task.Delay(25, cancellationToken).ConfigureAwait(false);
        }

        return Requests;
    }

    /// <summary>Waits (polling) until every scheduled status webhook is settled; throws with how many are left otherwise.</summary>
    public async Task WaitForStatusesAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (PendingStatuses > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"FakeGraphServer still has {PendingStatuses} message(s) with status webhooks to post.");
            }

            await Task.Delay(25, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _poster, null) is { } poster)
        {
            await poster.DisposeAsync().ConfigureAwait(false);
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var request = new RecordedGraphRequest(
            Interlocked.Increment(ref _sequence),
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.Headers.Authorization.FirstOrDefault(),
            body);
        _requests.Enqueue(request);

        var isMessage = request.Method == HttpMethods.Post && request.PhoneNumberId is not null;
        var answer = ScriptedFor(request) ?? (_script.TryDequeue(out var next) ? next : (isMessage ? Unscripted(request) : new FakeGraphResponse()));
        if (answer.Drop == FakeGraphDrop.BeforeHandling)
        {
            context.Abort();
            return;
        }

        // Accepted before any slow answer: Meta has the message even if the caller gives up waiting.
        var accepted = isMessage && !request.IsMarkRead && answer.Accepts ? Accept(request, answer) : null;
        if (answer.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(answer.Delay, _time, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (answer.Drop == FakeGraphDrop.AfterAccepting)
        {
            context.Abort();
            return;
        }

        var (status, text) = answer.Body is null ? TemplatesAnswer(context) ?? DefaultAnswer(request, accepted) : (answer.Status, answer.Body);
        context.Response.StatusCode = status;
        if (answer.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        if (text.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(text, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private FakeGraphResponse? ScriptedFor(RecordedGraphRequest request) =>
        request.Json?["to"]?.GetValue<string>() is { } to
        && _scriptFor.TryGetValue(to.TrimStart('+'), out var queue)
        && queue.TryDequeue(out var answer)
            ? answer
            : null;

    /// <summary>A random fault from <see cref="Faults"/>, Meta's throughput limit, or a plain success.</summary>
    private FakeGraphResponse Unscripted(RecordedGraphRequest request)
    {
        lock (_gate)
        {
            var faults = _faults;
            if (!(request.IsMarkRead && faults.SpareReadReceipts) && faults.Pick(_random.NextDouble()) is { } fault)
            {
                _injected.AddOrUpdate(fault.Name, 1, (_, n) => n + 1);
                return fault.Answer;
            }

            if (faults.MessagesPerSecondLimit is { } limit)
            {
                var now = _time.GetUtcNow();
                while (_lastSecond.Count > 0 && now - _lastSecond.Peek() >= TimeSpan.FromSeconds(1))
                {
                    _lastSecond.Dequeue();
                }

                if (_lastSecond.Count >= limit)
                {
                    _injected.AddOrUpdate(nameof(FakeGraphFaults.MessagesPerSecondLimit), 1, (_, n) => n + 1);
                    return FakeGraphResponse.Throttle();
                }

                _lastSecond.Enqueue(now);
            }

            return new FakeGraphResponse();
        }
    }

    private AcceptedGraphMessage Accept(RecordedGraphRequest request, FakeGraphResponse answer)
    {
        var json = request.Json;
        var to = (json?["to"]?.GetValue<string>() ?? "").TrimStart('+');
        var wamId = answer.Body is null
            ? "wamid.FAKE_SENT_" + Interlocked.Increment(ref _sent).ToString(CultureInfo.InvariantCulture)
            : Json(answer.Body)?["messages"]?[0]?["id"]?.GetValue<string>() ?? "";
        var accepted = new AcceptedGraphMessage(
            request,
            request.PhoneNumberId!,
            to,
            wamId,
            _time.GetUtcNow(),
            json?["biz_opaque_callback_data"]?.GetValue<string>(),
            answer.Drop == FakeGraphDrop.AfterAccepting);
        _accepted.Enqueue(accepted);
        var failure = answer.StatusFailureCode ?? (_failDeliveriesTo.TryGetValue(to, out var code) ? code : null);
        Volatile.Read(ref _poster)?.Schedule(accepted, failure);
        return accepted;
    }

    /// <summary>A page of Meta's template list for a known WABA id, or null for any other request.</summary>
    private (int Status, string Body)? TemplatesAnswer(HttpContext context)
    {
        if (context.Request.Method != HttpMethods.Get
            || (context.Request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries) is not [_, var waba, "message_templates"]
            || !_templates.TryGetValue(waba, out var all))
        {
            return null;
        }

        var start = int.TryParse(context.Request.Query["after"], NumberStyles.None, CultureInfo.InvariantCulture, out var after) ? after : 0;
        var size = Math.Max(1, TemplatesPageSize);
        var page = new JsonArray([.. all.Skip(start).Take(size).Select(t => (JsonNode)t.ToJson())]);
        var paging = new JsonObject { ["cursors"] = new JsonObject { ["before"] = start.ToString(CultureInfo.InvariantCulture), ["after"] = (start + size).ToString(CultureInfo.InvariantCulture) } };
        if (start + size < all.Count)
        {
            paging["next"] = $"{BaseUrl.AbsoluteUri.TrimEnd('/')}{context.Request.Path}?after={start + size}";
        }

        return (200, new JsonObject { ["data"] = page, ["paging"] = paging }.ToJsonString());
    }

    private static (int Status, string Body) DefaultAnswer(RecordedGraphRequest request, AcceptedGraphMessage? accepted)
    {
        if (request.Method == HttpMethods.Post && request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries) is [_, _, "conversational_automation"])
        {
            return (200, """{"success":true}""");
        }

        if (request.PhoneNumberId is null || request.Method != HttpMethods.Post)
        {
            return (404, """{"error":{"message":"Unknown path components","type":"OAuthException","code":2500,"fbtrace_id":"FAKE_TRACE"}}""");
        }

        if (request.IsMarkRead || accepted is null)
        {
            return (200, """{"success":true}""");
        }

        var to = request.Json?["to"]?.GetValue<string>() ?? "";
        return (200, $$"""{"messaging_product":"whatsapp","contacts":[{"input":"{{to}}","wa_id":"{{accepted.To}}"}],"messages":[{"id":"{{accepted.WamId}}"}]}""");
    }

    private static System.Text.Json.Nodes.JsonNode? Json(string body) => new RecordedGraphRequest(0, "", "", null, body).Json;
}
