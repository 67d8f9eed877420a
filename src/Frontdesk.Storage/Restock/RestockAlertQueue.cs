using System.Text.Json;
using Azure.Storage.Queues;
using Frontdesk.Core.Restock;

namespace Frontdesk.Storage.Restock;

/// <summary>Producer for <c>restock-alerts</c> (Base64 message encoding, as the trigger expects).</summary>
public sealed class RestockAlertQueue(QueueClient queue, QueueSignals signals) : IRestockAlertQueue
{
    /// <summary>Messages sent at once: an import bringing back thousands of subscribed products stays in seconds.</summary>
    private const int Parallelism = 16;

    private readonly CreateOnce _createQueue = new(ct => queue.CreateIfNotExistsAsync(cancellationToken: ct));

    public async Task EnqueueAsync(IReadOnlyList<RestockAlert> alerts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        if (alerts.Count == 0)
        {
            return;
        }

        await _createQueue.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await Parallel.ForEachAsync(
            alerts,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (alert, token) => await queue.SendMessageAsync(Serialize(alert), token).ConfigureAwait(false)).ConfigureAwait(false);
        signals.Sent(queue.Name);
    }

    internal static string Serialize(RestockAlert alert) =>
        JsonSerializer.Serialize(alert, RestockAlertJsonContext.Default.RestockAlert);

    /// <summary>Reads a queue payload (what the trigger hands over after Base64 decoding).</summary>
    public static RestockAlert Deserialize(string json) =>
        JsonSerializer.Deserialize(json, RestockAlertJsonContext.Default.RestockAlert)
        ?? throw new JsonException("The restock-alerts message is JSON null.");
}
