using Frontdesk.Core.Outreach;
using Frontdesk.Storage;
using Frontdesk.Storage.Outbound;
using Microsoft.Azure.Functions.Worker;

namespace Frontdesk.Functions.Outreach;

/// <summary>
/// Sends each queued business-initiated message (restock alert, broadcast recipient) through
/// <see cref="OutreachSender"/>: window-aware, paced, exactly once. Its own queue and function, so replies on
/// <c>outbound-messages</c> never wait behind a fan-out. Anything unexpected (storage down, a payload that is not an
/// OutreachMessage) escapes so the host retries and finally moves the message to the poison queue.
/// </summary>
public sealed class OutreachSenderFunction(OutreachSender sender)
{
    [Function("OutreachSender")]
    public async Task Run(
        [QueueTrigger(StorageNames.Queues.OutreachMessages, Connection = StorageNames.Connection)] string message,
        CancellationToken cancellationToken) =>
        await sender.SendAsync(OutreachQueue.Deserialize(message), cancellationToken).ConfigureAwait(false);
}
