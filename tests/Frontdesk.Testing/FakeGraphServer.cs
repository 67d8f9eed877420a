using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Testing;

/// <summary>
/// A real HTTP server on 127.0.0.1 (a free port picked by the OS) that answers like Meta's Graph API messages edge
/// (and its <c>conversational_automation</c> edge) and records every request. Point <c>WhatsApp__GraphBaseUrl</c> at <see cref="BaseUrl"/>. Scripted answers
/// (<see cref="Enqueue"/>) are used one per request, in arrival order; without one, requests succeed.
/// </summary>
/// <example>
/// <code>
/// await using var graph = await FakeGraphServer.StartAsync();
/// graph.Enqueue(FakeGraphResponse.Error(130429));          // first call throttled, next ones succeed
/// // … run the pipeline with WhatsApp__GraphBaseUrl = graph.BaseUrl …
/// var requests = await graph.WaitForRequestsAsync(2);
/// </code>
/// </example>
public sealed class FakeGraphServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedGraphRequest> _requests = new();
    private readonly ConcurrentQueue<FakeGraphResponse> _script = new();
    private int _sequence;
    private int _sent;

    private FakeGraphServer(WebApplication app) => _app = app;

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:54321</c>: the value for <c>WhatsApp__GraphBaseUrl</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<RecordedGraphRequest> Requests => [.. _requests.OrderBy(r => r.Sequence)];

    public static async Task<FakeGraphServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeGraphServer(app);
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

    public async ValueTask DisposeAsync()
    {
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

        var scripted = _script.TryDequeue(out var next) ? next : new FakeGraphResponse();
        if (scripted.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(scripted.Delay, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var (status, answer) = scripted.Body is null ? DefaultAnswer(request) : (scripted.Status, scripted.Body);
        context.Response.StatusCode = status;
        if (scripted.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        if (answer.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private (int Status, string Body) DefaultAnswer(RecordedGraphRequest request)
    {
        if (request.Method == HttpMethods.Post && request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries) is [_, _, "conversational_automation"])
        {
            return (200, """{"success":true}""");
        }

        if (request.PhoneNumberId is null || request.Method != HttpMethods.Post)
        {
            return (404, """{"error":{"message":"Unknown path components","type":"OAuthException","code":2500,"fbtrace_id":"FAKE_TRACE"}}""");
        }

        if (request.IsMarkRead)
        {
            return (200, """{"success":true}""");
        }

        var to = request.Json?["to"]?.GetValue<string>() ?? "";
        var n = Interlocked.Increment(ref _sent).ToString(CultureInfo.InvariantCulture);
        var waId = to.TrimStart('+');
        return (200, $$"""{"messaging_product":"whatsapp","contacts":[{"input":"{{to}}","wa_id":"{{waId}}"}],"messages":[{"id":"wamid.FAKE_SENT_{{n}}"}]}""");
    }
}
