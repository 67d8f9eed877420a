namespace Frontdesk.Core.Webhooks;

/// <summary>Durable storage for verified webhook bodies, written before the webhook answers 200.</summary>
public interface IWebhookInbox
{
    /// <summary>Stores the body (split or by claim check as needed); returns how many queue messages it took.</summary>
    /// <exception cref="StorageUnavailableException">Storage could not be reached: nothing may be acknowledged.</exception>
    Task<int> StoreAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default);
}
