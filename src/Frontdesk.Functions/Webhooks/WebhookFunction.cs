using System.Diagnostics;
using Frontdesk.Core;
using Frontdesk.Core.Telemetry;
using Frontdesk.Core.Webhooks;
using Frontdesk.Core.Limits;
using Frontdesk.Core.WhatsApp;
using Frontdesk.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Frontdesk.Functions.Webhooks;

/// <summary>
/// Meta's webhook: GET is the verification handshake, POST a signed batch of updates. Protocol work only — verify,
/// store durably, answer — so Meta gets its answer in milliseconds; the rules run from the queue.
/// </summary>
public sealed partial class WebhookFunction(
    IWebhookInbox inbox,
    AppSecrets secrets,
    IOptions<WhatsAppOptions> options,
    ILogger<WebhookFunction> logger)
{
    [Function("Webhook")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "webhook")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HttpMethods.IsGet(request.Method)
            ? Handshake(request)
            : await ReceiveAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private IActionResult Handshake(HttpRequest request)
    {
        string? token = request.Query["hub.verify_token"];
        string? offered = request.Query["hub.challenge"];
        if (token?.Length > InputLimits.HandshakeParameter || offered?.Length > InputLimits.HandshakeParameter)
        {
            Log.HandshakeRefused(logger);
            return Problems.BadRequest(
                $"hub.verify_token and hub.challenge are at most {InputLimits.HandshakeParameter} characters each.",
                token?.Length > InputLimits.HandshakeParameter ? "hub.verify_token" : "hub.challenge");
        }

        var challenge = VerificationHandshake.Answer(request.Query["hub.mode"], token, offered, options.Value.VerifyToken);
        if (challenge is null)
        {
            Log.HandshakeRefused(logger);
            return Problems.Result(StatusCodes.Status403Forbidden, "The handshake needs hub.mode=subscribe, this app's hub.verify_token and a hub.challenge.");
        }

        return new ContentResult { Content = challenge, ContentType = "text/plain; charset=utf-8", StatusCode = StatusCodes.Status200OK };
    }

    private async Task<IActionResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var body = await RequestBody.ReadAsync(request, WebhookBody.MaxBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            Log.TooLarge(logger, request.ContentLength);
            return Problems.TooLarge("The body is larger than 3 MB, Meta's maximum webhook payload.");
        }

        var signature = WebhookSignature.Verify(request.Headers[WebhookSignature.HeaderName], body, secrets);
        if (signature != SignatureCheck.Valid)
        {
            Log.SignatureRefused(logger, signature);
            return Problems.Result(StatusCodes.Status401Unauthorized, $"The {WebhookSignature.HeaderName} header is missing or does not match this body ({signature}).");
        }

        switch (WebhookBody.Classify(body, out var objectName))
        {
            case WebhookBodyKind.NotJson:
                Log.NotJson(logger, body.Length);
                return Problems.BadRequest("The body is signed but is not a JSON object.");
            case WebhookBodyKind.ForeignObject:
                // A 200, not an error: Meta would retry anything else for days.
                Log.ForeignObject(logger, objectName);
                return new OkResult();
        }

        try
        {
            var pieces = await inbox.StoreAsync(body, cancellationToken).ConfigureAwait(false);
            Log.Accepted(logger, body.Length, pieces, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return new OkResult();
        }
        catch (StorageUnavailableException e)
        {
            // Meta retries a 503 for up to 7 days; a 200 here would lose the messages.
            Log.StorageUnavailable(logger, e);
            return Problems.Result(StatusCodes.Status503ServiceUnavailable, "Storage is unavailable; retry later.");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.WebhookAccepted, LogLevel.Information, "Webhook accepted: {Bytes} bytes in {Pieces} queue message(s) after {ElapsedMs} ms")]
        public static partial void Accepted(ILogger logger, int bytes, int pieces, double elapsedMs);

        [LoggerMessage(TelemetryEvents.WebhookSignatureRefused, LogLevel.Warning, "Webhook refused: signature {Outcome}")]
        public static partial void SignatureRefused(ILogger logger, SignatureCheck outcome);

        [LoggerMessage(TelemetryEvents.WebhookTooLarge, LogLevel.Warning, "Webhook refused: body over 3 MB (Content-Length {ContentLength})")]
        public static partial void TooLarge(ILogger logger, long? contentLength);

        [LoggerMessage(TelemetryEvents.WebhookNotJson, LogLevel.Warning, "Webhook refused: signed body of {Bytes} bytes is not JSON")]
        public static partial void NotJson(ILogger logger, int bytes);

        [LoggerMessage(TelemetryEvents.WebhookForeignObject, LogLevel.Information, "Webhook for object '{ObjectName}' acknowledged and not stored")]
        public static partial void ForeignObject(ILogger logger, string? objectName);

        [LoggerMessage(TelemetryEvents.WebhookStorageUnavailable, LogLevel.Error, "Webhook not stored: storage unavailable; answered 503 so Meta retries")]
        public static partial void StorageUnavailable(ILogger logger, Exception exception);

        [LoggerMessage(TelemetryEvents.HandshakeRefused, LogLevel.Warning, "Verification handshake refused (wrong mode or verify token)")]
        public static partial void HandshakeRefused(ILogger logger);
    }
}
