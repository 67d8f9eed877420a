using Frontdesk.Core.Telemetry;
using Frontdesk.Core.Webhooks;
using Frontdesk.Core.WhatsApp.Messages;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Core.WhatsApp.Sending;

/// <summary>
/// The grace check of a send recorded maybe sent (<see cref="OutboundMessage.UnknownCheck"/>): Meta emits a
/// <c>sent</c> status within seconds for every message it accepted, carrying the key in
/// <c>biz_opaque_callback_data</c>. A status for the key settles the ledger entry (Sent, or Failed for a
/// <c>failed</c> status) and nothing is sent; no status after the grace period means Meta almost surely never had
/// it, and it is sent again, once, under the same key (so a late status for either attempt still names it).
/// </summary>
/// <remarks>
/// Statuses reach the ledger through the inbox, so while the inbox is behind, a status may be waiting there: the check
/// then waits as long again (up to <see cref="MaxPostponements"/> times) instead of resending a reply Meta has.
/// </remarks>
public sealed partial class UnknownSendReconciler(
    ISendStatusIndex statuses,
    ISendLedger ledger,
    OutboundSender sender,
    IInboxBacklog inbox,
    IOutboundQueue queue,
    ILogger<UnknownSendReconciler> logger)
{
    /// <summary>How often a check waits for the inbox before it resends anyway.</summary>
    public const int MaxPostponements = 30;

    /// <summary>An inbox whose oldest body waited longer than this may hold the status the check is looking for.</summary>
    public static readonly TimeSpan InboxBehind = TimeSpan.FromSeconds(2);

    public async Task<SendDisposition> ReconcileAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (await statuses.FindByKeyAsync(message.PhoneNumberId, message.IdempotencyKey, cancellationToken).ConfigureAwait(false) is { } status)
        {
            await ledger.MarkSettledByStatusAsync(message, status.Status, status.WamId, cancellationToken).ConfigureAwait(false);
            Log.Settled(logger, message.IdempotencyKey, message.PhoneNumberId, status.Status, status.WamId);
            return SendDisposition.SkippedDuplicate;
        }

        var behind = await inbox.OldestWaitingAsync(cancellationToken).ConfigureAwait(false);
        if (behind > InboxBehind && message.Attempt < MaxPostponements)
        {
            Log.Postponed(logger, message.IdempotencyKey, message.PhoneNumberId, behind);
            await queue.EnqueueAsync(message with { Attempt = message.Attempt + 1 }, behind, cancellationToken).ConfigureAwait(false);
            return SendDisposition.RetryScheduled;
        }

        var claim = await ledger.TryResendUnknownAsync(message with { Attempt = 0 }, cancellationToken).ConfigureAwait(false);
        if (claim != LedgerClaim.Claimed)
        {
            Log.NotResent(logger, message.IdempotencyKey, message.PhoneNumberId, claim);
            return SendDisposition.SkippedDuplicate;
        }

        Log.Resending(logger, message.IdempotencyKey, message.PhoneNumberId, message.To);
        return await sender.SendClaimedAsync(message with { Attempt = 0 }, cancellationToken).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.UnknownCheckPostponed, LogLevel.Information,
            "Maybe-sent reply with key {IdempotencyKey} for {PhoneNumberId}: no status yet, but the inbox is {Behind} behind and may hold it; checking again then")]
        public static partial void Postponed(ILogger logger, string idempotencyKey, string phoneNumberId, TimeSpan behind);

        [LoggerMessage(TelemetryEvents.UnknownSettledByStatus, LogLevel.Information,
            "Maybe-sent reply with key {IdempotencyKey} for {PhoneNumberId} settled by Meta's {Status} status (wamid {WamId}): not sent again")]
        public static partial void Settled(ILogger logger, string idempotencyKey, string phoneNumberId, string status, string wamId);

        [LoggerMessage(TelemetryEvents.UnknownResent, LogLevel.Warning,
            "Maybe-sent reply with key {IdempotencyKey} for {PhoneNumberId} to {To} got no status from Meta within the grace period: sending it again, once")]
        public static partial void Resending(ILogger logger, string idempotencyKey, string phoneNumberId, string to);

        [LoggerMessage(TelemetryEvents.UnknownNotResent, LogLevel.Information,
            "Maybe-sent reply with key {IdempotencyKey} for {PhoneNumberId} not sent again: the ledger says {LedgerClaim}")]
        public static partial void NotResent(ILogger logger, string idempotencyKey, string phoneNumberId, LedgerClaim ledgerClaim);
    }
}
