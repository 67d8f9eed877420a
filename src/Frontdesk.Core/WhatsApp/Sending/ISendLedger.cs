using Frontdesk.Core.Webhooks.Events;
using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Core.WhatsApp.Sending;

/// <summary>
/// One row per <see cref="OutboundMessage.IdempotencyKey"/>, written before the Graph call, so a redelivered queue
/// message never sends the same reply twice (implemented in Frontdesk.Storage).
/// </summary>
public interface ISendLedger
{
    /// <summary>Claims the key for this delivery (new row, or a Retryable one), or says why not.</summary>
    Task<LedgerClaim> TryBeginAsync(OutboundMessage message, CancellationToken cancellationToken = default);

    Task MarkSentAsync(OutboundMessage message, string? wamId, CancellationToken cancellationToken = default);

    Task MarkFailedAsync(OutboundMessage message, WhatsAppError? error, string reason, CancellationToken cancellationToken = default);

    /// <summary>The call's answer was lost: Meta may have the message; never sent again automatically.</summary>
    Task MarkUnknownAsync(OutboundMessage message, string reason, CancellationToken cancellationToken = default);

    /// <summary>The call failed before Meta accepted it: the next delivery of the key may claim it again.</summary>
    Task ReleaseForRetryAsync(OutboundMessage message, string reason, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims a maybe-sent key for its one resend after the grace period: a new row (the key was maybe sent from
    /// the inbox, whose ledger is the decision row), or an Unknown row moved to Sending; otherwise says why not.
    /// Exactly one of concurrent callers gets <see cref="LedgerClaim.Claimed"/>. Ledgers that cannot resend keep
    /// the key as it is (the default).
    /// </summary>
    Task<LedgerClaim> TryResendUnknownAsync(OutboundMessage message, CancellationToken cancellationToken = default) =>
        TryBeginAsync(message, cancellationToken);

    /// <summary>Meta's status webhook named this key: Meta accepted it (<paramref name="status"/> sent, delivered, read or failed).</summary>
    Task MarkSettledByStatusAsync(OutboundMessage message, string status, string? wamId, CancellationToken cancellationToken = default) =>
        status == "failed"
            ? MarkFailedAsync(message, null, $"Meta's status webhook said failed for wamid {wamId}", cancellationToken)
            : MarkSentAsync(message, wamId, cancellationToken);
}
