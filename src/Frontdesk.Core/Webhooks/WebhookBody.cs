using System.Text.Json;

namespace Frontdesk.Core.Webhooks;

/// <summary>Cheap checks on a signed body before it is stored: no model is built on the HTTP path.</summary>
public static class WebhookBody
{
    public const string WhatsAppObject = "whatsapp_business_account";

    /// <summary>Meta's maximum webhook payload.</summary>
    public const int MaxBytes = Limits.InputLimits.WebhookBodyBytes;

    public static WebhookBodyKind Classify(ReadOnlySpan<byte> body, out string? objectName)
    {
        objectName = null;
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return WebhookBodyKind.NotJson;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1
                    && reader.ValueTextEquals("object"u8))
                {
                    reader.Read();
                    objectName = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else
                {
                    reader.Skip();
                }
            }

            // Read to the end so that a truncated or trailing-garbage body is refused, not stored.
            while (reader.Read())
            {
            }

            return string.Equals(objectName, WhatsAppObject, StringComparison.Ordinal)
                ? WebhookBodyKind.WhatsApp
                : WebhookBodyKind.ForeignObject;
        }
        catch (JsonException)
        {
            return WebhookBodyKind.NotJson;
        }
    }
}
