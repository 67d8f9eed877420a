using System.Globalization;
using System.Text;
using Frontdesk.Core.Limits;
using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Core.Catalogue;

/// <summary>Turns search results into WhatsApp messages within Meta's limits, in the business's culture.</summary>
public sealed class CatalogueReplyBuilder(CatalogueSettings settings)
{
    private readonly CultureInfo _culture = PriceFormatter.CultureOrInvariant(settings.Culture);
    private readonly string? _catalogId = string.IsNullOrWhiteSpace(settings.CatalogId) ? null : settings.CatalogId.Trim();

    public CatalogueTexts Texts => CatalogueTexts.For(_culture);

    /// <summary>How many products a reply can show: 30 in a multi-product message, 10 in a list.</summary>
    public int Capacity => _catalogId is null ? WhatsAppLimits.MaxListRows : WhatsAppLimits.MaxProducts;

    public IReadOnlyList<OutboundBody> Results(string query, CatalogueSearchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Hits.Count switch
        {
            0 => [NoMatch()],
            1 when result.Total == 1 => Answer(result.Hits[0]),
            _ when _catalogId is not null => [ProductList(query, result)],
            _ => [List(query, result)],
        };
    }

    public TextBody NoMatch() =>
        new(WhatsAppLimits.Truncate(string.IsNullOrWhiteSpace(settings.NoMatchText) ? Texts.NoMatch : settings.NoMatchText, WhatsAppLimits.TextBody));

    /// <summary>One product: from the Meta catalogue when the business has one, else a text card.</summary>
    public OutboundBody Single(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return _catalogId is null
            ? Card(product)
            : new ProductBody(_catalogId, product.Sku, product.InStock ? null : WhatsAppLimits.Truncate(string.Format(_culture, Texts.OutOfStockNotice, product.Title), WhatsAppLimits.InteractiveBody));
    }

    /// <summary>
    /// The answer about one product: <see cref="Single"/>, and for a product out of stock a "Notify me" button
    /// (id <c>restock:&lt;SKU&gt;</c>): under the text card itself, or in a second message after a catalogue message,
    /// which cannot carry reply buttons.
    /// </summary>
    public IReadOnlyList<OutboundBody> Answer(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        if (product.InStock || RestockIds.ForSku(product.Sku) is not { } buttonId)
        {
            return [Single(product)];
        }

        var button = new ReplyButton(buttonId, WhatsAppLimits.Truncate(Texts.NotifyMe, WhatsAppLimits.ButtonTitle));
        if (_catalogId is not null)
        {
            return [Single(product), new ButtonsBody(WhatsAppLimits.Truncate(Texts.RestockOffer, WhatsAppLimits.InteractiveBody), [button])];
        }

        // The offer goes last and whole; the card gives way when the two are over a buttons message's body.
        var offer = "\n\n" + Texts.RestockOffer;
        var card = WhatsAppLimits.Truncate(CardText(product), WhatsAppLimits.InteractiveBody - offer.Length);
        return [new ButtonsBody(card + offer, [button])];
    }

    public TextBody Card(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return new TextBody(WhatsAppLimits.Truncate(CardText(product), WhatsAppLimits.TextBody), PreviewUrl: !string.IsNullOrWhiteSpace(product.Link));
    }

    /// <summary>The "back in stock" alert sent inside the customer's window: the product from the catalogue, or the news and the text card.</summary>
    public OutboundBody BackInStock(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        var news = string.Format(_culture, Texts.BackInStock, product.Title);
        return _catalogId is null
            ? new TextBody(WhatsAppLimits.Truncate(news + "\n\n" + CardText(product), WhatsAppLimits.TextBody), PreviewUrl: !string.IsNullOrWhiteSpace(product.Link))
            : new ProductBody(_catalogId, product.Sku, WhatsAppLimits.Truncate(news, WhatsAppLimits.InteractiveBody));
    }

    /// <summary>The confirmation of a "Notify me": one message.</summary>
    public TextBody RestockConfirmed(Product product, int days)
    {
        ArgumentNullException.ThrowIfNull(product);
        return new TextBody(WhatsAppLimits.Truncate(string.Format(_culture, Texts.RestockConfirmed, product.Title, days), WhatsAppLimits.TextBody));
    }

    private string CardText(Product product)
    {
        var card = new StringBuilder()
            .Append('*').Append(product.Title).Append('*').Append('\n')
            .Append(Price(product)).Append('\n')
            .Append(product.InStock ? Texts.InStock : Texts.OutOfStock);
        if (!string.IsNullOrWhiteSpace(product.Description))
        {
            card.Append("\n\n").Append(WhatsAppLimits.Truncate(product.Description, 1000));
        }

        if (!string.IsNullOrWhiteSpace(product.Link))
        {
            card.Append("\n\n").Append(product.Link);
        }

        return card.ToString();
    }

    /// <summary>The collections as a list (≤ 10, largest first); picking one sends its products.</summary>
    public OutboundBody CollectionList(CatalogueIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var rows = index.Collections
            .Where(collection => CatalogueRowIds.ForCollection(collection.Name).Length <= CatalogueRowIds.MaxLength)
            .Take(WhatsAppLimits.MaxListRows)
            .Select(collection => new ListRow(
                CatalogueRowIds.ForCollection(collection.Name),
                WhatsAppLimits.Truncate(collection.Name, WhatsAppLimits.RowTitle),
                WhatsAppLimits.Truncate(string.Format(_culture, Texts.ProductsInCollection, collection.Count), WhatsAppLimits.RowDescription)))
            .ToList();
        if (rows.Count == 0)
        {
            // A catalogue without collections: show its first products instead.
            return index.Count == 0 ? NoMatch() : List("", new CatalogueSearchResult(index.First(WhatsAppLimits.MaxListRows), index.Count, CatalogueMatchKind.Words));
        }

        return new ListBody(
            WhatsAppLimits.Truncate(Texts.Collections, WhatsAppLimits.ListBody),
            WhatsAppLimits.Truncate(Texts.ChooseCollection, WhatsAppLimits.ListButton),
            [new ListSection(WhatsAppLimits.Truncate(Texts.ChooseCollection, WhatsAppLimits.SectionTitle), rows)]);
    }

    public ListBody List(string query, CatalogueSearchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = result.Hits
            .Where(product => CatalogueRowIds.ForProduct(product.Sku).Length <= CatalogueRowIds.MaxLength)
            .Take(WhatsAppLimits.MaxListRows)
            .Select(Row)
            .ToList();
        return new ListBody(
            WhatsAppLimits.Truncate(Intro(query, result.Total), WhatsAppLimits.ListBody),
            WhatsAppLimits.Truncate(Texts.SeeProducts, WhatsAppLimits.ListButton),
            [new ListSection(WhatsAppLimits.Truncate(Texts.ResultsHeader, WhatsAppLimits.SectionTitle), rows)],
            Footer: MoreFooter(rows.Count, result.Total));
    }

    public ProductListBody ProductList(string query, CatalogueSearchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var catalogId = _catalogId ?? throw new InvalidOperationException("A multi-product message needs a CatalogId.");
        var shown = result.Hits.Take(WhatsAppLimits.MaxProducts).ToList();
        var body = new StringBuilder(Intro(query, result.Total));
        var outOfStock = shown.Where(product => !product.InStock).Select(product => product.Title).ToList();
        if (outOfStock.Count > 0)
        {
            body.Append('\n').Append(string.Format(_culture, Texts.OutOfStockNotice, string.Join(", ", outOfStock)));
        }

        return new ProductListBody(
            catalogId,
            WhatsAppLimits.Truncate(Texts.ResultsHeader, WhatsAppLimits.Header),
            WhatsAppLimits.Truncate(body.ToString(), WhatsAppLimits.InteractiveBody),
            Sections(shown),
            Footer: MoreFooter(shown.Count, result.Total));
    }

    public string Price(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return PriceFormatter.Format(product.Price, product.Currency, _culture);
    }

    public string Price(decimal price, string currency) => PriceFormatter.Format(price, currency, _culture);

    /// <summary>Sections by collection in rank order; past 10 collections the rest share one "Other" section.</summary>
    private List<ProductSection> Sections(List<Product> products)
    {
        var other = Texts.Other;
        var groups = new List<(string Title, List<string> Skus)>();
        foreach (var product in products)
        {
            var title = WhatsAppLimits.Truncate(string.IsNullOrWhiteSpace(product.Collection) ? other : product.Collection.Trim(), WhatsAppLimits.SectionTitle);
            var group = groups.FindIndex(existing => string.Equals(existing.Title, title, StringComparison.OrdinalIgnoreCase));
            if (group < 0 && groups.Count == WhatsAppLimits.MaxSections - 1 && !groups.Exists(existing => existing.Title == other))
            {
                groups.Add((other, []));
            }

            if (group < 0 && groups.Count >= WhatsAppLimits.MaxSections)
            {
                group = groups.FindIndex(existing => existing.Title == other);
            }

            if (group < 0)
            {
                groups.Add((title, []));
                group = groups.Count - 1;
            }

            groups[group].Skus.Add(product.Sku);
        }

        return [.. groups.Where(group => group.Skus.Count > 0).Select(group => new ProductSection(group.Title, group.Skus))];
    }

    private ListRow Row(Product product)
    {
        var description = new StringBuilder(Price(product));
        if (!product.InStock)
        {
            description.Append(" · ").Append(Texts.OutOfStock);
        }

        if (!string.IsNullOrWhiteSpace(product.Description))
        {
            description.Append(" · ").Append(product.Description.ReplaceLineEndings(" "));
        }

        return new ListRow(
            CatalogueRowIds.ForProduct(product.Sku),
            WhatsAppLimits.Truncate(product.Title, WhatsAppLimits.RowTitle),
            WhatsAppLimits.Truncate(description.ToString(), WhatsAppLimits.RowDescription));
    }

    private string Intro(string query, int total) =>
        string.IsNullOrWhiteSpace(query)
            ? Texts.ResultsHeader
            : string.Format(_culture, Texts.ResultsFor, total, WhatsAppLimits.Truncate(query.Trim(), 60));

    private string? MoreFooter(int shown, int total) =>
        total > shown ? WhatsAppLimits.Truncate(string.Format(_culture, Texts.MoreResults, shown, total), WhatsAppLimits.Footer) : null;
}
