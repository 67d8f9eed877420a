using Frontdesk.Core.Webhooks.Events;
using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Core.Catalogue;

/// <summary>
/// The catalogue's answer to the rules engine: searches the number's cached index (never the table) and shapes the
/// reply for a business with or without a Meta catalogue.
/// </summary>
public sealed class CatalogueResponder(ICatalogueIndexProvider indexes) : ICatalogueResponder
{
    public async ValueTask<IReadOnlyList<OutboundBody>> SearchAsync(CatalogueRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var index = await indexes.GetAsync(request.PhoneNumberId, cancellationToken).ConfigureAwait(false);
        var replies = new CatalogueReplyBuilder(request.Settings);
        if (string.IsNullOrWhiteSpace(request.Query))
        {
            return [replies.CollectionList(index)];
        }

        var result = index.Search(request.Query, StopWords.For(request.Settings.Culture), CatalogueSearchMode.Browse, replies.Capacity);
        return replies.Results(request.Query, result);
    }

    public async ValueTask<IReadOnlyList<OutboundBody>?> TryAnswerAsync(CatalogueRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Query))
        {
            return null;
        }

        var index = await indexes.GetAsync(request.PhoneNumberId, cancellationToken).ConfigureAwait(false);
        var replies = new CatalogueReplyBuilder(request.Settings);
        if (CatalogueRowIds.TryReadProduct(request.Query, out var sku))
        {
            // A row of our own list: the product may have gone since the list was sent.
            return index.FindBySku(sku) is { } picked ? replies.Answer(picked) : [replies.NoMatch()];
        }

        if (CatalogueRowIds.TryReadCollection(request.Query, out var collection))
        {
            var products = index.InCollection(collection, replies.Capacity);
            return replies.Results(collection, new CatalogueSearchResult(products, products.Count, CatalogueMatchKind.Words));
        }

        var result = index.Search(request.Query, StopWords.For(request.Settings.Culture), CatalogueSearchMode.Strict, replies.Capacity);
        return result.Total == 0 ? null : replies.Results(request.Query, result);
    }

    public async ValueTask<IReadOnlyList<OutboundBody>> AnswerOrderAsync(CatalogueRequest request, OrderContent order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(order);
        var index = await indexes.GetAsync(request.PhoneNumberId, cancellationToken).ConfigureAwait(false);
        return [OrderSummaryBuilder.Build(order, request.Settings, new CatalogueReplyBuilder(request.Settings), index.FindBySku)];
    }

    public async ValueTask<RestockReply> RestockAsync(CatalogueRequest request, string sku, int days, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var index = await indexes.GetAsync(request.PhoneNumberId, cancellationToken).ConfigureAwait(false);
        var replies = new CatalogueReplyBuilder(request.Settings);
        return index.FindBySku(sku) switch
        {
            null => new RestockReply([replies.NoMatch()], null),
            { InStock: true } product => new RestockReply(replies.Answer(product), product),
            var product => new RestockReply([replies.RestockConfirmed(product, days)], product),
        };
    }
}
