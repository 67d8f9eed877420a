using Frontdesk.Core.WhatsApp.Graph;
using Frontdesk.Core.WhatsApp.Messages;
using Microsoft.Extensions.Options;

namespace Frontdesk.Core.WhatsApp.Sending;

/// <summary>
/// The exactly-once part every send shares, replies (<see cref="OutboundSender"/>) and business-initiated messages
/// alike: claim the idempotency key in the ledger, make one Graph call, and write what it means in the ledger
/// (Sent, Unknown, Failed, or Retryable with the delay to wait). What goes back on which queue, and what is logged,
/// stays with the caller.
/// </summary>
public sealed class LedgerSend(IWhatsAppSender sender, ISendLedger ledger, IOptions<OutboundOptions> options)
{
    /// <summary>Claims the key for this delivery, or says who has it.</summary>
    public Task<LedgerClaim> ClaimAsync(OutboundMessage message, CancellationToken cancellationToken = default) =>
        ledger.TryBeginAsync(message, cancellationToken);

    /// <summary>One send attempt of a claimed key; nothing is written.</summary>
    public Task<GraphSendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default) =>
        sender.SendAsync(message, cancellationToken);

    /// <summary>Records a claimed key as settled without a send (skipped, no template…): a redelivery finds it Failed and sends nothing.</summary>
    public Task SettleUnsentAsync(OutboundMessage message, string reason, CancellationToken cancellationToken = default) =>
        ledger.MarkFailedAsync(message, error: null, reason, cancellationToken);

    /// <summary>
    /// Writes the attempt's outcome in the ledger. Retryable failures are released for the next delivery with the
    /// delay to wait (back-off, Retry-After as a floor, capped by <see cref="OutboundOptions.MaxRetryDelaySeconds"/>),
    /// until <see cref="OutboundOptions.MaxAttempts"/>, then recorded Failed for the caller to park as poison.
    /// </summary>
    public async Task<Settlement> SettleAsync(OutboundMessage message, GraphSendResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(result);
        switch (result.Outcome)
        {
            case SendOutcome.Accepted:
                await ledger.MarkSentAsync(message, result.WamId, cancellationToken).ConfigureAwait(false);
                return new Settlement(SendDisposition.Sent, result, result.Reason);

            case SendOutcome.MaybeAccepted:
                var unknown = result.Reason ?? "no answer";
                await ledger.MarkUnknownAsync(message, unknown, cancellationToken).ConfigureAwait(false);
                return new Settlement(SendDisposition.MaybeSent, result, unknown);

            case SendOutcome.Permanent:
                await ledger.MarkFailedAsync(message, result.Error, result.Reason ?? "refused", cancellationToken).ConfigureAwait(false);
                return new Settlement(SendDisposition.Failed, result, result.Reason);
        }

        var failures = message.Attempt + 1;
        var reason = $"attempt {failures}: {result.Reason}";
        if (failures >= options.Value.MaxAttempts)
        {
            var final = $"gave up after {failures} attempts; last: {result.Reason}";
            await ledger.MarkFailedAsync(message, result.Error, final, cancellationToken).ConfigureAwait(false);
            return new Settlement(SendDisposition.Poisoned, result, final) { Failures = failures, LastError = reason };
        }

        // Jitter spreads the retries of a throttled burst so they do not hit Meta's limit together again.
        var delay = GraphErrorClassifier.RetryDelay(result.Outcome, result.Error?.Code, failures, result.RetryAfter, Random.Shared.NextDouble());
        var cap = TimeSpan.FromSeconds(options.Value.MaxRetryDelaySeconds);
        delay = delay < cap ? delay : cap;
        // Released before the caller re-enqueues: if the release fails the message is retried whole by the trigger;
        // if the enqueue fails after it, the trigger's retry finds the key Retryable and claims it again.
        await ledger.ReleaseForRetryAsync(message, reason, cancellationToken).ConfigureAwait(false);
        return new Settlement(SendDisposition.RetryScheduled, result, result.Reason) { Failures = failures, LastError = reason, RetryDelay = delay };
    }
}

/// <summary>What <see cref="LedgerSend.SettleAsync"/> recorded for one attempt, and what the caller does next.</summary>
public sealed record Settlement(SendDisposition Disposition, GraphSendResult Result, string? Reason)
{
    /// <summary>Failed attempts so far, this one included (retries and poison only).</summary>
    public int Failures { get; init; }

    /// <summary>"attempt n: why", kept on the re-queued or parked message.</summary>
    public string? LastError { get; init; }

    /// <summary>How long the re-queued message waits (retries only).</summary>
    public TimeSpan RetryDelay { get; init; }
}
