using Frontdesk.Core.Broadcasts;
using Frontdesk.Storage;
using Frontdesk.Storage.Broadcasts;
using Microsoft.Azure.Functions.Worker;

namespace Frontdesk.Functions.Broadcasts;

/// <summary>
/// Runs one page of a broadcast's fan-out per <c>broadcast-fanout</c> message. Exceptions escape on purpose: the host
/// retries (the run is idempotent), then parks the message in <c>broadcast-fanout-poison</c>.
/// </summary>
public sealed class BroadcastFanoutFunction(BroadcastFanout fanout)
{
    [Function("BroadcastFanout")]
    public async Task Run(
        [QueueTrigger(StorageNames.Queues.BroadcastFanout, Connection = StorageNames.Connection)] string message,
        CancellationToken cancellationToken) =>
        await fanout.RunAsync(BroadcastFanoutQueue.Deserialize(message), cancellationToken).ConfigureAwait(false);
}
