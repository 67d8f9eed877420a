using Frontdesk.Core.WhatsApp.Sending;
using Frontdesk.Storage;
using Frontdesk.Storage.Outbound;
using Microsoft.Azure.Functions.Worker;

namespace Frontdesk.Functions.Outbound;

/// <summary>
/// Sends each queued reply through <see cref="OutboundSender"/>. Thin on purpose: retries of Meta's throttling and
/// transient failures are re-enqueued by the sender with a delay; anything unexpected (storage down, a payload that
/// is not an OutboundMessage) escapes so the host retries and finally moves the message to the poison queue.
/// </summary>
public sealed class OutboundSenderFunction(OutboundSender sender)
{
    [Function("OutboundSender")]
    public async Task Run(
        [QueueTrigger(StorageNames.Queues.OutboundMessages, Connection = StorageNames.Connection)] string message,
        CancellationToken cancellationToken) =>
        await sender.SendAsync(OutboundQueue.Deserialize(message), cancellationToken).ConfigureAwait(false);
}
