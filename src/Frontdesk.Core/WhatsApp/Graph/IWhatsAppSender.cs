using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Core.WhatsApp.Graph;

/// <summary>Makes one send attempt: the Graph API client, or the console printer when no access token is set.</summary>
public interface IWhatsAppSender
{
    /// <summary>Sends once; never retries and never throws for Meta's or the network's failures (they are classified).</summary>
    Task<GraphSendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default);
}
