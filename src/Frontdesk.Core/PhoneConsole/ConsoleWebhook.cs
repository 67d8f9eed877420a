using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Frontdesk.Core.PhoneConsole;

/// <summary>
/// A console message as the webhook body Meta would post for it (one change, one contact, one message), so the
/// inbox parses and handles it exactly like a real one.
/// </summary>
public static class ConsoleWebhook
{
    /// <summary>The WhatsApp Business Account id written into console bodies; nothing reads it.</summary>
    public const string BusinessAccountId = "console";

    public static byte[] Build(string phoneNumberId, string waId, string name, string messageId, DateTimeOffset at, ConsoleMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (type, content) = Content(message);
        var inbound = new JsonObject
        {
            ["from"] = waId,
            ["id"] = messageId,
            ["timestamp"] = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["type"] = type,
            [type] = content,
        };
        var value = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = new JsonObject { ["display_phone_number"] = phoneNumberId, ["phone_number_id"] = phoneNumberId },
            ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = name }, ["wa_id"] = waId }),
            ["messages"] = new JsonArray(inbound),
        };
        var root = new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = BusinessAccountId,
                ["changes"] = new JsonArray(new JsonObject { ["value"] = value, ["field"] = "messages" }),
            }),
        };
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static (string Type, JsonObject Content) Content(ConsoleMessage message) => message switch
    {
        { Reply: { Kind: ConsoleReply.List } row } => ("interactive", new JsonObject
        {
            ["type"] = "list_reply",
            ["list_reply"] = Without(new JsonObject { ["id"] = row.Id, ["title"] = row.Title, ["description"] = row.Description }),
        }),
        { Reply: { } button } => ("interactive", new JsonObject
        {
            ["type"] = "button_reply",
            ["button_reply"] = new JsonObject { ["id"] = button.Id, ["title"] = button.Title },
        }),
        { Order: { } order } => ("order", Without(new JsonObject
        {
            ["catalog_id"] = order.CatalogId,
            ["text"] = order.Text,
            ["product_items"] = new JsonArray([.. order.Items.Select(i => (JsonNode)new JsonObject
            {
                ["product_retailer_id"] = i.ProductRetailerId,
                ["quantity"] = i.Quantity,
                ["item_price"] = i.ItemPrice,
                ["currency"] = i.Currency,
            })]),
        })),
        _ => ("text", new JsonObject { ["body"] = message.Text ?? "" }),
    };

    /// <summary>Meta leaves absent fields out rather than sending nulls.</summary>
    private static JsonObject Without(JsonObject o)
    {
        foreach (var key in o.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            o.Remove(key);
        }

        return o;
    }
}
