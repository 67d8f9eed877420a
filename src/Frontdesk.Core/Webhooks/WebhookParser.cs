using System.Globalization;
using System.Text.Json;
using Frontdesk.Core.Identifiers;
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
        var echoes = new List<MessageEcho>();
        var skipped = new List<SkippedItem>();
        var qualities = new List<QualityUpdate>();
        foreach (var entry in Array(document.RootElement, "entry"))
        {
            foreach (var change in Array(entry, "changes"))
            {
                if (!change.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                if (String(change, "field") == "phone_number_quality_update")
                {
                    qualities.Add(new QualityUpdate
                    {
                        BusinessAccountId = String(entry, "id"),
                        DisplayPhoneNumber = String(value, "display_phone_number"),
                        Event = String(value, "event") ?? "",
                        CurrentLimit = String(value, "current_limit"),
                    });
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
                        BizOpaqueCallbackData = String(status, "biz_opaque_callback_data"),
                    });
                }

                foreach (var echo in EchoElements(value, phoneNumberId, skipped))
                {
                    if (Echo(echo, phoneNumberId, display, skipped) is { } parsed)
                    {
                        echoes.Add(parsed);
                    }
                }
            }
        }

        return new WebhookBatch(messages, statuses) { Echoes = echoes, Skipped = skipped, QualityUpdates = qualities };
    }

    private static IEnumerable<JsonElement> EchoElements(JsonElement value, string phoneNumberId, List<SkippedItem> skipped)
    {
        var array = Property(value, "message_echoes");
        if (array.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return [];
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            skipped.Add(new SkippedItem(phoneNumberId, null, $"message_echoes is a JSON {array.ValueKind}, not an array"));
            return [];
        }

        return array.EnumerateArray();
    }

    /// <summary>
    /// One <c>message_echoes[]</c> entry, or null (with the reason in <paramref name="skipped"/>) when it is not an
    /// object, lacks <c>id</c> or <c>to</c>, or was sent from another number than the one the change is for.
    /// </summary>
    private static MessageEcho? Echo(JsonElement echo, string phoneNumberId, string? display, List<SkippedItem> skipped)
    {
        if (echo.ValueKind != JsonValueKind.Object)
        {
            skipped.Add(new SkippedItem(phoneNumberId, null, $"a message_echoes entry is a JSON {echo.ValueKind}, not an object"));
            return null;
        }

        var id = String(echo, "id");
        var to = String(echo, "to");
        var from = String(echo, "from");
        string? problem = null;
        if (!PhoneNumberId.TryParse(phoneNumberId, out _))
        {
            problem = $"the change's metadata.phone_number_id ({phoneNumberId.Length} characters) is not a phone_number_id";
        }
        else if (!WebhookIds.IsMessageId(id))
        {
            // A malformed id is never quoted: only its length.
            problem = $"the echo's id ({id?.Length ?? 0} characters) is not a message id";
            id = null;
        }
        else if (string.IsNullOrWhiteSpace(to))
        {
            problem = "the echo has no to (the customer)";
        }
        else if (!WaId.TryParse(Digits(to), out _))
        {
            problem = $"the echo's to ({to.Length} characters) is not a WhatsApp id";
        }
        else if (from is not null && display is not null && Digits(from) != Digits(display))
        {
            problem = $"the echo was sent from {from}, not from this change's number {display} (phone_number_id {phoneNumberId})";
        }

        if (problem is not null)
        {
            skipped.Add(new SkippedItem(phoneNumberId, id, problem));
            return null;
        }

        return new MessageEcho
        {
            PhoneNumberId = phoneNumberId,
            DisplayPhoneNumber = display,
            To = Digits(to!),
            Id = id!,
            Timestamp = Timestamp(echo),
            Type = String(echo, "type") ?? "",
            Content = Content(echo),
            BizOpaqueCallbackData = String(echo, "biz_opaque_callback_data"),
        };
    }

    private static string Digits(string number) => number.Trim().TrimStart('+');

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
            case "reaction":
                return new ReactionContent(String(body, "message_id"), String(body, "emoji"));
            case "edit":
                var edited = Property(body, "message");
                return new EditContent(
                    String(body, "original_message_id") ?? "",
                    String(edited, "type"),
                    edited.ValueKind == JsonValueKind.Object && String(edited, "type") is not null ? Content(edited) : null);
            case "revoke":
                return new RevokeContent(String(body, "original_message_id"));
            case "request_welcome":
                return new RequestWelcomeContent();
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
