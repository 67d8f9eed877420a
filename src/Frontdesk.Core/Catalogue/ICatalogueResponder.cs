using Frontdesk.Core.WhatsApp.Messages;
using Frontdesk.Core.Webhooks.Events;

namespace Frontdesk.Core.Catalogue;

/// <summary>
/// The reply engine's port to the catalogue: it asks, the catalogue answers with message bodies.
/// </summary>
public interface ICatalogueResponder
{
    /// <summary>A rule with Action <c>catalogue</c> matched: search for <paramref name="request"/>'s query (empty: list the collections).</summary>
    ValueTask<IReadOnlyList<OutboundBody>> SearchAsync(CatalogueRequest request, CancellationToken cancellationToken = default);

    /// <summary>No rule matched: answer only if the text is a known SKU, a picked product row, or names a product closely enough; otherwise null.</summary>
    ValueTask<IReadOnlyList<OutboundBody>?> TryAnswerAsync(CatalogueRequest request, CancellationToken cancellationToken = default);

    /// <summary>An inbound order: the acknowledgement and summary.</summary>
    ValueTask<IReadOnlyList<OutboundBody>> AnswerOrderAsync(CatalogueRequest request, OrderContent order, CancellationToken cancellationToken = default);

    /// <summary>
    /// "Notify me" pressed for <paramref name="sku"/>: the confirmation when the product is out of stock (subscribe),
    /// its card when it is back already, the no-match text when the catalogue does not know it (any more).
    /// </summary>
    ValueTask<RestockReply> RestockAsync(CatalogueRequest request, string sku, int days, CancellationToken cancellationToken = default);
}

/// <summary>
/// The catalogue's answer to a "Notify me": what to send, and the product as the catalogue knows it (null: unknown
/// or discontinued). The customer is subscribed when the product is out of stock.
/// </summary>
public sealed record RestockReply(IReadOnlyList<OutboundBody> Bodies, Product? Product);

/// <summary>What the catalogue needs to know to answer one customer of one business number.</summary>
public sealed record CatalogueRequest(
    string PhoneNumberId,
    string Query,
    CatalogueSettings Settings);

/// <summary>The Settings columns the catalogue reads.</summary>
public sealed record CatalogueSettings(
    string? CatalogId,
    string Culture,
    string? NoMatchText,
    string? OrderReplyText);
