using Frontdesk.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Core.Broadcasts;

/// <summary>The one line a broadcast logs when it finishes, from whichever change settled its last recipient.</summary>
internal static partial class BroadcastLog
{
    public static void DoneIfFinished(ILogger logger, BroadcastSummary summary, DateTimeOffset now)
    {
        if (summary.State == BroadcastState.Done && summary.FinishedAt == now)
        {
            Done(logger, summary.Id, summary.Sent, summary.Failed, summary.Skipped);
        }
    }

    [LoggerMessage(TelemetryEvents.BroadcastDone, LogLevel.Information, "Broadcast {BroadcastId} done: {Sent} sent, {Failed} failed, {Skipped} skipped")]
    private static partial void Done(ILogger logger, string broadcastId, int sent, int failed, int skipped);
}
