using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Core.WhatsApp.Sending;

/// <summary>The <c>outbound-messages</c> queue, as producers see it (implemented in Frontdesk.Storage).</summary>
public interface IOutboundQueue
{
    /// <summary>Queues a message for the sender; <paramref name="delay"/> keeps it invisible that long first.</summary>
    Task EnqueueAsync(OutboundMessage message, TimeSpan? delay = null, CancellationToken cancellationToken = default);

    /// <summary>Parks a message that will not be sent in <c>outbound-messages-poison</c>, with the reason on it.</summary>
    Task MoveToPoisonAsync(OutboundMessage message, string reason, CancellationToken cancellationToken = default);
}
