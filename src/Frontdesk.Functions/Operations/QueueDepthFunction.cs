using Azure.Storage.Queues;
using Frontdesk.Core.Telemetry;
using Frontdesk.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Functions.Operations;

/// <summary>
/// Every minute, logs each queue's approximate depth: storage metrics are per account, not per queue, and the
/// workbook and the poison-queue alert need the numbers per queue. At Debug, so a local console is not filled with
/// four lines a minute; <see cref="WorkbookTelemetry"/> lets this one category through to Application Insights at Debug.
/// </summary>
public sealed partial class QueueDepthFunction(QueueServiceClient queues, ILogger<QueueDepthFunction> logger)
{
    [Function("QueueDepth")]
    public async Task Run([TimerTrigger("0 * * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        foreach (var name in StorageNames.Queues.All)
        {
            var queue = queues.GetQueueClient(name);
            var depth = await queue.ExistsAsync(cancellationToken).ConfigureAwait(false)
                ? (await queue.GetPropertiesAsync(cancellationToken).ConfigureAwait(false)).Value.ApproximateMessagesCount
                : 0;
            Log.Depth(logger, name, depth);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.QueueDepth, LogLevel.Debug, "Queue {Queue} holds about {Depth} message(s)")]
        public static partial void Depth(ILogger logger, string queue, int depth);
    }
}
