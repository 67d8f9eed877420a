using Frontdesk.Core.Restock;
using Microsoft.Azure.Functions.Worker;

namespace Frontdesk.Functions.Restock;

/// <summary>
/// Every minute, looks up each product someone waits for and queues those back in stock: an operator setting
/// <c>Availability</c> to <c>in stock</c> in the portal (which no import sees) is noticed within a minute.
/// </summary>
public sealed class RestockWatchFunction(RestockDetector detector)
{
    [Function("RestockWatch")]
    public async Task Run([TimerTrigger("30 * * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        await detector.WatchAsync(cancellationToken).ConfigureAwait(false);
}
