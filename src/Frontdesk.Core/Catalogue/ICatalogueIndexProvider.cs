namespace Frontdesk.Core.Catalogue;

/// <summary>Where the responder gets a number's index; the storage adapter caches and refreshes it.</summary>
public interface ICatalogueIndexProvider
{
    /// <summary>The index for <paramref name="phoneNumberId"/> (its own products, else the <c>default</c> partition's).</summary>
    ValueTask<CatalogueIndex> GetAsync(string phoneNumberId, CancellationToken cancellationToken = default);
}
