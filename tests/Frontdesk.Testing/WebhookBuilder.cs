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

    /// <summary>A reaction (tests/Fixtures/webhooks/reaction.json); an empty emoji removes it.</summary>
    public static byte[] Reaction(string from, string messageId, string reactedTo, string emoji, DateTimeOffset at) =>
        Message(from, messageId, at, "Test Customer", "reaction", new JsonObject { ["message_id"] = reactedTo, ["emoji"] = emoji });

    /// <summary>An edit of an earlier text (tests/Fixtures/webhooks/edit.json).</summary>
    public static byte[] Edit(string from, string messageId, string originalId, string newText, DateTimeOffset at) =>
        Message(from, messageId, at, "Test Customer", "edit", new JsonObject
        {
            ["original_message_id"] = originalId,
            ["message"] = new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["body"] = newText } },
        });

    /// <summary>A customer opening the chat for the first time (tests/Fixtures/webhooks/request_welcome.json): no content object.</summary>
    public static byte[] RequestWelcome(string from, string messageId, DateTimeOffset at, string phoneNumberId = PhoneNumberId) =>
        Message(from, messageId, at, "Test Customer", "request_welcome", null, phoneNumberId);

    /// <summary>The owner's text typed in the WhatsApp Business app, echoed (tests/Fixtures/webhooks/echo_text.json).</summary>
    public static byte[] Echo(string to, string messageId, string text, DateTimeOffset at, string phoneNumberId = PhoneNumberId)
    {
        var echo = new JsonObject
        {
            ["from"] = "15550100001",
            ["to"] = to,
            ["id"] = messageId,
            ["timestamp"] = Seconds(at),
            ["type"] = "text",
            ["text"] = new JsonObject { ["body"] = text },
        };
        var value = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = Metadata(phoneNumberId),
            ["message_echoes"] = new JsonArray(echo),
        };
        return Envelope(value, "smb_message_echoes");
    }

    public static byte[] Message(string from, string messageId, DateTimeOffset at, string name, string type, JsonObject? content, string phoneNumberId = PhoneNumberId)
    {
        var message = new JsonObject
        {
            ["from"] = from,
            ["id"] = messageId,
            ["timestamp"] = Seconds(at),
            ["type"] = type,
        };
        if (content is not null)
        {
            message[type] = content;
        }

        var value = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = Metadata(phoneNumberId),
            ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = name }, ["wa_id"] = from }),
            ["messages"] = new JsonArray(message),
        };
        return Envelope(value, "messages");
    }

    private static string Seconds(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static JsonObject Metadata(string phoneNumberId) =>
        new() { ["display_phone_number"] = "15550100001", ["phone_number_id"] = phoneNumberId };

    private static byte[] Envelope(JsonObject value, string field)
    {
        var root = new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "100000000000001",
                ["changes"] = new JsonArray(new JsonObject { ["value"] = value, ["field"] = field }),
            }),
        };
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }
}
