using Frontdesk.Core.PhoneConsole;
using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Functions.PhoneConsole;

/// <summary>Stored console entries to the flat bubbles the page draws.</summary>
internal static class ConsoleMessageViews
{
    public static ConsoleMessageView Inbound(ConsoleEntry entry, ConsoleMessage message, bool read, IReadOnlyList<string>? steps, ProductViews products) => message switch
    {
        { Order: { } order } => new ConsoleMessageView(entry.MessageId, "in", entry.At, ConsoleMessage.OrderType, Read: read, Text: order.Text, CatalogId: order.CatalogId, Steps: steps,
            Sections: [new ConsoleSectionView(null, Products: [.. order.Items.Select(i => products.Find(i.ProductRetailerId, i.Quantity) with
            {
                ItemPrice = i.ItemPrice, Currency = i.Currency, Price = products.Price(i.ItemPrice, i.Currency),
            })])]),
        { Reply: { } reply } => new ConsoleMessageView(entry.MessageId, "in", entry.At, ConsoleMessage.ReplyType, Kind: reply.Kind, Read: read, Text: reply.Title, Steps: steps),
        _ => new ConsoleMessageView(entry.MessageId, "in", entry.At, ConsoleMessage.TextType, Read: read, Text: message.Text, Steps: steps),
    };

    /// <summary>A reply or business-initiated message as a bubble; null for a read receipt (it shows as ticks on the customer's message instead).</summary>
    public static ConsoleMessageView? Outbound(ConsoleEntry entry, OutboundMessage message, ProductViews products)
    {
        var view = new ConsoleMessageView(entry.MessageId, "out", entry.At, "text", message.Kind.ToString(), message.RuleName, message.InReplyTo);
        return message.Body switch
        {
            TextBody t => view with { Text = t.Text },
            ButtonsBody b => view with { Type = "buttons", Text = b.Text, Footer = b.Footer, Buttons = [.. b.Buttons.Select(x => new ConsoleButtonView(x.Id, x.Title))] },
            ListBody l => view with
            {
                Type = "list", Text = l.Text, Header = l.Header, Footer = l.Footer, ListButton = l.ButtonLabel,
                Sections = [.. l.Sections.Select(s => new ConsoleSectionView(s.Title, Rows: [.. s.Rows.Select(r => new ConsoleRowView(r.Id, r.Title, r.Description))]))],
            },
            ProductBody p => view with
            {
                Type = "product", Text = p.Text, Footer = p.Footer, CatalogId = p.CatalogId,
                Sections = [new ConsoleSectionView(null, Products: [products.Find(p.ProductRetailerId)])],
            },
            ProductListBody p => view with
            {
                Type = "product_list", Header = p.Header, Text = p.Text, Footer = p.Footer, CatalogId = p.CatalogId,
                Sections = [.. p.Sections.Select(s => new ConsoleSectionView(s.Title, Products: [.. s.ProductRetailerIds.Select(id => products.Find(id))]))],
            },
            TemplateBody t => view with
            {
                Type = "template",
                Template = new ConsoleTemplateView(t.Name, t.Language, t.BodyParameters, t.HeaderImageLink, t.ButtonUrlSuffix),
            },
            _ => null,
        };
    }
}
