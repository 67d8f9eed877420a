using System.Diagnostics;
using System.Net.Http.Headers;
using Frontdesk.Core.Webhooks;

namespace Frontdesk.FaultSuite.Harness;

/// <summary>
/// Posts signed webhook bodies the way Meta does: anything but a 200 (a refused connection while the host is down,
/// a 5xx, a timeout) is tried again, soon at first and then less often, until a 200 or the give-up time.
/// </summary>
public sealed class MetaWebhookPoster(HttpClient http, Uri url, string appSecret, TimeSpan giveUpAfter)
{
    private long _posts;
    private long _failures;

    /// <summary>POSTs made, retries included.</summary>
    public long Posts => Interlocked.Read(ref _posts);

    /// <summary>POSTs not answered 200 (each was retried).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Posts until a 200; returns the time from the first POST to the 200, or null when it gave up.</summary>
    public async Task<TimeSpan?> PostAsync(byte[] body, CancellationToken cancellationToken)
    {
        var signature = WebhookSignature.Sign(body, appSecret);
        var started = Stopwatch.GetTimestamp();
        var backoff = TimeSpan.FromMilliseconds(200);
        while (Stopwatch.GetElapsedTime(started) < giveUpAfter)
        {
            Interlocked.Increment(ref _posts);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, signature);
                using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if ((int)response.StatusCode == 200)
                {
                    return Stopwatch.GetElapsedTime(started);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // The host is down or too slow: Meta retries.
            }

            Interlocked.Increment(ref _failures);
            await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
        }

        return null;
    }
}
