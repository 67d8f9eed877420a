using Frontdesk.Core.Catalogue;
using Frontdesk.Core.Identifiers;
using Frontdesk.Core.Restock;
using Frontdesk.Storage.Catalogue;

namespace Frontdesk.Storage.Restock;

/// <summary>A product read from the Catalogue table now: the number's own row, else the <c>default</c> catalogue's.</summary>
public sealed class ProductLookup(CatalogueStore store) : IProductLookup
{
    public async Task<Product?> FindAsync(string phoneNumberId, string sku, CancellationToken cancellationToken = default)
    {
        var own = await store.FindProductAsync(phoneNumberId, sku, cancellationToken).ConfigureAwait(false);
        return own is not null || phoneNumberId == PhoneNumberId.DefaultPartition
            ? own
            : await store.FindProductAsync(PhoneNumberId.DefaultPartition, sku, cancellationToken).ConfigureAwait(false);
    }
}
