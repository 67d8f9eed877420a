using System.Text;
using Frontdesk.Core.Limits;
using Frontdesk.Core.Webhooks.Events;
using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Core.Catalogue;

/// <summary>
/// The answer to an inbound order: the business's OrderReplyText, then each item with quantity and price as the
/// customer saw them in the cart, and the total per currency. SKUs the catalogue does not know are named as such.
/// </summary>
public static class OrderSummaryBuilder
{
    public static TextBody Build(OrderContent order, CatalogueSettings settings, CatalogueReplyBuilder replies, Func<string, Product?> findBySku)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(replies);
        ArgumentNullException.ThrowIfNull(findBySku);
        var texts = replies.Texts;
        var summary = new StringBuilder(string.IsNullOrWhiteSpace(settings.OrderReplyText) ? texts.OrderThanks : settings.OrderReplyText.Trim());
        summary.Append('\n');
        var totals = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        var lines = new List<string>();
        foreach (var item in order.Items)
        {
            var lineTotal = item.ItemPrice * item.Quantity;
            totals[item.Currency] = totals.GetValueOrDefault(item.Currency) + lineTotal;
            var name = findBySku(item.ProductRetailerId) is { } product
                ? product.Title
                : $"{item.ProductRetailerId} ({texts.UnknownProduct})";
            lines.Add($"{item.Quantity} × {name} ({replies.Price(item.ItemPrice, item.Currency)}){texts.Colon}{replies.Price(lineTotal, item.Currency)}");
        }

        var footer = string.Join('\n', totals.Select(total => $"*{texts.Total}{texts.Colon}{replies.Price(total.Value, total.Key)}*"));
        foreach (var line in lines)
        {
            // A huge cart must still fit one text message: the totals always stay.
            if (summary.Length + line.Length + footer.Length + 8 > WhatsAppLimits.TextBody)
            {
                summary.Append("\n…");
                break;
            }

            summary.Append('\n').Append(line);
        }

        summary.Append("\n\n").Append(footer);
        return new TextBody(summary.ToString());
    }
}
