namespace Frontdesk.Core.WhatsApp.Sending;

/// <summary>
/// Meta's statuses by the idempotency key they carried (<c>biz_opaque_callback_data</c> = <c>frontdesk:{key}</c>):
/// how a send whose answer was lost learns that Meta had it after all (implemented in Frontdesk.Storage).
/// </summary>
public interface ISendStatusIndex
{
    /// <summary>The first status Meta sent for a message with this key, or null when none came.</summary>
    Task<KeyedStatus?> FindByKeyAsync(string phoneNumberId, string idempotencyKey, CancellationToken cancellationToken = default);
}

/// <summary>A status Meta sent for a key: its name (sent, delivered, read, failed) and the wamid it was for.</summary>
public sealed record KeyedStatus(string Status, string WamId);
