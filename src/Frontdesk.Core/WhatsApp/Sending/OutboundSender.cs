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
    TimeProvider time,
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
                await ScheduleUnknownCheckAsync(message, cancellationToken).ConfigureAwait(false);
                return SendDisposition.MaybeSent;
        }

        // Claimed: this delivery owns the one send of this key.
        if (IsTooLate(message) && Age(message) is { } age)
        {
            var why = $"not sent: the customer wrote {age.TotalMinutes:0} min ago, over Outbound__MaxReplyAgeMinutes ({options.Value.MaxReplyAgeMinutes})";
            await ledger.MarkFailedAsync(message, null, why, cancellationToken).ConfigureAwait(false);
            Log.Expired(logger, message.IdempotencyKey, message.PhoneNumberId, message.To, (int)age.TotalMinutes, options.Value.MaxReplyAgeMinutes);
            return SendDisposition.Expired;
        }

        return await SendClaimedAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The one send of a key this delivery has claimed in the ledger, and its outcome recorded there.</summary>
    public async Task<SendDisposition> SendClaimedAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var result = await CallAsync(message, cancellationToken).ConfigureAwait(false);
        if (result.Outcome is SendOutcome.Throttled or SendOutcome.Transient)
        {
            return await RetryLaterAsync(message, result, cancellationToken).ConfigureAwait(false);
        }

        var settled = await _send.SettleAsync(message, result, cancellationToken).ConfigureAwait(false);
        if (settled.Disposition == SendDisposition.MaybeSent)
        {
            await ScheduleUnknownCheckAsync(message, cancellationToken).ConfigureAwait(false);
        }

        return settled.Disposition;
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
        if (message.AsUnknownCheck() is { } check)
        {
            await queue.EnqueueAsync(check, options.Value.UnknownGrace, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One Graph call and its log line, without the ledger: for the inbox, which sends a reply chain straight away
    /// and keeps that chain's ledger in the decision row. Accepted, maybe accepted and refused are logged here, as
    /// for a queued send; a retryable failure is the caller's to hand to <see cref="RetryLaterAsync"/>.
    /// A cancellation mid-call (the host stopping) escapes: Meta may or may not have it, and a ledger row stays
    /// Sending, which the redelivery reads as "maybe sent".
    /// </summary>
    public async Task<GraphSendResult> CallAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var result = await _send.SendAsync(message, cancellationToken).ConfigureAwait(false);
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
        var settled = await _send.SettleAsync(message, result, cancellationToken).ConfigureAwait(false);
        switch (settled.Disposition)
        {
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

    /// <summary>
    /// A reply whose customer wrote more than <see cref="OutboundOptions.MaxReplyAgeMinutes"/> ago: out of context,
    /// dropped with one warning when its delivery claims it. False for a message that answers nothing.
    /// </summary>
    public bool IsTooLate(OutboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Age(message) is { } age && age > TimeSpan.FromMinutes(options.Value.MaxReplyAgeMinutes);
    }

    /// <summary>How long ago the customer wrote, for a reply; null for a message that answers nothing.</summary>
    private TimeSpan? Age(OutboundMessage message) => message.InboundAt is { } at ? time.GetUtcNow() - at : null;

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

        [LoggerMessage(TelemetryEvents.ReplyExpired, LogLevel.Warning, "Reply with key {IdempotencyKey} from {PhoneNumberId} to {To} not sent: the customer wrote {AgeMinutes} min ago, over Outbound__MaxReplyAgeMinutes ({MaxReplyAgeMinutes}); a reply this late is out of context")]
        public static partial void Expired(ILogger logger, string idempotencyKey, string phoneNumberId, string to, int ageMinutes, int maxReplyAgeMinutes);

        [LoggerMessage(TelemetryEvents.SendDuplicate, LogLevel.Information, "Reply with key {IdempotencyKey} skipped: the ledger says {LedgerClaim}")]
        public static partial void Duplicate(ILogger logger, string idempotencyKey, LedgerClaim ledgerClaim);
    }
}
