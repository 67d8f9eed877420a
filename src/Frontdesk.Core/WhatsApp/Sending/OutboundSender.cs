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
        var claim = await ledger.TryBeginAsync(message, cancellationToken).ConfigureAwait(false);
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
                await ScheduleUnknownCheckAsync(message, cancellationToken).ConfigureAwait(false);
                return SendDisposition.MaybeSent;
        }

        return await SendClaimedAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The one send of a key this delivery has claimed in the ledger, and its outcome recorded there.</summary>
    public async Task<SendDisposition> SendClaimedAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var result = await CallAsync(message, cancellationToken).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case SendOutcome.Accepted:
                await ledger.MarkSentAsync(message, result.WamId, cancellationToken).ConfigureAwait(false);
                return SendDisposition.Sent;

            case SendOutcome.MaybeAccepted:
                await ledger.MarkUnknownAsync(message, result.Reason ?? "no answer", cancellationToken).ConfigureAwait(false);
                await ScheduleUnknownCheckAsync(message, cancellationToken).ConfigureAwait(false);
                return SendDisposition.MaybeSent;

            case SendOutcome.Permanent:
                await ledger.MarkFailedAsync(message, result.Error, result.Reason ?? "refused", cancellationToken).ConfigureAwait(false);
                return SendDisposition.Failed;
        }

        return await RetryLaterAsync(message, result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A send recorded maybe sent gets one grace check, <see cref="OutboundOptions.UnknownGraceSeconds"/> later, on the
    /// queue (a delayed message costs nothing while it waits and needs no table scan): a status from Meta naming its
    /// key settles it, else it is sent again, once (<see cref="UnknownSendReconciler"/>). A resend whose answer is lost
    /// again gets no second check.
    /// </summary>
    public async Task ScheduleUnknownCheckAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.UnknownCheck)
        {
            return;
        }

        var check = message with { UnknownCheck = true, Then = [], Attempt = 0, LastError = null };
        await queue.EnqueueAsync(check, TimeSpan.FromSeconds(options.Value.UnknownGraceSeconds), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One Graph call and its log line, without the ledger: for the inbox, which sends a reply chain straight away
    /// and keeps that chain's ledger in the decision row. Accepted, maybe accepted and refused are logged here, as
    /// for a queued send; a retryable failure is the caller's to hand to <see cref="RetryLaterAsync"/>.
    /// </summary>
    public async Task<GraphSendResult> CallAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        GraphSendResult result;
        try
        {
            result = await sender.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping mid-call: Meta may or may not have it, and the ledger row stays Sending, which the
            // redelivery reads as "maybe sent". Nothing better is knowable here.
            throw;
        }

        switch (result.Outcome)
        {
            // Without an access token the printer's own line ("printed, not sent") is the one log line: nothing is charted as sent.
            case SendOutcome.Accepted when !result.PrintedOnly:
                LogAccepted(message, result);
                break;
            case SendOutcome.MaybeAccepted:
                Log.MaybeSent(logger, message.IdempotencyKey, message.PhoneNumberId, message.To, result.Reason ?? "no answer");
                break;
            case SendOutcome.Permanent:
                Log.Failed(logger, result.Error?.Code, result.Error?.Title, message.PhoneNumberId, message.Kind, message.IdempotencyKey, result.Reason, result.FbTraceId);
                break;
        }

        return result;
    }

    /// <summary>
    /// After a retryable failure (throttled, transient): the message, with its chain, goes back on the queue with a
    /// growing delay, or after <see cref="OutboundOptions.MaxAttempts"/> to the poison queue (recorded Failed).
    /// The ledger row says Retryable meanwhile, so the queued delivery claims it.
    /// </summary>
    public async Task<SendDisposition> RetryLaterAsync(OutboundMessage message, GraphSendResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(result);
        var failures = message.Attempt + 1;
        var reason = $"attempt {failures}: {result.Reason}";
        if (failures >= options.Value.MaxAttempts)
        {
            var final = $"gave up after {failures} attempts; last: {result.Reason}";
            await ledger.MarkFailedAsync(message, result.Error, final, cancellationToken).ConfigureAwait(false);
            await queue.MoveToPoisonAsync(message with { Attempt = failures, LastError = reason }, final, cancellationToken).ConfigureAwait(false);
            Log.Failed(logger, result.Error?.Code, result.Error?.Title, message.PhoneNumberId, message.Kind, message.IdempotencyKey, final, result.FbTraceId);
            return SendDisposition.Poisoned;
        }

        var delay = GraphErrorClassifier.RetryDelay(result.Outcome, result.Error?.Code, failures, result.RetryAfter);
        var cap = TimeSpan.FromSeconds(options.Value.MaxRetryDelaySeconds);
        delay = delay < cap ? delay : cap;
        // Release before re-enqueueing: if the release fails the message is retried whole by the trigger; if the
        // enqueue fails after it, the trigger's retry finds the key Retryable and claims it again.
        await ledger.ReleaseForRetryAsync(message, reason, cancellationToken).ConfigureAwait(false);
        await queue.EnqueueAsync(message with { Attempt = failures, LastError = reason }, delay, cancellationToken).ConfigureAwait(false);
        Log.Retry(logger, message.IdempotencyKey, result.Outcome, result.Error?.Code, failures, delay, result.Reason);
        return SendDisposition.RetryScheduled;
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

        [LoggerMessage(TelemetryEvents.SendMaybeSent, LogLevel.Warning, "Reply with key {IdempotencyKey} for {PhoneNumberId} to {To} may have been sent; recorded Unknown, and sent again once only if Meta sends no status for it within the grace period: {Reason}")]
        public static partial void MaybeSent(ILogger logger, string idempotencyKey, string phoneNumberId, string to, string reason);

        [LoggerMessage(TelemetryEvents.SendDuplicate, LogLevel.Information, "Reply with key {IdempotencyKey} skipped: the ledger says {LedgerClaim}")]
        public static partial void Duplicate(ILogger logger, string idempotencyKey, LedgerClaim ledgerClaim);
    }
}
