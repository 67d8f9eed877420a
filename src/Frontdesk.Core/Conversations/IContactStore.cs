namespace Frontdesk.Core.Conversations;

/// <summary>The Contacts table: one row per customer (RowKey wa_id) of each business number (PartitionKey phone_number_id).</summary>
public interface IContactStore
{
    /// <summary>The contact, or null for a first-time customer.</summary>
    ValueTask<StoredContact?> GetAsync(string phoneNumberId, string waId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the whole row if it still has <paramref name="version"/> (null: only if it does not exist yet).
    /// Returns the new version, or null when someone else wrote it first: read again and decide again.
    /// </summary>
    ValueTask<string?> TrySaveAsync(string phoneNumberId, string waId, ContactState state, string? version, CancellationToken cancellationToken = default);
}
