using System.Globalization;
using System.Text.Json;
using Frontdesk.Core.Webhooks.Events;

namespace Frontdesk.Core.Webhooks;

/// <summary>
/// Reads a verified webhook body into messages and statuses. A tolerant reader: unknown fields, unknown types and
/// missing arrays are normal; property order is not assumed (Meta puts <c>type</c> after its object at times).
/// </summary>
public static class WebhookParser
{
    public static WebhookBatch Parse(ReadOnlyMemory<byte> body)
    {
        using var document = JsonDocument.Parse(body);
        var messages = new List<InboundMessage>();
        var statuses = new List<StatusUpdate>();
        foreach (var entry in Array(document.RootElement, "entry"))
        {
            foreach (var change in Array(entry, "changes"))
            {
                if (!change.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var metadata = Property(value, "metadata");
                var phoneNumberId = String(metadata, "phone_number_id") ?? "";
                var display = String(metadata, "display_phone_number");
                var names = Array(value, "contacts")
                    .Select(c => (WaId: String(c, "wa_id"), Name: String(Property(c, "profile"), "name")))
                    .Where(c => c.WaId is not null)
                    .ToList();

                foreach (var message in Array(value, "messages"))
                {
                    var from = String(message, "from") ?? "";
                    messages.Add(new InboundMessage
                    {
                        PhoneNumberId = phoneNumberId,
                        DisplayPhoneNumber = display,
                        From = from,
                        ProfileName = names.FirstOrDefault(n => n.WaId == from).Name,
                        Id = String(message, "id") ?? "",
                        Timestamp = Timestamp(message),
                        Type = String(message, "type") ?? "",
                        Content = Content(message),
                        ContextMessageId = String(Property(message, "context"), "id"),
                    });
                }

                foreach (var status in Array(value, "statuses"))
                {
                    statuses.Add(new StatusUpdate
                    {
                        PhoneNumberId = phoneNumberId,
                        MessageId = String(status, "id") ?? "",
                        Status = String(status, "status") ?? "",
                        Timestamp = Timestamp(status),
                        RecipientId = String(status, "recipient_id"),
                        Errors = Errors(status),
                    });
                }
            }
        }

        return new WebhookBatch(messages, statuses);
    }

    private static InboundContent Content(JsonElement message)
    {
        var type = String(message, "type") ?? "";
        var body = Property(message, type);
        switch (type)
        {
            case "text":
                return new TextContent(String(body, "body") ?? "");
            case "interactive":
                var kind = String(body, "type") ?? "";
                var reply = Property(body, kind);
                return new InteractiveReplyContent(kind, String(reply, "id") ?? "", String(reply, "title") ?? "", String(reply, "description"));
            case "button":
                return new TemplateButtonContent(String(body, "payload") ?? "", String(body, "text") ?? "");
            case "image" or "video" or "audio" or "document" or "sticker":
                return new MediaContent(type, String(body, "id"), String(body, "mime_type"), String(body, "caption"));
            case "location":
                return new LocationContent(Number(body, "latitude"), Number(body, "longitude"), String(body, "name"), String(body, "address"));
            case "order":
                var items = Array(body, "product_items")
                    .Select(i => new OrderItem(
                        String(i, "product_retailer_id") ?? "",
                        (int)(Number(i, "quantity") ?? 0),
                        Decimal(i, "item_price") ?? 0m,
                        String(i, "currency") ?? ""))
                    .ToList();
                return new OrderContent(String(body, "catalog_id"), String(body, "text"), items);
            case "unsupported":
                return new UnsupportedContent(String(body, "type"), Errors(message));
            default:
                return new OtherContent(type);
        }
    }

    private static List<WhatsAppError> Errors(JsonElement element) =>
        Array(element, "errors")
            .Select(e => new WhatsAppError(
                (int)(Number(e, "code") ?? 0),
                String(e, "title"),
                String(e, "message"),
                String(Property(e, "error_data"), "details")))
            .ToList();

    private static DateTimeOffset Timestamp(JsonElement element) =>
        long.TryParse(String(element, "timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.UnixEpoch;

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    private static IEnumerable<JsonElement> Array(JsonElement element, string name)
    {
        var array = Property(element, name);
        return array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];
    }

    private static string? String(JsonElement element, string name)
    {
        var value = Property(element, name);
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    private static decimal? Decimal(JsonElement element, string name)
    {
        var value = Property(element, name);
        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDecimal(out var exact) => exact,
            JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    private static double? Number(JsonElement element, string name)
    {
        var value = Property(element, name);
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }
}
