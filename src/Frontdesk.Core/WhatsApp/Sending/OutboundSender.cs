using Frontdesk.Core.Telemetry;
using Frontdesk.Core.WhatsApp.Graph;
using Frontdesk.Core.WhatsApp.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Frontdesk.Core.WhatsApp.Sending;

/// <summary>
/// Sends one queued reply at most once: claims its idempotency key in the ledger, makes one Graph call, and records
/// the outcome. Retryable failures go back on the queue with a growing delay (a delayed message costs nothing while it
/// waits and does not burn the trigger's dequeue count); after <see cref="OutboundOptions.MaxAttempts"/> the message is
/// parked in the poison queue. Storage failures escape, so the queue trigger retries the whole message.
/// </summary>
public sealed partial class OutboundSender(
    IWhatsAppSender sender,
    ISendLedger ledger,
    IOutboundQueue queue,
    IOptions<OutboundOptions> options,
    ILogger<OutboundSender> logger)
{
    private readonly LedgerSend _send = new(sender, ledger, options);

    public async Task<SendDisposition> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var disposition = await SendOneAsync(message, cancellationToken).ConfigureAwait(false);

        // This reply is settled (a retry carries the chain with it): the next one in order may go.
        if (disposition != SendDisposition.RetryScheduled && OutboundMessage.Chain(message.Then) is { } next)
        {
            await queue.EnqueueAsync(next, delay: null, cancellationToken).ConfigureAwait(false);
        }

        return disposition;
    }

    private async Task<SendDisposition> SendOneAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var claim = await _send.ClaimAsync(message, cancellationToken).ConfigureAwait(false);
        switch (claim)
        {
            case LedgerClaim.AlreadySent or LedgerClaim.AlreadyFailed:
                Log.Duplicate(logger, message.IdempotencyKey, claim);
                return SendDisposition.SkippedDuplicate;
            case LedgerClaim.AlreadyUnknown:
                Log.Duplicate(logger, message.IdempotencyKey, claim);
                return SendDisposition.MaybeSent;
            case LedgerClaim.FoundSending:
                Log.MaybeSent(logger, message.IdempotencyKey, message.PhoneNumberId, message.To, "an earlier delivery was still Sending (it died mid-send or is sending now)");
                return SendDisposition.MaybeSent;
        }

        // Claimed: this delivery owns the one send of this key. A cancellation mid-call (the host stopping) escapes:
        // Meta may or may not have it, and the row stays Sending, which the redelivery reads as "maybe sent".
        var result = await _send.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var settled = await _send.SettleAsync(message, result, cancellationToken).ConfigureAwait(false);
        switch (settled.Disposition)
        {
            case SendDisposition.Sent:
                // Without an access token the printer's own line ("printed, not sent") is the one log line: nothing is charted as sent.
                if (!result.PrintedOnly)
                {
                    LogAccepted(message, result);
                }

                break;
            case SendDisposition.MaybeSent:
                Log.MaybeSent(logger, message.IdempotencyKey, message.PhoneNumberId, message.To, settled.Reason ?? "no answer");
                break;
            case SendDisposition.Failed:
                Log.Failed(logger, result.Error?.Code, result.Error?.Title, message.PhoneNumberId, message.Kind, message.IdempotencyKey, result.Reason, result.FbTraceId);
                break;
            case SendDisposition.Poisoned:
                await queue.MoveToPoisonAsync(message with { Attempt = settled.Failures, LastError = settled.LastError }, settled.Reason ?? "gave up", cancellationToken).ConfigureAwait(false);
                Log.Failed(logger, result.Error?.Code, result.Error?.Title, message.PhoneNumberId, message.Kind, message.IdempotencyKey, settled.Reason, result.FbTraceId);
                break;
            case SendDisposition.RetryScheduled:
                await queue.EnqueueAsync(message with { Attempt = settled.Failures, LastError = settled.LastError }, settled.RetryDelay, cancellationToken).ConfigureAwait(false);
                Log.Retry(logger, message.IdempotencyKey, result.Outcome, result.Error?.Code, settled.Failures, settled.RetryDelay, result.Reason);
                break;
        }

        return settled.Disposition;
    }

    private void LogAccepted(OutboundMessage message, GraphSendResult result)
    {
        if (message.Body is MarkReadBody read)
        {
            Log.ReadReceiptSent(logger, read.MessageId, message.PhoneNumberId);
        }
        else
        {
            Log.Sent(logger, message.PhoneNumberId, message.Kind, message.RuleName ?? "none", message.IdempotencyKey, result.WamId, message.Attempt + 1);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.ReplySent, LogLevel.Information, "{ReplyKind} reply (rule {RuleName}) sent from {PhoneNumberId}: key {IdempotencyKey}, wamid {WamId}, attempt {Attempt}")]
        public static partial void Sent(ILogger logger, string phoneNumberId, ReplyKind replyKind, string ruleName, string idempotencyKey, string? wamId, int attempt);

        [LoggerMessage(TelemetryEvents.ReadReceiptSent, LogLevel.Information, "Read receipt sent for {MessageId} from {PhoneNumberId}")]
        public static partial void ReadReceiptSent(ILogger logger, string messageId, string phoneNumberId);

        [LoggerMessage(TelemetryEvents.SendFailed, LogLevel.Error, "Send failed for good: Meta code {MetaErrorCode} {MetaErrorTitle}, {PhoneNumberId} {ReplyKind}, key {IdempotencyKey}: {Reason} (fbtrace_id {FbTraceId})")]
        public static partial void Failed(ILogger logger, int? metaErrorCode, string? metaErrorTitle, string phoneNumberId, ReplyKind replyKind, string idempotencyKey, string? reason, string? fbTraceId);

        [LoggerMessage(TelemetryEvents.SendRetryScheduled, LogLevel.Warning, "Send retry scheduled for key {IdempotencyKey}: {Outcome}, Meta code {MetaErrorCode}, attempt {Attempt} failed, next in {Delay}: {Reason}")]
        public static partial void Retry(ILogger logger, string idempotencyKey, SendOutcome outcome, int? metaErrorCode, int attempt, TimeSpan delay, string? reason);

        [LoggerMessage(TelemetryEvents.SendMaybeSent, LogLevel.Warning, "Reply with key {IdempotencyKey} for {PhoneNumberId} to {To} may have been sent; recorded Unknown and not resent: {Reason}")]
        public static partial void MaybeSent(ILogger logger, string idempotencyKey, string phoneNumberId, string to, string reason);

        [LoggerMessage(TelemetryEvents.SendDuplicate, LogLevel.Information, "Reply with key {IdempotencyKey} skipped: the ledger says {LedgerClaim}")]
        public static partial void Duplicate(ILogger logger, string idempotencyKey, LedgerClaim ledgerClaim);
    }
}
