using System.Text;
using System.Text.Json.Nodes;

namespace Frontdesk.Testing;

/// <summary>Builds webhook bodies shaped like Meta's (see tests/Fixtures/webhooks/text.json) for any text or reply.</summary>
public static class WebhookBuilder
{
    public const string PhoneNumberId = "200000000000001";

    public static byte[] Text(string from, string messageId, string text, DateTimeOffset at, string name = "Test Customer", string phoneNumberId = PhoneNumberId) =>
        Message(from, messageId, at, name, "text", new JsonObject { ["body"] = text }, phoneNumberId);

    public static byte[] ButtonReply(string from, string messageId, string id, string title, DateTimeOffset at) =>
        Message(from, messageId, at, "Test Customer", "interactive", new JsonObject
        {
            ["type"] = "button_reply",
            ["button_reply"] = new JsonObject { ["id"] = id, ["title"] = title },
        });

    public static byte[] Message(string from, string messageId, DateTimeOffset at, string name, string type, JsonObject content, string phoneNumberId = PhoneNumberId)
    {
        var message = new JsonObject
        {
            ["from"] = from,
            ["id"] = messageId,
            ["timestamp"] = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["type"] = type,
            [type] = content,
        };
        var value = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = new JsonObject { ["display_phone_number"] = "15550100001", ["phone_number_id"] = phoneNumberId },
            ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = name }, ["wa_id"] = from }),
            ["messages"] = new JsonArray(message),
        };
        var root = new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "100000000000001",
                ["changes"] = new JsonArray(new JsonObject { ["value"] = value, ["field"] = "messages" }),
            }),
        };
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }
}
