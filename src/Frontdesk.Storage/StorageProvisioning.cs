namespace Frontdesk.Storage;

/// <summary>
/// Creates every queue, table and container of <see cref="StorageNames"/> that does not exist yet. In Azure, Bicep
/// provisions them (the app's identity may not create them); locally DevHost calls this against Azurite.
/// </summary>
public static class StorageProvisioning
{
    public static async Task EnsureCreatedAsync(StorageAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        foreach (var queue in StorageNames.Queues.All)
        {
            await account.Queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        foreach (var table in StorageNames.Tables.All)
        {
            await account.Tables.CreateTableIfNotExistsAsync(table, cancellationToken).ConfigureAwait(false);
        }

        foreach (var container in StorageNames.Containers.All)
        {
            await account.Blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
