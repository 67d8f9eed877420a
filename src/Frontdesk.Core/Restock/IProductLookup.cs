using Frontdesk.Core.Catalogue;

namespace Frontdesk.Core.Restock;

/// <summary>
/// A product as the table holds it now (not the cached index, which sees a portal edit only after minutes): the
/// number's own row, else the <c>default</c> catalogue's. Implemented in Frontdesk.Storage.
/// </summary>
public interface IProductLookup
{
    Task<Product?> FindAsync(string phoneNumberId, string sku, CancellationToken cancellationToken = default);
}
