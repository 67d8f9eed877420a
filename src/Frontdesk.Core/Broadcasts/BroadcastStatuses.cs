using Frontdesk.Core.Telemetry;
using Frontdesk.Core.Webhooks.Events;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Core.Broadcasts;

/// <summary>
/// Counts a broadcast's delivered, read and failed from the status webhooks, by the <c>biz_opaque_callback_data</c>
/// each send carries. Called only for a status that moved its message forward (the status store ranks them), and
/// counted from the recipient's flags, so each is counted once per recipient whatever the order or repeats. A
/// <c>sent</c> status also settles a recipient whose outcome the sender never reported (a crash after the send), and
/// turns an Unknown (the answer was lost) into Sent.
/// </summary>
public sealed partial class BroadcastStatuses(IBroadcastStore store, TimeProvider time, ILogger<BroadcastStatuses> logger)
{
    public async Task HandleAsync(StatusUpdate status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (!BroadcastKeys.TryParseCallback(status.BizOpaqueCallbackData, out var broadcastId, out var waId))
        {
            return;
        }

        var recipient = await store.GetRecipientAsync(broadcastId, waId, cancellationToken).ConfigureAwait(false);
        if (recipient is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        var result = await store.TransitionAsync(broadcastId, [recipient], (_, r) => Apply(r, status), null, cancellationToken).ConfigureAwait(false);
        if (result is { Changed: > 0, Summary: var summary })
        {
            Log.Counted(logger, broadcastId, status.Status, waId);
            BroadcastLog.DoneIfFinished(logger, summary, now);
        }
    }

    private static BroadcastRecipient? Apply(BroadcastRecipient r, StatusUpdate status)
    {
        var next = status.Status switch
        {
            "sent" when !r.IsSettled || r.State == RecipientState.Unknown => r with { State = RecipientState.Sent },
            "delivered" => r with { State = Settled(r), Delivered = true },
            "read" or "played" => r with { State = Settled(r), Delivered = true, Read = true },
            "failed" when r.State != RecipientState.Failed => r with { State = RecipientState.Failed, Error = Error(status) },
            _ => r,
        };
        return next == r ? null : next;
    }

    /// <summary>Delivered or read means Meta accepted it: a recipient still waiting for its outcome, or whose send's answer was lost, is Sent.</summary>
    private static RecipientState Settled(BroadcastRecipient r) => r.IsSettled && r.State != RecipientState.Unknown ? r.State : RecipientState.Sent;

    private static string Error(StatusUpdate status) =>
        status.Errors.FirstOrDefault() is { } e ? $"failed ({e.Code} {e.Title})" : "failed (no error in the status)";

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.BroadcastStatusCounted, LogLevel.Information, "Broadcast {BroadcastId}: status {Status} of {WaId} counted")]
        public static partial void Counted(ILogger logger, string broadcastId, string status, string waId);
    }
}
