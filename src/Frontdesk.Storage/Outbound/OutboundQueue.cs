using System.Text.Json;
using Azure.Storage.Queues;
using Frontdesk.Core.WhatsApp.Messages;
using Frontdesk.Core.WhatsApp.Sending;

namespace Frontdesk.Storage.Outbound;

/// <summary>
/// Producer for <c>outbound-messages</c> and its poison queue. The clients must use Base64 message encoding (the
/// trigger's expectation; <see cref="StorageClientRegistration"/> sets it), so tests hand in prefixed queues.
/// </summary>
public sealed class OutboundQueue(QueueClient queue, QueueClient poison, QueueSignals signals) : IOutboundQueue
{
    private readonly CreateOnce _createQueue = new(ct => queue.CreateIfNotExistsAsync(cancellationToken: ct));
    private readonly CreateOnce _createPoison = new(ct => poison.CreateIfNotExistsAsync(cancellationToken: ct));

    public async Task EnqueueAsync(OutboundMessage message, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _createQueue.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var visibility = delay is { } d && d > TimeSpan.Zero ? d : (TimeSpan?)null;
        await queue.SendMessageAsync(Serialize(message), visibility, timeToLive: null, cancellationToken).ConfigureAwait(false);
        if (visibility is null)
        {
            signals.Sent(queue.Name);
        }
    }

    public async Task MoveToPoisonAsync(OutboundMessage message, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _createPoison.EnsureAsync(cancellationToken).ConfigureAwait(false);
        // Kept for good (TTL -1) like the host's own poison messages: an operator decides what happens to them.
        await poison.SendMessageAsync(Serialize(message with { LastError = reason }), visibilityTimeout: null, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken)
            .ConfigureAwait(false);
    }

    internal static string Serialize(OutboundMessage message) =>
        JsonSerializer.Serialize(message, OutboundMessageJsonContext.Default.OutboundMessage);

    /// <summary>Reads a queue payload (what the trigger hands over after Base64 decoding).</summary>
    public static OutboundMessage Deserialize(string json) =>
        JsonSerializer.Deserialize(json, OutboundMessageJsonContext.Default.OutboundMessage)
        ?? throw new JsonException("The outbound queue message is JSON null.");
}
