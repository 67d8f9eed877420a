using Frontdesk.Core.Telemetry;
using Frontdesk.Core.Webhooks.Events;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Core.Broadcasts;

/// <summary>
/// A quality or tier drop (<c>phone_number_quality_update</c>, FLAGGED or DOWNGRADE) pauses every running marketing
/// broadcast, with a warning on its row: sending more marketing to a flagged number lowers its rating further. The
/// webhook names the display number, not the phone_number_id, so every running marketing broadcast of the business is
/// paused; an operator resumes the ones that should go on.
/// </summary>
public sealed partial class QualityGuard(IBroadcastStore store, BroadcastControl control, ILogger<QualityGuard> logger)
{
    public async Task HandleAsync(QualityUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (!update.IsDrop)
        {
            Log.Received(logger, update.Event, update.DisplayPhoneNumber ?? "?", update.CurrentLimit ?? "?", "not a drop: nothing paused");
            return;
        }

        var paused = 0;
        foreach (var broadcast in (await store.RunningAsync(cancellationToken).ConfigureAwait(false)).Where(b => b.Marketing))
        {
            var why = $"paused: Meta reported {update.Event} for {update.DisplayPhoneNumber} (limit {update.CurrentLimit ?? "unknown"}); check the number's quality before resuming";
            if ((await control.PauseAsync(broadcast.Id, why, cancellationToken).ConfigureAwait(false)).Changed)
            {
                paused++;
                Log.Paused(logger, broadcast.Id, broadcast.PhoneNumberId, update.Event, update.DisplayPhoneNumber ?? "?");
            }
        }

        Log.Received(logger, update.Event, update.DisplayPhoneNumber ?? "?", update.CurrentLimit ?? "?", $"{paused} running marketing broadcasts paused");
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.BroadcastPausedByQuality, LogLevel.Warning,
            "Broadcast {BroadcastId} from {PhoneNumberId} paused: Meta reported {QualityEvent} for {DisplayPhoneNumber}; resume it when the number's quality allows")]
        public static partial void Paused(ILogger logger, string broadcastId, string phoneNumberId, string qualityEvent, string displayPhoneNumber);

        [LoggerMessage(TelemetryEvents.QualityUpdateReceived, LogLevel.Information, "Quality update {QualityEvent} for {DisplayPhoneNumber} (limit {CurrentLimit}): {Outcome}")]
        public static partial void Received(ILogger logger, string qualityEvent, string displayPhoneNumber, string currentLimit, string outcome);
    }
}
