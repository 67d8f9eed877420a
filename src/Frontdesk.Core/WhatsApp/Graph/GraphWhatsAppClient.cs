using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Frontdesk.Core.Telemetry;
using Frontdesk.Core.Webhooks.Events;
using Frontdesk.Core.WhatsApp.Graph.Wire;
using Frontdesk.Core.WhatsApp.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace Frontdesk.Core.WhatsApp.Graph;

/// <summary>
/// The typed HTTP client for <c>POST {GraphBaseUrl}/{ApiVersion}/{phone_number_id}/messages</c>. One call per
/// <see cref="SendAsync"/>: the resilience handler in front of it does not retry POSTs, because a retried send is a
/// second message on the customer's phone; retries are the sender's job, through the queue, after the ledger.
/// </summary>
public sealed partial class GraphWhatsAppClient(
    HttpClient http,
    IOptions<WhatsAppOptions> options,
    TimeProvider time,
    ILogger<GraphWhatsAppClient> logger) : IWhatsAppSender
{
    public async Task<GraphSendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!GraphRequestBuilder.TryBuild(message, out var json, out var problem))
        {
            return GraphSendResult.LocalFailure(problem);
        }

        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, MessagesUri(settings, message.PhoneNumberId))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AccessToken);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or ExecutionRejectedException or OperationCanceledException)
        {
            var result = FromException(ex);
            Log.NoAnswer(logger, message.PhoneNumberId, result.Outcome, ex.GetType().Name, ex.Message);
            return result;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var result = response.IsSuccessStatusCode ? FromSuccess(body) : FromError((int)response.StatusCode, body, RetryAfter(response));
            Log.Answer(logger, message.PhoneNumberId, result.HttpStatus ?? (int)response.StatusCode, result.Error?.Code, result.Outcome, result.FbTraceId);
            return result with { HttpStatus = (int)response.StatusCode };
        }
    }

    /// <summary>The URL of the messages edge for a business number.</summary>
    public static Uri MessagesUri(WhatsAppOptions settings, string phoneNumberId)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var root = settings.GraphBaseUrl.AbsoluteUri.TrimEnd('/');
        return new Uri($"{root}/{settings.ApiVersion.Trim('/')}/{Uri.EscapeDataString(phoneNumberId)}/messages");
    }

    internal static GraphSendResult FromException(Exception ex) => ex switch
    {
        // A timed-out attempt left (or may have left) the process: handled with the lost answers below.
        TimeoutRejectedException => new GraphSendResult { Outcome = SendOutcome.MaybeAccepted, Reason = "no answer from the Graph API within the attempt timeout: it may have been accepted" },
        // Refused before a byte of the request left (open circuit, rate limiter): Meta cannot have it, so send again later.
        ExecutionRejectedException rejected => new GraphSendResult { Outcome = SendOutcome.Transient, Reason = $"not sent: the resilience pipeline refused the call ({rejected.GetType().Name})" },
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError } h =>
            new GraphSendResult { Outcome = SendOutcome.Transient, Reason = $"not sent: could not connect to the Graph API ({h.HttpRequestError})" },
        // Sent, then no answer: Meta may have accepted it; resending could deliver it twice.
        _ => new GraphSendResult { Outcome = SendOutcome.MaybeAccepted, Reason = $"no answer from the Graph API ({ex.GetType().Name}): it may have been accepted" },
    };

    internal static GraphSendResult FromSuccess(string body)
    {
        GraphSendResponse? parsed = null;
        try
        {
            parsed = JsonSerializer.Deserialize(body, GraphJsonContext.Default.GraphSendResponse);
        }
        catch (JsonException)
        {
            // A 2xx is an acceptance whatever its body says; resending it would duplicate the message.
        }

        return GraphSendResult.Accepted(parsed?.Messages?.FirstOrDefault()?.Id);
    }

    internal static GraphSendResult FromError(int status, string body, TimeSpan? retryAfter)
    {
        GraphErrorBody? error = null;
        try
        {
            error = JsonSerializer.Deserialize(body, GraphJsonContext.Default.GraphErrorResponse)?.Error;
        }
        catch (JsonException)
        {
            // Not Meta's envelope (a proxy's HTML page, an empty 502): the HTTP status alone decides.
        }

        var outcome = GraphErrorClassifier.Classify(error?.Code, status);
        var whatsAppError = error?.Code is { } code
            ? new WhatsAppError(code, TitleOf(error.Message), error.Message, error.ErrorData?.Details)
            : null;
        var reason = whatsAppError is null
            ? $"HTTP {status} without a Graph error body"
            : $"HTTP {status}, Meta error {whatsAppError.Code}: {whatsAppError.Message}" +
              (string.IsNullOrEmpty(whatsAppError.Details) ? "" : $" ({whatsAppError.Details})");
        return new GraphSendResult
        {
            Outcome = outcome,
            Error = whatsAppError,
            HttpStatus = status,
            FbTraceId = error?.FbtraceId,
            RetryAfter = retryAfter,
            Reason = reason,
        };
    }

    /// <summary>"(#131047) Re-engagement message" → "Re-engagement message", the title webhooks use for the same error.</summary>
    internal static string? TitleOf(string? message)
    {
        if (message is null || !message.StartsWith("(#", StringComparison.Ordinal))
        {
            return message;
        }

        var end = message.IndexOf(')', StringComparison.Ordinal);
        return end < 0 ? message : message[(end + 1)..].Trim();
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.GraphAnswered, LogLevel.Debug, "Graph API answered HTTP {HttpStatus} for {PhoneNumberId}: Meta code {MetaErrorCode}, {Outcome}, fbtrace_id {FbTraceId}")]
        public static partial void Answer(ILogger logger, string phoneNumberId, int httpStatus, int? metaErrorCode, SendOutcome outcome, string? fbTraceId);

        [LoggerMessage(TelemetryEvents.GraphNoAnswer, LogLevel.Warning, "Graph API gave no answer for {PhoneNumberId} ({Outcome}): {ExceptionType}: {ExceptionMessage}")]
        public static partial void NoAnswer(ILogger logger, string phoneNumberId, SendOutcome outcome, string exceptionType, string exceptionMessage);
    }
}
