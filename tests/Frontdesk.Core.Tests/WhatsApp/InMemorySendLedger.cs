using System.Collections.Concurrent;
using Frontdesk.Core.Webhooks.Events;
using Frontdesk.Core.WhatsApp.Messages;
using Frontdesk.Core.WhatsApp.Sending;

namespace Frontdesk.Core.Tests.WhatsApp;

/// <summary>The ledger's contract in memory (the Azurite tests cover the real one).</summary>
internal sealed class InMemorySendLedger : ISendLedger
{
    public ConcurrentDictionary<string, string> States { get; } = new();

    public Task<LedgerClaim> TryBeginAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        lock (States)
        {
            if (!States.TryGetValue(message.IdempotencyKey, out var state) || state == "Retryable")
            {
                States[message.IdempotencyKey] = "Sending";
                return Task.FromResult(LedgerClaim.Claimed);
            }

            if (state == "Sending")
            {
                States[message.IdempotencyKey] = "Unknown";
            }

            return Task.FromResult(state switch
            {
                "Sent" => LedgerClaim.AlreadySent,
                "Failed" => LedgerClaim.AlreadyFailed,
                "Unknown" => LedgerClaim.AlreadyUnknown,
                _ => LedgerClaim.FoundSending,
            });
        }
    }

    public Task<LedgerClaim> TryResendUnknownAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        lock (States)
        {
            if (!States.TryGetValue(message.IdempotencyKey, out var state) || state is "Unknown" or "Retryable")
            {
                States[message.IdempotencyKey] = "Sending";
                return Task.FromResult(LedgerClaim.Claimed);
            }

            return Task.FromResult(state switch
            {
                "Sent" => LedgerClaim.AlreadySent,
                "Failed" => LedgerClaim.AlreadyFailed,
                _ => LedgerClaim.FoundSending,
            });
        }
    }

    public Task MarkSentAsync(OutboundMessage message, string? wamId, CancellationToken cancellationToken = default) => Set(message, "Sent");

    public Task MarkFailedAsync(OutboundMessage message, WhatsAppError? error, string reason, CancellationToken cancellationToken = default) => Set(message, "Failed");

    public Task MarkUnknownAsync(OutboundMessage message, string reason, CancellationToken cancellationToken = default) => Set(message, "Unknown");

    public Task ReleaseForRetryAsync(OutboundMessage message, string reason, CancellationToken cancellationToken = default) => Set(message, "Retryable");

    private Task Set(OutboundMessage message, string state)
    {
        States[message.IdempotencyKey] = state;
        return Task.CompletedTask;
    }
}
