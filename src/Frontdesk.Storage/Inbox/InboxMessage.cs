using System.Text;
using System.Text.Json;

namespace Frontdesk.Storage.Inbox;

/// <summary>
/// The two shapes of a <c>webhook-inbox</c> message: a webhook body itself (<c>{"object":…}</c>), or a claim check
/// naming the blob that holds it (<c>{"claimCheck":"2026-11-26/….json"}</c>).
/// </summary>
public static class InboxMessage
{
    private const string ClaimCheckProperty = "claimCheck";

    public static ReadOnlyMemory<byte> ClaimCheck(string blobName)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(ClaimCheckProperty, blobName);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The blob name when <paramref name="message"/> is a claim check, else null.</summary>
    public static string? ClaimCheckBlob(ReadOnlySpan<byte> message)
    {
        // Only a tiny message can be a claim check: don't parse large bodies twice.
        if (message.Length > 512 || message.IndexOf(Encoding.UTF8.GetBytes(ClaimCheckProperty)) < 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(message.ToArray());
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(ClaimCheckProperty, out var name)
                && name.ValueKind == JsonValueKind.String
                    ? name.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
