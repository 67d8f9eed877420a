using Frontdesk.Core.WhatsApp.Sending;
using Frontdesk.Storage;
using Frontdesk.Storage.Outbound;
using Microsoft.Azure.Functions.Worker;

namespace Frontdesk.Functions.Outbound;

/// <summary>
/// Sends each queued reply through <see cref="OutboundSender"/>, and hands the grace check of a maybe-sent reply
/// (<see cref="Core.WhatsApp.Messages.OutboundMessage.UnknownCheck"/>) to <see cref="UnknownSendReconciler"/>. Thin on purpose: retries of Meta's throttling and
/// transient failures are re-enqueued by the sender with a delay; anything unexpected (storage down, a payload that
/// is not an OutboundMessage) escapes so the host retries and finally moves the message to the poison queue.
/// </summary>
public sealed class OutboundSenderFunction(OutboundSender sender, UnknownSendReconciler reconciler)
{
    [Function("OutboundSender")]
    public async Task Run(
        [QueueTrigger(StorageNames.Queues.OutboundMessages, Connection = StorageNames.Connection)] string message,
        CancellationToken cancellationToken)
    {
        var outbound = OutboundQueue.Deserialize(message);
        await (outbound.UnknownCheck
            ? reconciler.ReconcileAsync(outbound, cancellationToken)
            : sender.SendAsync(outbound, cancellationToken)).ConfigureAwait(false);
    }
}
