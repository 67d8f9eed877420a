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

        var summary = await store.GetAsync(broadcastId, cancellationToken).ConfigureAwait(false);
        if (summary is null)
        {
            return Held(broadcastId, waId, $"broadcast {broadcastId} does not exist (deleted from the table)");
        }

        if (summary.State is not (BroadcastState.Paused or BroadcastState.Cancelled))
        {
            return null;
        }

        var recipient = await store.GetRecipientAsync(broadcastId, waId, cancellationToken).ConfigureAwait(false);
        if (recipient is not null)
        {
            await store.TransitionAsync(broadcastId, [recipient], (s, r) => (s.State, r.State) switch
            {
                (BroadcastState.Paused, RecipientState.Queued) => r with { State = RecipientState.Planned },
                (BroadcastState.Cancelled, RecipientState.Queued or RecipientState.Planned or RecipientState.Deferred) => r with { State = RecipientState.Cancelled },
                _ => null,
            }, null, cancellationToken).ConfigureAwait(false);
        }

        return Held(broadcastId, waId, summary.State == BroadcastState.Paused
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
