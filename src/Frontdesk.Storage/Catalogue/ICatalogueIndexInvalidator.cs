namespace Frontdesk.Storage.Catalogue;

/// <summary>Tells this instance's index cache that a partition changed (after an import), so it reloads now.</summary>
public interface ICatalogueIndexInvalidator
{
    Task ReloadAsync(string partitionKey, CancellationToken cancellationToken = default);
}
