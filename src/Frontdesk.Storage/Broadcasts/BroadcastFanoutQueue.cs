using System.Text.Json;
using Azure.Storage.Queues;
using Frontdesk.Core.Broadcasts;

namespace Frontdesk.Storage.Broadcasts;

/// <summary>Producer for <c>broadcast-fanout</c> (Base64 JSON <see cref="FanoutMessage"/>, as the trigger expects).</summary>
public sealed class BroadcastFanoutQueue(QueueClient queue, QueueSignals signals) : IBroadcastFanoutQueue
{
    /// <summary>The longest visibility delay Azure Queue Storage accepts.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    private readonly CreateOnce _create = new(ct => queue.CreateIfNotExistsAsync(cancellationToken: ct));

    public async Task EnqueueAsync(string broadcastId, string fanoutToken, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        await _create.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var visibility = delay > TimeSpan.Zero ? (delay > MaxDelay ? MaxDelay : delay) : (TimeSpan?)null;
        var json = JsonSerializer.Serialize(new FanoutMessage(broadcastId, fanoutToken), BroadcastJsonContext.Default.FanoutMessage);
        await queue.SendMessageAsync(json, visibility, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken).ConfigureAwait(false);
        if (visibility is null)
        {
            signals.Sent(queue.Name);
        }
    }

    /// <summary>Reads a queue payload (what the trigger hands over after Base64 decoding).</summary>
    public static FanoutMessage Deserialize(string json) =>
        JsonSerializer.Deserialize(json, BroadcastJsonContext.Default.FanoutMessage) ?? throw new JsonException("The broadcast-fanout message is JSON null.");
}
