using Frontdesk.Core.Webhooks.Events;

namespace Frontdesk.Core.WhatsApp.Sending;

/// <summary>Delivery statuses of the messages Frontdesk sent, per wamid (implemented in Frontdesk.Storage).</summary>
public interface IStatusStore
{
    /// <summary>
    /// Records a status if it moves the message forward (sent &lt; delivered &lt; read &lt; played; failed is terminal);
    /// an older or repeated status changes nothing. Safe under concurrent and out-of-order deliveries.
    /// </summary>
    Task<StatusApplyResult> ApplyAsync(StatusUpdate status, CancellationToken cancellationToken = default);
}
