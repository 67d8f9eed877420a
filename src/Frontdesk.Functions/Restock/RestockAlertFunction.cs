using Frontdesk.Core.Restock.Fanout;
using Frontdesk.Storage;
using Frontdesk.Storage.Restock;
using Microsoft.Azure.Functions.Worker;

namespace Frontdesk.Functions.Restock;

/// <summary>
/// Expands each <c>restock-alerts</c> message (a product back in stock) to one page of its subscribers through
/// <see cref="RestockFanout"/>, which queues the next page itself. Anything unexpected escapes so the host retries
/// and finally moves the message to <c>restock-alerts-poison</c>; a repeated page sends nobody a second alert.
/// </summary>
public sealed class RestockAlertFunction(RestockFanout fanout)
{
    [Function("RestockAlerts")]
    public async Task Run(
        [QueueTrigger(StorageNames.Queues.RestockAlerts, Connection = StorageNames.Connection)] string message,
        CancellationToken cancellationToken) =>
        await fanout.FanOutAsync(RestockAlertQueue.Deserialize(message), cancellationToken).ConfigureAwait(false);
}
