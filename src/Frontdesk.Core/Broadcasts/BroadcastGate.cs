using Frontdesk.Core.Outreach;
using Frontdesk.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Core.Broadcasts;

/// <summary>
/// The outreach sender asks before each send: a message of a paused broadcast goes back to Planned (resume queues it
/// again), one of a cancelled broadcast becomes Cancelled; neither is sent. Messages that are not a broadcast's pass.
/// </summary>
public sealed partial class BroadcastGate(IBroadcastStore store, ILogger<BroadcastGate> logger) : IOutreachGate
{
    public async Task<string?> ReasonNotToSendAsync(OutreachMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!BroadcastKeys.TryParseKey(message.IdempotencyKey, out var broadcastId, out var waId))
        {
            return null;
        }

        // A key naming no stored broadcast (a row deleted in the portal, a message queued by hand) has nothing to gate.
        var summary = await store.GetAsync(broadcastId, cancellationToken).ConfigureAwait(false);
        if (summary is not { State: BroadcastState.Paused or BroadcastState.Cancelled })
        {
            return null;
        }

        // Decided again inside the transaction, on the summary read there: a resume that lands in between lets it go.
        var held = summary.State;
        var recipient = await store.GetRecipientAsync(broadcastId, waId, cancellationToken).ConfigureAwait(false);
        if (recipient is not null)
        {
            await store.TransitionAsync(broadcastId, [recipient], (s, r) =>
            {
                held = s.State;
                return (s.State, r.State) switch
                {
                    (BroadcastState.Paused, RecipientState.Queued) => r with { State = RecipientState.Planned },
                    (BroadcastState.Cancelled, RecipientState.Queued or RecipientState.Planned or RecipientState.Deferred) => r with { State = RecipientState.Cancelled },
                    _ => null,
                };
            }, null, cancellationToken).ConfigureAwait(false);
        }

        if (held is not (BroadcastState.Paused or BroadcastState.Cancelled))
        {
            return null;
        }

        return Held(broadcastId, waId, held == BroadcastState.Paused
            ? $"broadcast {broadcastId} is paused; resume queues it again"
            : $"broadcast {broadcastId} was cancelled");
    }

    private string Held(string broadcastId, string waId, string reason)
    {
        Log.Held(logger, broadcastId, waId, reason);
        return reason;
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.BroadcastMessageHeld, LogLevel.Information, "Broadcast {BroadcastId} message to {WaId} not sent: {Reason}")]
        public static partial void Held(ILogger logger, string broadcastId, string waId, string reason);
    }
}
