using Frontdesk.Core.Catalogue;
using Frontdesk.Core.Webhooks.Events;
using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Core.Tests.Conversations;

/// <summary>Knows one product, "croissant", and records what it was asked.</summary>
internal sealed class FakeCatalogue : ICatalogueResponder
{
    public List<string> Asked { get; } = [];

    public ValueTask<IReadOnlyList<OutboundBody>> SearchAsync(CatalogueRequest request, CancellationToken cancellationToken = default)
    {
        Asked.Add($"search:{request.Query}");
        return ValueTask.FromResult<IReadOnlyList<OutboundBody>>([new TextBody($"results for '{request.Query}'")]);
    }

    public ValueTask<IReadOnlyList<OutboundBody>?> TryAnswerAsync(CatalogueRequest request, CancellationToken cancellationToken = default)
    {
        Asked.Add($"try:{request.Query}");
        IReadOnlyList<OutboundBody>? answer = request.Query.Contains("croissant", StringComparison.OrdinalIgnoreCase)
            ? [new ProductBody(request.Settings.CatalogId ?? "none", "sku-croissant")]
            : null;
        return ValueTask.FromResult(answer);
    }

    public ValueTask<IReadOnlyList<OutboundBody>> AnswerOrderAsync(CatalogueRequest request, OrderContent order, CancellationToken cancellationToken = default)
    {
        Asked.Add($"order:{order.Items.Count}");
        return ValueTask.FromResult<IReadOnlyList<OutboundBody>>([new TextBody("order received")]);
    }

    /// <summary>Knows "sku-croissant" (out of stock) and "sku-baguette" (in stock).</summary>
    public ValueTask<RestockReply> RestockAsync(CatalogueRequest request, string sku, int days, CancellationToken cancellationToken = default)
    {
        Asked.Add($"restock:{sku}:{days}");
        var product = sku switch
        {
            "sku-croissant" => new Product { Sku = sku, Title = "Croissant", Price = 1.2m, Currency = "EUR", InStock = false },
            "sku-baguette" => new Product { Sku = sku, Title = "Baguette", Price = 1.1m, Currency = "EUR", InStock = true },
            _ => null,
        };
        OutboundBody body = product switch
        {
            null => new TextBody("no match"),
            { InStock: true } => new TextBody("card " + product.Title),
            _ => new TextBody($"subscribed to {product.Title} for {days} days"),
        };
        return ValueTask.FromResult(new RestockReply([body], product));
    }
}
