using System.Collections.Concurrent;
using Frontdesk.Core.Restock;

namespace Frontdesk.Testing;

/// <summary>The <c>restock-alerts</c> port in memory: what was queued, in order.</summary>
public sealed class InMemoryRestockAlertQueue : IRestockAlertQueue
{
    public ConcurrentQueue<RestockAlert> Queued { get; } = new();

    public Task EnqueueAsync(IReadOnlyList<RestockAlert> alerts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        foreach (var alert in alerts)
        {
            Queued.Enqueue(alert);
        }

        return Task.CompletedTask;
    }
}
