using Frontdesk.Core.Conversations;
using Frontdesk.Core.Webhooks;
using Frontdesk.Core.WhatsApp.Sending;
using Frontdesk.Storage;
using Frontdesk.Storage.Inbox;
using Microsoft.Azure.Functions.Worker;

namespace Frontdesk.Functions.Inbox;

/// <summary>
/// Takes each stored webhook body off <c>webhook-inbox</c>: statuses are recorded, each customer message gets its
/// one reply decision. Exceptions escape on purpose: the host retries, then parks the body in <c>webhook-inbox-poison</c>.
/// </summary>
public sealed class InboxFunction(InboxReader reader, InboundMessageHandler handler, IStatusStore statuses)
{
    [Function("Inbox")]
    public async Task Run(
        [QueueTrigger(StorageNames.Queues.WebhookInbox, Connection = StorageNames.Connection)] BinaryData message,
        CancellationToken cancellationToken)
    {
        var body = await reader.ReadAsync(message, cancellationToken).ConfigureAwait(false);
        var batch = WebhookParser.Parse(body.Body);
        foreach (var status in batch.Statuses)
        {
            await statuses.ApplyAsync(status, cancellationToken).ConfigureAwait(false);
        }

        foreach (var inbound in batch.Messages)
        {
            await handler.HandleAsync(inbound, cancellationToken).ConfigureAwait(false);
        }

        await reader.CompleteAsync(body, cancellationToken).ConfigureAwait(false);
    }
}
