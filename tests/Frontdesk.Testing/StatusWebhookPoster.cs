using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Frontdesk.Core.Webhooks;

namespace Frontdesk.Testing;

/// <summary>
/// Posts the status webhooks of accepted messages for <see cref="FakeGraphServer"/>: one task per message (sent, then
/// delivered, then read, in order), a bounded number of POSTs in flight, retries until the webhook answers 200.
/// </summary>
internal sealed class StatusWebhookPoster : IAsyncDisposable
{
    private FakeGraphStatusWebhooks _settings;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<PostedStatus> _posted;
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private int _pending;

    public StatusWebhookPoster(FakeGraphStatusWebhooks settings, TimeProvider time, ConcurrentQueue<PostedStatus> posted)
    {
        _settings = settings;
        _time = time;
        _posted = posted;
        _slots = new SemaphoreSlim(Math.Max(1, settings.MaxConcurrentPosts));
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>
    /// Posts from now on (retries of statuses already scheduled included) as <paramref name="settings"/> say: Meta
    /// retries a status to the app's webhook as it is configured now, so a host restarted on a new port gets them.
    /// </summary>
    public void Retarget(FakeGraphStatusWebhooks settings) => Volatile.Write(ref _settings, settings);

    /// <summary>Status messages scheduled and not yet posted (or given up).</summary>
    public int Pending => Volatile.Read(ref _pending);

    public void Schedule(AcceptedGraphMessage message, int? failureCode)
    {
        Interlocked.Increment(ref _pending);
        var task = Task.Run(() => PostAllAsync(message, failureCode, _stopping.Token));
        _running.TryAdd(task, 0);
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_running.Keys).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: statuses not yet posted are dropped with the server.
        }

        _http.Dispose();
        _slots.Dispose();
        _stopping.Dispose();
    }

    private async Task PostAllAsync(AcceptedGraphMessage message, int? failureCode, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(_settings.SentDelay, _time, cancellationToken).ConfigureAwait(false);
            if (failureCode is { } code)
            {
                await PostAsync(message, "failed", code, cancellationToken).ConfigureAwait(false);
                return;
            }

            await PostAsync(message, "sent", null, cancellationToken).ConfigureAwait(false);
            foreach (var status in Later())
            {
                await Task.Delay(_settings.StepDelay, _time, cancellationToken).ConfigureAwait(false);
                await PostAsync(message, status, null, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
        }
    }

    private IEnumerable<string> Later()
    {
        if (_settings.Delivered)
        {
            yield return "delivered";
        }

        if (_settings.Read)
        {
            yield return "read";
        }
    }

    private async Task PostAsync(AcceptedGraphMessage message, string status, int? errorCode, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(Payload(message, status, errorCode).ToJsonString());
        var giveUpAt = _time.GetUtcNow() + _settings.GiveUpAfter;
        var attempts = 0;
        var lastStatus = 0;
        var backoff = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            attempts++;
            lastStatus = await PostCopiesAsync(body, Volatile.Read(ref _settings), cancellationToken).ConfigureAwait(false);
            if (lastStatus == 200 || _time.GetUtcNow() >= giveUpAt)
            {
                break;
            }

            await Task.Delay(backoff, _time, cancellationToken).ConfigureAwait(false);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
        }

        _posted.Enqueue(new PostedStatus(message.WamId, status, message.To, message.CallbackData, lastStatus, attempts));
    }

    /// <summary>Posts the body <see cref="FakeGraphStatusWebhooks.Copies"/> times; the status is 200 when any copy got 200.</summary>
    private async Task<int> PostCopiesAsync(byte[] body, FakeGraphStatusWebhooks settings, CancellationToken cancellationToken)
    {
        var signature = WebhookSignature.Sign(body, settings.AppSecret);
        var best = 0;
        for (var copy = 0; copy < Math.Max(1, settings.Copies); copy++)
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, signature);
                using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                best = best == 200 ? 200 : (int)response.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Webhook down (a killed host) or too slow: Meta counts it as a failure and retries.
            }
            finally
            {
                _slots.Release();
            }
        }

        return best;
    }

    private JsonObject Payload(AcceptedGraphMessage message, string status, int? errorCode)
    {
        var item = new JsonObject
        {
            ["id"] = message.WamId,
            ["status"] = status,
            ["timestamp"] = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["recipient_id"] = message.To,
        };
        if (message.CallbackData is not null)
        {
            item["biz_opaque_callback_data"] = message.CallbackData;
        }

        if (status is "sent" or "delivered")
        {
            item["pricing"] = new JsonObject
            {
                ["billable"] = false,
                ["pricing_model"] = "PMP",
                ["type"] = "free_customer_service",
                ["category"] = "service",
            };
        }

        if (errorCode is { } code)
        {
            var title = $"Fake delivery failure {code.ToString(CultureInfo.InvariantCulture)}";
            item["errors"] = new JsonArray(new JsonObject
            {
                ["code"] = code,
                ["title"] = title,
                ["message"] = title,
                ["error_data"] = new JsonObject { ["details"] = "Injected by FakeGraphServer" },
                ["href"] = "/documentation/business-messaging/whatsapp/support/error-codes",
            });
        }

        return new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = _settings.BusinessAccountId,
                ["changes"] = new JsonArray(new JsonObject
                {
                    ["value"] = new JsonObject
                    {
                        ["messaging_product"] = "whatsapp",
                        ["metadata"] = new JsonObject
                        {
                            ["display_phone_number"] = _settings.DisplayPhoneNumber,
                            ["phone_number_id"] = message.PhoneNumberId,
                        },
                        ["statuses"] = new JsonArray(item),
                    },
                    ["field"] = "messages",
                }),
            }),
        };
    }
}
