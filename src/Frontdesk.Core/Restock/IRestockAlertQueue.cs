namespace Frontdesk.Core.Restock;

/// <summary>The <c>restock-alerts</c> queue (implemented in Frontdesk.Storage).</summary>
public interface IRestockAlertQueue
{
    Task EnqueueAsync(IReadOnlyList<RestockAlert> alerts, CancellationToken cancellationToken = default);
}
