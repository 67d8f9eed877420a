using Frontdesk.Core.Telemetry;
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
public sealed partial class UnknownSendReconciler(
    ISendStatusIndex statuses,
    ISendLedger ledger,
    OutboundSender sender,
    ILogger<UnknownSendReconciler> logger)
{
    public async Task<SendDisposition> ReconcileAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (await statuses.FindByKeyAsync(message.PhoneNumberId, message.IdempotencyKey, cancellationToken).ConfigureAwait(false) is { } status)
        {
            await ledger.MarkSettledByStatusAsync(message, status.Status, status.WamId, cancellationToken).ConfigureAwait(false);
            Log.Settled(logger, message.IdempotencyKey, message.PhoneNumberId, status.Status, status.WamId);
            return SendDisposition.SkippedDuplicate;
        }

        var claim = await ledger.TryResendUnknownAsync(message, cancellationToken).ConfigureAwait(false);
        if (claim != LedgerClaim.Claimed)
        {
            Log.NotResent(logger, message.IdempotencyKey, message.PhoneNumberId, claim);
            return SendDisposition.SkippedDuplicate;
        }

        Log.Resending(logger, message.IdempotencyKey, message.PhoneNumberId, message.To);
        return await sender.SendClaimedAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private static partial class Log
    {
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
