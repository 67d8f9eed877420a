using Frontdesk.Core.Conversations;
using Frontdesk.Core.Telemetry;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Functions.Operations;

/// <summary>
/// Once a day, forgets inbound messages older than Meta's redelivery window (7 days) plus a day of margin, so the
/// ledger stays small but a late redelivery still finds its row.
/// </summary>
public sealed partial class PurgeHandledMessagesFunction(IHandledMessages ledger, TimeProvider time, ILogger<PurgeHandledMessagesFunction> logger)
{
    public static readonly TimeSpan Keep = TimeSpan.FromDays(8);

    [Function("PurgeHandledMessages")]
    public async Task Run([TimerTrigger("0 17 3 * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var deleted = await ledger.PurgeAsync(time.GetUtcNow() - Keep, cancellationToken).ConfigureAwait(false);
        Log.Purged(logger, deleted);
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.HandledMessagesPurged, LogLevel.Information, "Purged {Count} handled-message rows older than 8 days")]
        public static partial void Purged(ILogger logger, int count);
    }
}
